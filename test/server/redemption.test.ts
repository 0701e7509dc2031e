import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

const redeem = (token: string, body: unknown, key: string | null = randomUUID()) =>
	server.api.post(storePath('/customer/redemptions'), body, { token, headers: key === null ? {} : { 'idempotency-key': key } });

/** A new customer holding `points` (signup 100 + an order topping it up). */
async function customerWith(points: number) {
	const customerId = newCustomerId();
	const token = await tokenFor(customerId);
	await server.api.get(storePath('/customer'), { token });
	if (points !== 100) {
		// Order points are 5 per dollar: a subtotal of (points - 100) / 5 dollars.
		const order = await server.api.order({ orderId: `top-up-${customerId}`, customerId, subtotal: ((points - 100) / 5) * 100 });
		expect(order.body.balance).toBe(points);
	}
	return { customerId, token };
}

async function ledgerSum(customerId: string) {
	const [row] = await server.query<{ sum: number }>(
		'select coalesce(sum(l.points), 0)::int as sum from ledger l join customers c on c.id = l.customer_id where c.external_id = $1',
		[customerId],
	);
	return row.sum;
}

describe('redemptions', () => {
	it('require an Idempotency-Key', async () => {
		const { token } = await customerWith(600);
		const response = await redeem(token, { rewardId: 'five-off' }, null);
		expect(response.status).toBe(400);
		expect(response.body.error.fields).toEqual([{ in: 'header', path: '/Idempotency-Key', message: 'is required' }]);
	});

	it('debit the reward and issue an unguessable coupon, atomically', async () => {
		const { customerId, token } = await customerWith(1100);
		const response = await redeem(token, { rewardId: 'ten-off' });
		expect(response.status).toBe(201);
		expect(response.body).toMatchObject({
			pointsSpent: 1000,
			balance: 100,
			coupon: { source: 'redemption', rewardId: 'ten-off', kind: 'fixed_amount', amount: 1000, currency: 'USD', title: '$10 off' },
		});
		expect(response.body.coupon.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
		const customer = (await server.api.get(storePath('/customer'), { token })).body;
		expect(customer.balance).toBe(100);
		expect(customer.lifetimePoints).toBe(1100);
		expect(customer.coupons.map((coupon: { code: string }) => coupon.code)).toEqual([response.body.coupon.code]);
		expect(await ledgerSum(customerId)).toBe(100);
	});

	it('grant each kind of reward', async () => {
		const { token } = await customerWith(5100);
		expect((await redeem(token, { rewardId: 'free-shipping' })).body.coupon).toMatchObject({ kind: 'free_shipping' });
		expect((await redeem(token, { rewardId: 'fifteen-percent' })).body.coupon).toMatchObject({ kind: 'percent', percent: 15 });
		expect((await redeem(token, { rewardId: 'candle-trio' })).body.coupon).toMatchObject({
			kind: 'free_product',
			productName: 'Beeswax candle trio',
		});
		const variable = await redeem(token, { rewardId: 'points-to-dollars', points: 700 });
		expect(variable.body).toMatchObject({
			pointsSpent: 700,
			balance: 100,
			coupon: { kind: 'fixed_amount', amount: 700, rewardId: 'points-to-dollars' },
		});
	});

	it('validate variable amounts: required, within min/max, on the step', async () => {
		const { token } = await customerWith(6100);
		const field = async (body: object) => (await redeem(token, body)).body.error.fields;
		expect(await field({ rewardId: 'points-to-dollars' })).toEqual([
			{ in: 'body', path: '/points', message: 'is required for a variable reward' },
		]);
		expect(await field({ rewardId: 'points-to-dollars', points: 400 })).toEqual([
			{ in: 'body', path: '/points', message: 'must be between 500 and 5000' },
		]);
		expect(await field({ rewardId: 'points-to-dollars', points: 5100 })).toEqual([
			{ in: 'body', path: '/points', message: 'must be between 500 and 5000' },
		]);
		expect(await field({ rewardId: 'points-to-dollars', points: 550 })).toEqual([
			{ in: 'body', path: '/points', message: 'must be a multiple of 100' },
		]);
		expect(await field({ rewardId: 'five-off', points: 500 })).toEqual([
			{ in: 'body', path: '/points', message: expect.stringContaining('only for variable rewards') },
		]);
		expect(await field({ rewardId: 'points-to-dollars', points: 5.5 })).toEqual([
			{ in: 'body', path: '/points', message: 'must be integer' },
		]);
		expect((await server.api.get(storePath('/customer'), { token })).body.balance).toBe(6100);
	});

	it('answer 404 for an unknown reward and 409 insufficient_points without touching the balance', async () => {
		const { customerId, token } = await customerWith(600);
		const unknown = await redeem(token, { rewardId: 'yacht' });
		expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
		const tooExpensive = await redeem(token, { rewardId: 'ten-off' });
		expect([tooExpensive.status, tooExpensive.body.error.code]).toEqual([409, 'insufficient_points']);
		expect(await ledgerSum(customerId)).toBe(600);
		const coupons = await server.query('select 1 from coupons k join customers c on c.id = k.customer_id where c.external_id = $1', [
			customerId,
		]);
		expect(coupons).toHaveLength(0);
	});
});

describe('idempotency', () => {
	it('answers a repeat with the first response and never debits twice', async () => {
		const { customerId, token } = await customerWith(1100);
		const key = randomUUID();
		const first = await redeem(token, { rewardId: 'five-off' }, key);
		const again = await redeem(token, { rewardId: 'five-off' }, key);
		expect(first.status).toBe(201);
		expect(again.status).toBe(201);
		expect(again.text).toBe(first.text);
		expect(await ledgerSum(customerId)).toBe(600);
	});

	it('repeats a refusal too', async () => {
		const { token } = await customerWith(100);
		const key = randomUUID();
		const first = await redeem(token, { rewardId: 'five-off' }, key);
		const again = await redeem(token, { rewardId: 'five-off' }, key);
		expect([first.status, again.status]).toEqual([409, 409]);
		expect(again.text).toBe(first.text);
	});

	it('answers 422 for the same key with a different body', async () => {
		const { customerId, token } = await customerWith(1600);
		const key = randomUUID();
		await redeem(token, { rewardId: 'five-off' }, key);
		const reused = await redeem(token, { rewardId: 'ten-off' }, key);
		expect([reused.status, reused.body.error.code]).toEqual([422, 'idempotency_key_reused']);
		expect(await ledgerSum(customerId)).toBe(1100);
	});

	it('scopes keys per customer', async () => {
		const a = await customerWith(600);
		const b = await customerWith(600);
		const key = randomUUID();
		const first = await redeem(a.token, { rewardId: 'five-off' }, key);
		const second = await redeem(b.token, { rewardId: 'five-off' }, key);
		expect([first.status, second.status]).toEqual([201, 201]);
		expect(second.body.coupon.code).not.toBe(first.body.coupon.code);
	});

	it('debits once for concurrent requests with one key', async () => {
		const { customerId, token } = await customerWith(2100);
		const key = randomUUID();
		const responses = await Promise.all(Array.from({ length: 20 }, () => redeem(token, { rewardId: 'five-off' }, key)));
		expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
		expect(new Set(responses.map((response) => response.text)).size).toBe(1);
		expect(await ledgerSum(customerId)).toBe(1600);
	});
});

describe('contention', () => {
	it('200 concurrent redemptions by one customer whose balance covers exactly 3: 3 succeed, 197 get 409', async () => {
		const { customerId, token } = await customerWith(1500);
		const responses = await Promise.all(Array.from({ length: 200 }, () => redeem(token, { rewardId: 'five-off' })));
		const statuses = responses.map((response) => response.status);
		expect(statuses.filter((status) => status === 201)).toHaveLength(3);
		expect(statuses.filter((status) => status === 409)).toHaveLength(197);
		expect(
			responses.filter((response) => response.status === 409).every((response) => response.body.error.code === 'insufficient_points'),
		).toBe(true);
		const customer = (await server.api.get(storePath('/customer'), { token })).body;
		expect(customer.balance).toBe(0);
		expect(await ledgerSum(customerId)).toBe(customer.balance);
		expect(customer.coupons).toHaveLength(3);
	});
});
