import type { components } from '../../../src/api/schema';
import { newCouponCode } from '../codes';
import type { CustomerIdentity } from '../customers/identity';
import { inTransactionRetryingCodes } from '../customers/repository';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/types';
import { ApiError } from '../http/errors';
import type { Store } from '../program/store';
import { COUPON_COLUMNS, couponView, type CouponRow } from '../rewards/coupon-view';

/**
A referred friend claims their gift with the referrer's code and their own email. Refused for
the referrer themselves (same customer or same email, any case), for an email that already
claimed (also under concurrency: the claims table is unique per lowercased email) and for an
email that already ordered, since the gift is for a first order.
*/
export async function claimReferral(
	db: Database,
	store: Store,
	request: components['schemas']['ReferralClaimRequest'],
	locale: string,
	identity?: CustomerIdentity,
): Promise<components['schemas']['ReferralClaimResult']> {
	const rule = store.ruleOfKind('referral');
	if (!rule?.friendGift) throw new ApiError('not_found', 'This store has no referral program.');
	const gift = rule.friendGift;
	try {
		return await inTransactionRetryingCodes(db, async (tx) => {
			const [referrer] = await tx.query<{ id: string; external_id: string; email: string }>(
				'select id::text as id, external_id, email from customers where store_id = $1 and referral_code = $2',
				[store.id, request.code.toUpperCase()],
			);
			if (!referrer) throw new ApiError('not_found', 'No such referral code.');
			if (referrer.email.toLowerCase() === request.email.toLowerCase() || referrer.external_id === identity?.customerId) {
				throw new ApiError('self_referral', 'Shoppers cannot refer themselves.');
			}
			const [claimed] = await tx.query('select 1 from referral_claims where store_id = $1 and lower(email) = lower($2)', [store.id, request.email]);
			if (claimed) throw new ApiError('already_claimed', 'This email already claimed a friend’s gift.');
			const [ordered] = await tx.query(
				`select 1 from orders where store_id = $1 and (lower(email) = lower($2)
				or customer_id in (select id from customers where store_id = $1 and lower(email) = lower($2))) limit 1`,
				[store.id, request.email],
			);
			if (ordered) throw new ApiError('not_eligible', 'The friend’s gift is for a first order; this email has ordered before.');

			const [claim] = await tx.query<{ id: string }>('insert into referral_claims (store_id, referrer_id, email) values ($1, $2, $3) returning id::text as id', [
				store.id,
				referrer.id,
				request.email,
			]);
			const [coupon] = await tx.query<CouponRow>(
				`insert into coupons (store_id, code, source, referral_claim_id, title, kind, amount, min_order_amount, currency)
				values ($1, $2, 'referral', $3, $4, 'fixed_amount', $5, $6, $7) returning ${COUPON_COLUMNS}`,
				[store.id, newCouponCode(), claim.id, JSON.stringify(gift.title), gift.amount, gift.minOrderAmount, store.currency],
			);
			return { coupon: couponView(store, coupon, locale) };
		});
	} catch (error) {
		if (isUniqueViolation(error, 'referral_claims_once_per_email')) throw new ApiError('already_claimed', 'This email already claimed a friend’s gift.');
		throw error;
	}
}
