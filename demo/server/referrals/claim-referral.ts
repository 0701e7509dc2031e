import type { components } from '../../../src/api/schema';
import { newCouponCode } from '../codes';
import type { CustomerIdentity } from '../customers/identity';
import { inTransactionRetryingCodes } from '../customers/repository';
import { isUniqueViolation } from '../db/errors';
import type { Database, Queryable } from '../db/types';
import { ApiError } from '../errors';
import { EXPIRED_SQL, refusal, replay, requestHash, type StoredResponse, type StoredRow } from '../idempotency';
import type { EarnRuleDefinition } from '../program/definition';
import type { Store } from '../program/store';
import { COUPON_COLUMNS, couponView, type CouponRow } from '../rewards/coupon-view';

type ReferralClaimRequest = components['schemas']['ReferralClaimRequest'];
type FriendGift = NonNullable<EarnRuleDefinition['friendGift']>;

const alreadyClaimed = () => new ApiError('already_claimed', 'This email already claimed a friend’s gift.');

/** The claim's checks and writes in `tx`: the gift, or the refusal (returned, not thrown, so it can be stored with its key). */
async function claim(
	tx: Queryable,
	store: Store,
	gift: FriendGift,
	request: ReferralClaimRequest,
	locale: string,
	identity?: CustomerIdentity,
): Promise<StoredResponse> {
	const [referrer] = await tx.query<{ id: string; external_id: string; email: string }>(
		'select id::text as id, external_id, email from customers where store_id = $1 and referral_code = $2',
		[store.id, request.code.toUpperCase()],
	);
	if (!referrer) return refusal(new ApiError('not_found', 'No such referral code.'));
	if (referrer.email.toLowerCase() === request.email.toLowerCase() || referrer.external_id === identity?.customerId) {
		return refusal(new ApiError('self_referral', 'Shoppers cannot refer themselves.'));
	}
	const [claimed] = await tx.query('select 1 from referral_claims where store_id = $1 and lower(email) = lower($2)', [
		store.id,
		request.email,
	]);
	if (claimed) return refusal(alreadyClaimed());
	const [ordered] = await tx.query(
		`select 1 from orders where store_id = $1 and (lower(email) = lower($2)
		or customer_id in (select id from customers where store_id = $1 and lower(email) = lower($2))) limit 1`,
		[store.id, request.email],
	);
	if (ordered) return refusal(new ApiError('not_eligible', 'The friend’s gift is for a first order; this email has ordered before.'));

	const [row] = await tx.query<{ id: string }>(
		'insert into referral_claims (store_id, referrer_id, email) values ($1, $2, $3) returning id::text as id',
		[store.id, referrer.id, request.email],
	);
	const [coupon] = await tx.query<CouponRow>(
		`insert into coupons (store_id, code, source, referral_claim_id, title, kind, amount, min_order_amount, currency)
		values ($1, $2, 'referral', $3, $4, 'fixed_amount', $5, $6, $7) returning ${COUPON_COLUMNS}`,
		[store.id, newCouponCode(), row.id, JSON.stringify(gift.title), gift.amount, gift.minOrderAmount, store.currency],
	);
	const body: components['schemas']['ReferralClaimResult'] = { coupon: couponView(store, coupon, locale) };
	return { status: 201, body: JSON.stringify(body) };
}

/**
A referred friend claims their gift with the referrer's code and their own email. Refused for
the referrer themselves (same customer or same email, any case), for an email that already
claimed (also under concurrency: the claims table is unique per lowercased email) and for an
email that already ordered, since the gift is for a first order.

With an Idempotency-Key, the response (gift or refusal) is stored under the key in the claim's
own transaction, and a request with a known key gets it again (422 if the body differs), so a
friend whose answer was lost gets their code on the retry instead of `already_claimed`.
*/
export async function claimReferral(
	db: Database,
	store: Store,
	request: ReferralClaimRequest,
	locale: string,
	identity?: CustomerIdentity,
	idempotencyKey?: string,
): Promise<StoredResponse> {
	// Keys are scoped by store alone (a claim has no customer). The email is part of the request,
	// not of the scope: with it in the scope, a key reused for another email would claim again
	// instead of answering 422, hiding a client that mixes up its keys, and a stored gift is
	// replayed only to the same code and email, so a key alone never reveals another friend's
	// code. Code and email count in any case, as the claim compares them. The optional token is
	// not part of the request: a retry after signing in still gets the first answer.
	const hash = requestHash({ code: request.code.toUpperCase(), email: request.email.toLowerCase() });
	const attempt = () =>
		inTransactionRetryingCodes(db, async (tx) => {
			if (idempotencyKey) {
				// Taking the key first (its response is filled in below, in this transaction) makes a
				// concurrent request with the same key wait on the primary key until this one ends,
				// then replay what it stored (or take the key, if this one rolled back).
				const [taken] = await tx.query(
					`insert into referral_claim_keys (store_id, key, request_hash, status, body) values ($1, $2, $3, 0, '')
					on conflict (store_id, key) do nothing returning 1 as taken`,
					[store.id, idempotencyKey, hash],
				);
				if (!taken) {
					const [stored] = await tx.query<StoredRow>(
						`select request_hash, status, body, ${EXPIRED_SQL} as expired from referral_claim_keys where store_id = $1 and key = $2`,
						[store.id, idempotencyKey],
					);
					return replay(stored, hash);
				}
			}
			// Checked after the key, so a known key answers its first response even if the program changed since.
			const gift = store.ruleOfKind('referral')?.friendGift;
			if (!gift) throw new ApiError('not_found', 'This store has no referral program.');
			const response = await claim(tx, store, gift, request, locale, identity);
			if (idempotencyKey) {
				await tx.query('update referral_claim_keys set status = $3, body = $4 where store_id = $1 and key = $2', [
					store.id,
					idempotencyKey,
					response.status,
					response.body,
				]);
			}
			return response;
		});
	try {
		return await attempt();
	} catch (error) {
		if (!isUniqueViolation(error, 'referral_claims_once_per_email')) throw error;
	}
	// A concurrent claim for this email committed first: run again, to see it and answer (and
	// store under this key) `already_claimed`.
	try {
		return await attempt();
	} catch (error) {
		if (isUniqueViolation(error, 'referral_claims_once_per_email')) throw alreadyClaimed();
		throw error;
	}
}
