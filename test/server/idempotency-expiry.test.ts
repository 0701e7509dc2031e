import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../demo/server/db/open';
import { purgeExpiredKeys } from '../../demo/server/idempotency-purge';
import { type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

const HOUR = 3_600_000;

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({ purgeIntervalMs: 0 });
});
afterAll(() => server?.close());

/** Moves a stored key's time back, as if it had been used `hours` ago. */
const age = (table: string, key: string, hours: number) =>
	server.query(`update ${table} set created_at = now() - make_interval(hours => $2) where key = $1`, [key, hours]);

const balanceOf = async (token: string) => (await server.api.get(storePath('/customer'), { token })).body.balance as number;

describe('Idempotency-Key expiry (24 h)', () => {
	it('a redemption key past the window is refused, before and after its purge, and never debits again', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		await server.api.get(storePath('/customer'), { token });
		await server.api.order({ orderId: `fund-${customerId}`, customerId, subtotal: 200_00 });
		const key = randomUUID();
		const redeem = () =>
			server.api.post(storePath('/customer/redemptions'), { rewardId: 'five-off' }, { token, headers: { 'idempotency-key': key } });
		const first = await redeem();
		expect(first.status).toBe(201);
		const after = await balanceOf(token);

		await age('idempotency_keys', key, 23);
		expect((await redeem()).text).toBe(first.text);

		await age('idempotency_keys', key, 25);
		const expired = await redeem();
		expect([expired.status, expired.body.error.code]).toEqual([422, 'idempotency_key_reused']);
		expect(expired.body.error.message).toMatch(/24 hours/);

		expect(await server.query('select 1 from idempotency_keys where key = $1', [key])).toHaveLength(1);
		await withDatabase((db) => purgeExpiredKeys(db));
		expect(await server.query('select 1 from idempotency_keys where key = $1', [key])).toHaveLength(0);
		// The stored response is gone; the ledger's dedupe key still refuses a second debit.
		const purged = await redeem();
		expect([purged.status, purged.body.error.code]).toEqual([422, 'idempotency_key_reused']);
		expect(await balanceOf(token)).toBe(after);
	});

	it('a claim key past the window is refused, not replayed', async () => {
		const { body } = await server.api.get(storePath('/customer'), { token: await tokenFor(newCustomerId('referrer')) });
		const key = randomUUID();
		const email = `${newCustomerId('friend')}@example.com`;
		const claim = () =>
			server.api.post(storePath('/referrals/claim'), { code: body.referral.code, email }, { headers: { 'idempotency-key': key } });
		expect((await claim()).status).toBe(201);
		await age('referral_claim_keys', key, 25);
		const expired = await claim();
		expect([expired.status, expired.body.error.code]).toEqual([422, 'idempotency_key_reused']);
		await withDatabase((db) => purgeExpiredKeys(db));
		// Purged, the claim runs again and meets the once-per-email rule: no second gift.
		const again = await claim();
		expect([again.status, again.body.error.code]).toEqual([409, 'already_claimed']);
	});

	it('the purge deletes only keys older than the window at the given time, in bounded batches', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		await server.api.get(storePath('/customer'), { token });
		const keys = Array.from({ length: 5 }, () => randomUUID());
		for (const key of keys)
			await server.api.post(storePath('/customer/redemptions'), { rewardId: 'five-off' }, { token, headers: { 'idempotency-key': key } });
		// 25, 25, 27, 29 and 31 hours old: never exactly at the window's edge under a clock 2 hours behind.
		const hours = [25, 25, 27, 29, 31];
		for (const [index, key] of keys.entries()) await age('idempotency_keys', key, hours[index]);
		const remaining = async () =>
			(await server.query<{ key: string }>('select key from idempotency_keys where key = any($1)', [keys])).length;

		const now = new Date();
		// A clock 2 hours behind: only the keys 27 h old and more (three) are past the window.
		expect(await withDatabase((db) => purgeExpiredKeys(db, { now: new Date(now.getTime() - 2 * HOUR) }))).toBeGreaterThanOrEqual(3);
		expect(await remaining()).toBe(2);
		// One batch of one row per table and run: bounded, however much has piled up.
		await withDatabase((db) => purgeExpiredKeys(db, { now, batchSize: 1, maxBatches: 1 }));
		expect(await remaining()).toBe(1);
		await withDatabase((db) => purgeExpiredKeys(db, { now }));
		expect(await remaining()).toBe(0);
	});
});

/** The test server's own database, opened beside it (PGlite's directory or the PostgreSQL URL). */
async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
	if (server.database.databaseUrl) {
		const db = await openDatabase({ databaseUrl: server.database.databaseUrl, maxWaiting: 10 });
		try {
			return await work(db);
		} finally {
			await db.close();
		}
	}
	// PGlite allows one process at a time: go through the server's own connection.
	return work({ kind: 'pglite', query: server.query, transaction: () => Promise.reject(new Error('unused')), close: async () => {} });
}
