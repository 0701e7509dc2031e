import type { components } from '../../../src/api/schema';
import { newCouponCode } from '../codes';
import { inTransactionRetryingCodes, lockOrEnrol } from '../customers/repository';
import type { CustomerIdentity } from '../customers/identity';
import type { Database, Queryable } from '../db/types';
import { ApiError, invalidField } from '../errors';
import { balanceAndStoredKey, keyExpired, refusal, replay, requestHash, type StoredResponse } from '../idempotency';
import type { RewardDefinition } from '../program/definition';
import type { Store } from '../program/store';
import { COUPON_COLUMNS, couponView, type CouponRow } from './coupon-view';
import { announceCoupon, initialCouponState, settleRedemption } from './issue-coupon';
import { DEFAULT_ISSUING_LIMITS, type IssuingLimits } from './issuers/issuer';

type RedemptionRequest = components['schemas']['RedemptionRequest'];

interface Priced {
	reward: RewardDefinition;
	cost: number;
	coupon: { kind: CouponRow['kind']; amount: number | null; percent: number | null };
}

/** Checks the reward exists and the points requested fit it; answers what it costs and grants. */
function price(store: Store, request: RedemptionRequest): Priced {
	const reward = store.rewards.get(request.rewardId);
	if (!reward) throw new ApiError('not_found', `No reward ${request.rewardId}.`);
	if (reward.kind !== 'variable') {
		if (request.points !== undefined)
			throw invalidField('body', '/points', `is only for variable rewards; ${reward.id} costs ${reward.points} points`);
		return {
			reward,
			cost: reward.points!,
			coupon: { kind: reward.kind, amount: reward.amount ?? null, percent: reward.percent ?? null },
		};
	}
	const { points } = request;
	const { minPoints, maxPoints, stepPoints, pointsPerUnit, unitAmount } = reward as Required<RewardDefinition>;
	if (points === undefined) throw invalidField('body', '/points', 'is required for a variable reward');
	if (points < minPoints || points > maxPoints) throw invalidField('body', '/points', `must be between ${minPoints} and ${maxPoints}`);
	if ((points - minPoints) % stepPoints !== 0) throw invalidField('body', '/points', `must be a multiple of ${stepPoints}`);
	return { reward, cost: points, coupon: { kind: 'fixed_amount', amount: (points / pointsPerUnit) * unitAmount, percent: null } };
}

/**
Appends the debit and issues its coupon in one statement (the coupon references the ledger row). The debit
carries the Idempotency-Key as its dedupe key, so a key whose stored response was purged can never debit
again: undefined then, and nothing is written.
*/
async function debitAndIssueCoupon(
	tx: Queryable,
	store: Store,
	customerId: string,
	priced: Priced,
	idempotencyKey: string,
): Promise<CouponRow | undefined> {
	const { reward, coupon } = priced;
	const state = initialCouponState(store);
	const [issued] = await tx.query<CouponRow & { id: string }>(
		`with debit as (
			insert into ledger (customer_id, points, kind, reward_id, dedupe_key) values ($3, $12, 'redemption', $4, $16)
			on conflict (customer_id, dedupe_key) do nothing returning id
		)
		insert into coupons (store_id, code, source, customer_id, ledger_entry_id, reward_id, title, kind, amount, percent, product_name, min_order_amount, currency,
			status, platform, idempotency_key)
		select $1, $2, 'redemption', $3, debit.id, $4, $5, $6, $7, $8, $9, $10, $11, $13, $14, $15 from debit
		returning id::text as id, ${COUPON_COLUMNS}`,
		[
			store.id,
			newCouponCode(),
			customerId,
			reward.id,
			JSON.stringify(reward.title),
			coupon.kind,
			coupon.amount,
			coupon.percent,
			reward.productName ? JSON.stringify(reward.productName) : null,
			reward.minOrderAmount ?? null,
			store.currency,
			-priced.cost,
			state.status,
			state.platform,
			idempotencyKey,
			`redemption:${idempotencyKey}`,
		],
	);
	if (!issued) return undefined;
	const { id, ...row } = issued;
	await announceCoupon(tx, store, id);
	return row;
}

/**
Spends points on a reward: under the customer's row lock, replays a stored response for a known
Idempotency-Key (422 if the body differs) before anything else, checks the reward and the balance, then appends the debit, issues the
coupon and stores the response, all in one transaction, so there is never a debit without its
coupon, a coupon without its debit, or a second debit for one key. On Shopify the coupon starts
pending and is settled after the transaction (issue-coupon.ts): created there, or the points go back.
*/
export async function redeem(
	db: Database,
	store: Store,
	identity: CustomerIdentity,
	idempotencyKey: string,
	request: RedemptionRequest,
	locale: string,
	issuing: IssuingLimits = DEFAULT_ISSUING_LIMITS,
): Promise<StoredResponse> {
	const hash = requestHash({ rewardId: request.rewardId, points: request.points ?? null });
	const response = await inTransactionRetryingCodes(db, async (tx) => {
		const customer = await lockOrEnrol(tx, store, identity);
		const { balance, stored } = await balanceAndStoredKey(tx, customer.id, idempotencyKey);
		if (stored) return replay(stored, hash);
		// Only a new key gets its reward checked: a known key answers its first response, or 422 for
		// another body, whatever that body asks for (it may name a reward that no longer exists).
		const priced = price(store, request);

		let response: StoredResponse;
		if (balance < priced.cost) {
			response = refusal(new ApiError('insufficient_points', `This reward costs ${priced.cost} points; the balance is ${balance}.`));
		} else {
			const coupon = await debitAndIssueCoupon(tx, store, customer.id, priced, idempotencyKey);
			if (!coupon) throw keyExpired();
			const body: components['schemas']['RedemptionResult'] = {
				coupon: couponView(store, coupon, locale),
				pointsSpent: priced.cost,
				balance: balance - priced.cost,
			};
			response = { status: 201, body: JSON.stringify(body) };
		}
		await tx.query('insert into idempotency_keys (customer_id, key, request_hash, status, body) values ($1, $2, $3, $4, $5)', [
			customer.id,
			idempotencyKey,
			hash,
			response.status,
			response.body,
		]);
		return response;
	});
	// A Shopify coupon is pending until Shopify has it (also when a replay finds it pending).
	return settleRedemption(db, store, response, issuing);
}
