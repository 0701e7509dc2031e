import type { components } from '../../../src/api/schema';
import { customerColumns, type CustomerRow } from '../customers/repository';
import type { Database } from '../db/types';
import { ApiError, invalidField } from '../errors';
import { balanceAndStoredKey, keyExpired, refusal, replay, requestHash, type StoredResponse } from '../idempotency';
import type { Store } from '../program/store';
import { expireIfDue } from './expiry';

type PointsAdjustmentRequest = components['schemas']['PointsAdjustmentRequest'];
type PointsAdjustment = components['schemas']['PointsAdjustment'];

// The merchant's keys share idempotency_keys with the shopper's redemption keys (both per
// customer); the prefix keeps the two namespaces apart.
const KEY_PREFIX = 'adjustment:';

/**
A merchant's manual correction, with the reason the shopper will read in their activity. Under the
customer's row lock: replays a known Idempotency-Key (422 if the body differs), refuses a debit the
balance cannot cover (409 `insufficient_points`, stored and replayed like a success), else appends
one `adjustment` entry. The customer must already be enrolled: adjusting cannot create shoppers.
*/
export async function adjustPoints(
	db: Database,
	store: Store,
	customerId: string,
	idempotencyKey: string,
	request: PointsAdjustmentRequest,
): Promise<StoredResponse> {
	// The contract's schema subset has no `not`: zero is refused here, before anything is read.
	if (request.points === 0) throw invalidField('body', '/points', 'must not be zero');
	const reason = request.reason.trim();
	const hash = requestHash({ points: request.points, reason });
	return db.transaction(async (tx) => {
		const [customer] = await tx.query<CustomerRow>(
			`select ${customerColumns()} from customers where store_id = $1 and external_id = $2 for update`,
			[store.id, customerId],
		);
		if (!customer) throw new ApiError('not_found', `No customer ${customerId} in this store.`);
		await expireIfDue(tx, store, customer.id, new Date());
		const key = KEY_PREFIX + idempotencyKey;
		const { balance, stored } = await balanceAndStoredKey(tx, customer.id, key);
		if (stored) return replay(stored, hash);

		let response: StoredResponse;
		if (balance + request.points < 0) {
			response = refusal(
				new ApiError('insufficient_points', `Taking ${-request.points} points would leave a negative balance; the balance is ${balance}.`),
			);
		} else {
			// The entry carries the key as its dedupe key, so a key whose stored response was purged can never adjust again.
			const [entry] = await tx.query<{ id: string; created_at: string }>(
				`insert into ledger (customer_id, points, kind, note, dedupe_key) values ($1, $2, 'adjustment', $3, $4)
				on conflict (customer_id, dedupe_key) do nothing
				returning id::text as id, iso_utc(created_at) as created_at`,
				[customer.id, request.points, reason, key],
			);
			if (!entry) throw keyExpired();
			const body: PointsAdjustment = {
				id: entry.id,
				customerId: customer.external_id,
				points: request.points,
				reason,
				balance: balance + request.points,
				createdAt: entry.created_at,
			};
			response = { status: 201, body: JSON.stringify(body) };
		}
		await tx.query('insert into idempotency_keys (customer_id, key, request_hash, status, body) values ($1, $2, $3, $4, $5)', [
			customer.id,
			key,
			hash,
			response.status,
			response.body,
		]);
		return response;
	});
}
