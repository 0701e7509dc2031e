import { createHash } from 'node:crypto';
import type { Queryable } from './db/types';
import { ApiError } from './errors';
import { toSafeInteger } from './customers/points-limits';

/**
The response to send for a request that carried an Idempotency-Key: stored serialised with the
effect it describes (a redemption, a referral claim), so a retry gets it byte for byte.
*/
export interface StoredResponse {
	status: number;
	/** The JSON body, serialised. */
	body: string;
}

/**
How long a stored response answers its Idempotency-Key: 24 hours, as Stripe does. Past it the key is
refused (422), never run again; the purge then deletes it (see purgeExpiredKeys).
*/
export const IDEMPOTENCY_WINDOW_HOURS = 24;

/** SQL for "this row's key is past the window", on a row with created_at. */
export const EXPIRED_SQL = `created_at < now() - interval '${IDEMPOTENCY_WINDOW_HOURS} hours'`;

/** A stored response as its table row (request_hash fingerprints the request it answered). */
export interface StoredRow {
	request_hash: string;
	status: number;
	body: string;
	/** Stored longer ago than the window. */
	expired: boolean;
}

/** The fingerprint of a request, from its canonical form: key order and whitespace must not make two equal bodies differ. */
export function requestHash(canonical: unknown): string {
	return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** What a request with a key already answered gets: that answer again, or 422 if the body differs. */
export function replay(stored: StoredRow, hash: string): StoredResponse {
	if (stored.expired) throw keyExpired();
	if (stored.request_hash !== hash) throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
	return { status: stored.status, body: stored.body };
}

/** A business refusal (a 409 and the like) as a response to store and replay. */
export function refusal(error: ApiError): StoredResponse {
	return { status: error.status, body: JSON.stringify(error.body) };
}

/** 422 for a key used longer ago than the window: it is not run again (that could spend twice). */
export function keyExpired(): ApiError {
	return new ApiError(
		'idempotency_key_reused',
		`This Idempotency-Key was used more than ${IDEMPOTENCY_WINDOW_HOURS} hours ago; send a new key for a new request.`,
	);
}

/**
A customer's balance and what their Idempotency-Key `key` already answered (null when it is new), read
in one statement after the customer's row lock, so it sees every transaction that held the lock before.
*/
export async function balanceAndStoredKey(
	tx: Queryable,
	customerId: string,
	key: string,
): Promise<{ balance: number; stored: StoredRow | null }> {
	const [state] = await tx.query<{
		balance: string | number;
		request_hash: string | null;
		status: number | null;
		body: string | null;
		expired: boolean | null;
	}>(
		`select (select coalesce(sum(points), 0)::bigint from ledger where customer_id = $1) as balance, i.request_hash, i.status, i.body,
			i.${EXPIRED_SQL} as expired
		from (select 1) as one left join idempotency_keys i on i.customer_id = $1 and i.key = $2`,
		[customerId, key],
	);
	return { balance: toSafeInteger(state.balance), stored: state.request_hash === null ? null : (state as StoredRow) };
}
