import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORE, type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

const adminHeaders = (key: string, adminKey: string = DEMO_STORE.adminKey) => ({
	authorization: `Bearer ${adminKey}`,
	'idempotency-key': key,
});
const adjust = (customerId: string, body: unknown, key = randomUUID(), adminKey?: string) =>
	server.api.post(storePath(`/admin/customers/${encodeURIComponent(customerId)}/adjustments`), body, {
		headers: adminHeaders(key, adminKey),
	});
/** A new enrolled member (100 signup points) and their customer view. */
async function member() {
	const customerId = newCustomerId('adjusted');
	const token = await tokenFor(customerId);
	await server.api.get(storePath('/customer'), { token });
	const view = async () => (await server.api.get(storePath('/customer'), { token })).body;
	const activity = async () => (await server.api.get(storePath('/customer/activity'), { token })).body.items;
	return { customerId, view, activity };
}
const ledgerRows = (customerId: string) =>
	server.query<{ points: number; kind: string; note: string }>(
		`select l.points, l.kind, l.note from ledger l join customers c on c.id = l.customer_id where c.external_id = $1 order by l.id`,
		[customerId],
	);

describe('merchant points adjustments', () => {
	it('refuses a missing or wrong admin key, and the store secret, with 401 and writes nothing', async () => {
		const { customerId } = await member();
		for (const adminKey of ['', 'sk_admin_wrong_wrong_wrong_wrong', DEMO_STORE.secret]) {
			const response = await adjust(customerId, { points: 50, reason: 'Goodwill' }, randomUUID(), adminKey);
			expect([response.status, response.body.error.code]).toEqual([401, 'invalid_admin_key']);
		}
		expect((await ledgerRows(customerId)).map((row) => row.kind)).toEqual(['signup']);
	});

	it('adds points with the reason, shown in the shopper activity as an adjustment', async () => {
		const { customerId, view, activity } = await member();
		const { status, body } = await adjust(customerId, { points: 40, reason: '  Sorry about the late parcel ' });
		expect(status).toBe(201);
		expect(body).toMatchObject({ customerId, points: 40, reason: 'Sorry about the late parcel', balance: 140 });
		expect((await view()).balance).toBe(140);
		expect((await activity())[0]).toMatchObject({
			id: body.id,
			kind: 'adjustment',
			points: 40,
			reference: { note: 'Sorry about the late parcel' },
		});
	});

	it('takes points, down to exactly zero, and refuses to go below with 409 insufficient_points', async () => {
		const { customerId, view } = await member();
		const below = await adjust(customerId, { points: -101, reason: 'Fraudulent signup' });
		expect([below.status, below.body.error.code]).toEqual([409, 'insufficient_points']);
		expect((await view()).balance).toBe(100);
		const toZero = await adjust(customerId, { points: -100, reason: 'Fraudulent signup' });
		expect([toZero.status, toZero.body.balance]).toEqual([201, 0]);
		expect((await view()).balance).toBe(0);
	});

	it('refuses zero points, an empty reason and unknown customers', async () => {
		const { customerId } = await member();
		expect((await adjust(customerId, { points: 0, reason: 'Nothing' })).status).toBe(400);
		expect((await adjust(customerId, { points: 5, reason: '   ' })).status).toBe(400);
		expect((await adjust(customerId, { points: 5 })).status).toBe(400);
		const unknown = await adjust('nobody-here', { points: 5, reason: 'Hello' });
		expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
		const noKey = await server.api.post(
			storePath(`/admin/customers/${customerId}/adjustments`),
			{ points: 5, reason: 'x' },
			{ headers: { authorization: `Bearer ${DEMO_STORE.adminKey}` } },
		);
		expect(noKey.status).toBe(400);
		expect((await ledgerRows(customerId)).map((row) => row.kind)).toEqual(['signup']);
	});

	it('is idempotent on the key: retries (also concurrent) adjust once and answer the first response byte for byte', async () => {
		const { customerId, view } = await member();
		const key = randomUUID();
		const responses = await Promise.all(Array.from({ length: 5 }, () => adjust(customerId, { points: 25, reason: 'Birthday gift' }, key)));
		expect(new Set(responses.map((response) => `${response.status} ${response.text}`)).size).toBe(1);
		expect((await view()).balance).toBe(125);
		const reused = await adjust(customerId, { points: 30, reason: 'Birthday gift' }, key);
		expect([reused.status, reused.body.error.code]).toEqual([422, 'idempotency_key_reused']);
		// A refusal is replayed too: the same key never adjusts later, even once the balance would allow it.
		const refusedKey = randomUUID();
		expect((await adjust(customerId, { points: -500, reason: 'Chargeback' }, refusedKey)).status).toBe(409);
		await adjust(customerId, { points: 500, reason: 'Correction' });
		expect((await adjust(customerId, { points: -500, reason: 'Chargeback' }, refusedKey)).status).toBe(409);
		expect((await view()).balance).toBe(625);
	});

	it('keeps merchant keys apart from the shopper’s redemption keys for the same customer', async () => {
		const { customerId, view } = await member();
		const key = randomUUID();
		const token = await tokenFor(customerId);
		const redemption = await server.api.post(
			storePath('/customer/redemptions'),
			{ rewardId: 'five-off' },
			{
				token,
				headers: { 'idempotency-key': key },
			},
		);
		expect([409, 201]).toContain(redemption.status);
		const adjustment = await adjust(customerId, { points: 10, reason: 'Thanks' }, key);
		expect(adjustment.status).toBe(201);
		expect((await view()).balance).toBe(redemption.status === 201 ? 110 - redemption.body.pointsSpent : 110);
	});
});
