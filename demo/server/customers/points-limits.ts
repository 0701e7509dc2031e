import type { Queryable } from '../db/types';
import { ApiError } from '../errors';

/**
The most points one order may award. Ten million points is a $2 million order at 5 points per dollar:
anything above is a mistake in the merchant's data (cents sent as dollars, a test order), not a purchase,
and ledger entries are 32-bit integers.
*/
export const MAX_POINTS_PER_ORDER = 10_000_000;

/**
The most points a balance may hold: one billion, half of a 32-bit integer, so that no sum the server or
a client makes of a balance can overflow. Orders past it are refused (422 `points_limit_exceeded`);
a referral reward past it is capped at the room left and recorded with a note (see rewardReferrer):
the friend's order webhook must not fail forever because of the referrer's balance.
*/
export const MAX_BALANCE = 1_000_000_000;

/** 422 `points_limit_exceeded`, naming the limit that was hit. */
export function pointsLimitExceeded(message: string): ApiError {
	return new ApiError('points_limit_exceeded', message);
}

/**
A sum from the database (bigint: a string from pg, a bigint or number from PGlite) as a number,
or an error rather than a silently rounded value.
*/
export function toSafeInteger(value: string | number | bigint): number {
	const number = Number(value);
	if (!Number.isSafeInteger(number)) throw new RangeError(`${value} is not a safe integer`);
	return number;
}

/** Points a customer's balance can still take before MAX_BALANCE (0 when at or past it). */
export async function roomUnderMaxBalance(tx: Queryable, customerId: string): Promise<number> {
	const [row] = await tx.query<{ balance: string | number | bigint }>(
		'select coalesce(sum(points), 0)::bigint as balance from ledger where customer_id = $1',
		[customerId],
	);
	return Math.max(0, MAX_BALANCE - toSafeInteger(row.balance));
}
