import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

async function customerRowId(customerId: string): Promise<string> {
	await server.api.get(storePath('/customer'), { token: await tokenFor(customerId) });
	const [row] = await server.query<{ id: string }>('select id::text as id from customers where external_id = $1', [customerId]);
	return row.id;
}

describe('the ledger in the database', () => {
	it('refuses UPDATE, DELETE and TRUNCATE (append-only)', async () => {
		const id = await customerRowId(newCustomerId());
		await expect(server.query('update ledger set points = 100000 where customer_id = $1', [id])).rejects.toThrow(/append-only/);
		await expect(server.query('delete from ledger where customer_id = $1', [id])).rejects.toThrow(/append-only/);
		await expect(server.query('truncate ledger cascade')).rejects.toThrow(/append-only/);
		const [row] = await server.query<{ sum: number }>('select sum(points)::int as sum from ledger where customer_id = $1', [id]);
		expect(row.sum).toBe(100);
	});

	it('refuses a debit that would make a balance negative', async () => {
		const id = await customerRowId(newCustomerId());
		await expect(
			server.query(`insert into ledger (customer_id, points, kind, reward_id) values ($1, -101, 'redemption', 'five-off')`, [id]),
		).rejects.toThrow(/negative/);
		await server.query(`insert into ledger (customer_id, points, kind, reward_id) values ($1, -100, 'redemption', 'five-off')`, [id]);
	});

	it('refuses a redemption coupon without its debit', async () => {
		const id = await customerRowId(newCustomerId());
		const orphan = `insert into coupons (store_id, code, source, customer_id, reward_id, title, kind, amount, currency)
			values ((select id from stores where key = 'pk_demo'), 'ORPH-ANCO-UPON', 'redemption', $1, 'five-off', '{"en":"$5 off"}', 'fixed_amount', 500, 'USD')`;
		await expect(server.query(orphan, [id])).rejects.toThrow(/check constraint/);
	});

	it('records applied migrations', async () => {
		const rows = await server.query<{ version: string }>('select version from schema_migrations order by version');
		// Every NNN_name.sql file, in order: each branch adds its own without editing this list.
		const files = readdirSync(new URL('../../demo/server/db/migrations/', import.meta.url))
			.filter((name) => /^\d+_[\w-]+\.sql$/.test(name))
			.sort()
			.map((name) => name.replace(/\.sql$/, ''));
		expect(files.slice(0, 2)).toEqual(['001_init', '002_referral_claim_keys']);
		expect(rows.map((row) => row.version)).toEqual(files);
	});
});
