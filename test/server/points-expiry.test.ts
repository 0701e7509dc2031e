import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStoreDefinition } from '../../demo/server/seed/demo-store';
import { mintCustomerToken } from '../../demo/server/token';
import { DEMO_STORE, type TestServer, newCustomerId, signWebhook, startTestServer, storePath } from './support/harness';

const EXPIRY_STORE = 'pk_expiry';
const MONTH_MS = 30 * 86_400_000;
let clock = new Date();
let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({
		stores: [{ ...demoStoreDefinition(), key: EXPIRY_STORE, pointsExpiry: { monthsWithoutActivity: 6 } }],
		now: () => clock,
		pointsExpiryIntervalMs: 0,
	});
});
afterAll(() => server?.close());

const tokenIn = (storeKey: string, customerId: string) =>
	mintCustomerToken({ storeKey, secret: DEMO_STORE.secret, customerId, email: `${customerId}@example.com`, ttlSeconds: 600 });
const view = async (customerId: string, storeKey = EXPIRY_STORE) =>
	(await server.api.get(storePath('/customer', storeKey), { token: await tokenIn(storeKey, customerId) })).body;
const activity = async (customerId: string, storeKey = EXPIRY_STORE) =>
	(await server.api.get(storePath('/customer/activity', storeKey), { token: await tokenIn(storeKey, customerId) })).body.items;
const expiryRows = (customerId: string) =>
	server.query<{ points: number }>(
		`select l.points from ledger l join customers c on c.id = l.customer_id where c.external_id = $1 and l.kind = 'expiry'`,
		[customerId],
	);

/**
A member whose only activity (300 points) happened `monthsAgo` months ago, written straight into the
database: the ledger refuses updates, not inserts with a past date. Answers when that was and when
those points fall due by PostgreSQL's calendar arithmetic.
*/
async function memberActive(monthsAgo: number, storeKey = EXPIRY_STORE) {
	const customerId = newCustomerId('dormant');
	const [customer] = await server.query<{ id: string }>(
		`insert into customers (store_id, external_id, email, referral_code, created_at)
		select id, $2, $3, $4, now() - make_interval(months => $5) from stores where key = $1 returning id::text as id`,
		[storeKey, customerId, `${customerId}@example.com`, randomBytes(5).toString('hex').toUpperCase(), monthsAgo],
	);
	const [entry] = await server.query<{ due: string }>(
		`insert into ledger (customer_id, points, kind, rule_key, dedupe_key, created_at)
		values ($1, 300, 'signup', 'signup', 'action:signup', now() - make_interval(months => $2))
		returning iso_utc(created_at + interval '6 months') as due`,
		[customer.id, monthsAgo],
	);
	return { customerId, due: entry.due };
}

describe('points expiry after 6 months without activity', () => {
	it('warns ahead with the points and the date while the window runs', async () => {
		clock = new Date();
		const { customerId, due } = await memberActive(5);
		const customer = await view(customerId);
		expect(customer.balance).toBe(300);
		expect(customer.expiringPoints).toEqual({ points: 300, date: due });
		expect(await expiryRows(customerId)).toEqual([]);
	});

	it('expires the whole balance once the window has passed: an expiry entry, the lifetime points kept', async () => {
		clock = new Date();
		const { customerId } = await memberActive(7);
		const customer = await view(customerId);
		expect([customer.balance, customer.lifetimePoints, customer.expiringPoints]).toEqual([0, 300, null]);
		expect((await activity(customerId))[0]).toMatchObject({ kind: 'expiry', points: -300, reference: {} });
	});

	it('follows the clock: the same member expires when time moves past the date', async () => {
		clock = new Date();
		const { customerId } = await memberActive(5);
		expect((await view(customerId)).balance).toBe(300);
		clock = new Date(Date.now() + 2 * MONTH_MS);
		expect((await view(customerId)).balance).toBe(0);
		clock = new Date();
	});

	it('restarts the window on new activity (an order)', async () => {
		clock = new Date();
		const { customerId, due } = await memberActive(5);
		const raw = JSON.stringify({ orderId: `o-${customerId}`, customerId, subtotal: 2000, currency: 'USD' });
		const order = await server.api.request('POST', storePath('/webhooks/orders', EXPIRY_STORE), {
			raw,
			headers: { 'content-type': 'application/json', 'x-rewards-signature': signWebhook(raw) },
		});
		expect(order.body.balance).toBe(400);
		// Two months on, the old activity alone would have expired the points; the order saved them.
		clock = new Date(Date.now() + 2 * MONTH_MS);
		const customer = await view(customerId);
		expect(customer.balance).toBe(400);
		expect(Date.parse(customer.expiringPoints.date)).toBeGreaterThan(Date.parse(due) + 4 * MONTH_MS);
		clock = new Date();
	});

	it('expires points before they can be spent or saved by a late redemption', async () => {
		clock = new Date();
		const { customerId } = await memberActive(7);
		await server.query(
			`insert into ledger (customer_id, points, kind, note, created_at)
			select id, 300, 'adjustment', 'Welcome back', now() - interval '7 months' from customers where external_id = $1`,
			[customerId],
		);
		const redemption = await server.api.post(
			storePath('/customer/redemptions', EXPIRY_STORE),
			{ rewardId: 'five-off' },
			{ token: await tokenIn(EXPIRY_STORE, customerId), headers: { 'idempotency-key': randomUUID() } },
		);
		expect([redemption.status, redemption.body.error?.code]).toEqual([409, 'insufficient_points']);
		expect(await expiryRows(customerId)).toEqual([{ points: -600 }]);
	});

	it('the periodic job expires due balances once per customer and due date, whoever runs first', async () => {
		clock = new Date();
		const first = await memberActive(8);
		const second = await memberActive(9);
		const fresh = await memberActive(1);
		const [, expired] = await Promise.all([view(first.customerId), server.expirePoints()]);
		expect(expired).toBeGreaterThanOrEqual(1);
		expect(await server.expirePoints()).toBe(0);
		await view(second.customerId);
		for (const { customerId } of [first, second]) expect(await expiryRows(customerId)).toEqual([{ points: -300 }]);
		expect(await expiryRows(fresh.customerId)).toEqual([]);
	});

	it('never expires anything in a store without a policy', async () => {
		const { customerId } = await memberActive(30, DEMO_STORE.key);
		await server.expirePoints();
		const customer = await view(customerId, DEMO_STORE.key);
		expect([customer.balance, customer.expiringPoints]).toEqual([300, null]);
	});
});
