import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoStoreDefinition } from '../../demo/server/seed/demo-store';
import { mintCustomerToken } from '../../demo/server/token';
import { type TestServer, signWebhook, startTestServer } from './support/harness';

// The generic coupon issuer: a store without Shopify announces each code to the merchant's own
// checkout with a signed `coupon.issued` webhook from an outbox (retried with backoff), and the
// checkout can look codes up and mark them used through the merchant API.
const STORE_KEY = 'pk_webhook_coupons';
const SECRET = 'sk_webhook_coupons_8d2f6a1c4e9b7035';
const WEBHOOK_SECRET = 'cwh_test_0f9e8d7c6b5a4f3e2d1c';
const ADMIN_KEY = 'sk_admin_webhook_coupons_1a2b3c4d5e6f';
const path = (suffix: string) => `/v1/stores/${STORE_KEY}${suffix}`;

interface Received {
	at: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

let receiver: Server;
let receiverPort: number;
const received: Received[] = [];
/** Answers 500 to this many deliveries before accepting. */
let failures = 0;
let server: TestServer;

const listenReceiver = (port = 0) =>
	new Promise<number>((resolve) => receiver.listen(port, '127.0.0.1', () => resolve((receiver.address() as AddressInfo).port)));

beforeAll(async () => {
	receiver = createServer(async (request, response) => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		received.push({ at: Date.now(), headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
		if (failures > 0) {
			failures--;
			return void response.writeHead(500).end('not now');
		}
		response.writeHead(204).end();
	});
	receiverPort = await listenReceiver();
	server = await startTestServer({
		stores: [
			{
				...demoStoreDefinition(),
				key: STORE_KEY,
				secret: SECRET,
				adminKey: ADMIN_KEY,
				couponWebhook: { url: `http://127.0.0.1:${receiverPort}/hooks/coupons`, secret: WEBHOOK_SECRET },
			},
		],
		coupons: { pollMs: 50, webhookBaseDelayMs: 150, webhookMaxDelayMs: 2_000 },
	});
});
afterAll(async () => {
	await server?.close();
	receiver?.closeAllConnections();
	await new Promise((resolve) => receiver?.close(resolve));
});
beforeEach(() => {
	failures = 0;
});

async function shopperWith(points: number) {
	const customerId = `wh-${randomUUID()}`;
	const token = await mintCustomerToken({
		storeKey: STORE_KEY,
		secret: SECRET,
		customerId,
		email: `${customerId}@example.com`,
		ttlSeconds: 600,
	});
	await server.api.get(path('/customer'), { token });
	const raw = JSON.stringify({ orderId: `top-${customerId}`, customerId, subtotal: ((points - 100) / 5) * 100, currency: 'USD' });
	await server.api.request('POST', path('/webhooks/orders'), {
		raw,
		headers: { 'content-type': 'application/json', 'x-rewards-signature': signWebhook(raw, SECRET) },
	});
	return { customerId, token };
}

const redeem = async (token: string) => {
	const response = await server.api.post(
		path('/customer/redemptions'),
		{ rewardId: 'five-off' },
		{ token, headers: { 'idempotency-key': randomUUID() } },
	);
	expect(response.status).toBe(201);
	return response.body.coupon.code as string;
};

const deliveriesOf = (code: string) => received.filter((delivery) => delivery.body.includes(code));
const admin = { headers: { authorization: `Bearer ${ADMIN_KEY}` } };

describe('coupon.issued webhook', () => {
	it('is delivered signed with the coupon webhook secret, once, with the code the shopper got', async () => {
		const { customerId, token } = await shopperWith(600);
		const code = await redeem(token);
		await expect.poll(() => deliveriesOf(code).length, { timeout: 10_000 }).toBe(1);
		const [delivery] = deliveriesOf(code);
		expect(delivery.headers['x-rewards-signature']).toBe(
			`sha256=${createHmac('sha256', WEBHOOK_SECRET).update(delivery.body).digest('hex')}`,
		);
		expect(delivery.headers['x-rewards-event']).toBe('coupon.issued');
		const event = JSON.parse(delivery.body);
		expect(event).toMatchObject({ type: 'coupon.issued', storeKey: STORE_KEY, id: delivery.headers['x-rewards-event-id'] });
		expect(event.data.coupon).toMatchObject({ code, status: 'active', customerId, kind: 'fixed_amount', amount: 500, currency: 'USD' });
		// One debit for one code; nothing delivered twice.
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(deliveriesOf(code)).toHaveLength(1);
		const rows = await server.query<{ points: number }>(
			"select l.points from ledger l join customers c on c.id = l.customer_id where c.external_id = $1 and l.kind = 'redemption'",
			[customerId],
		);
		expect(rows).toEqual([{ points: -500 }]);
	});

	it('is retried with growing delays after failures, with the same event id, until accepted', async () => {
		const { token } = await shopperWith(600);
		failures = 3;
		const code = await redeem(token);
		await expect.poll(() => deliveriesOf(code).length, { timeout: 15_000 }).toBe(4);
		const attempts = deliveriesOf(code);
		expect(new Set(attempts.map((attempt) => attempt.headers['x-rewards-event-id'])).size).toBe(1);
		const gaps = attempts.slice(1).map((attempt, index) => attempt.at - attempts[index].at);
		// 150 ms × 2^n with ±20% jitter: at least 120, 240, 480 ms.
		gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(120 * 2 ** index));
		const [row] = await server.query<{ attempts: number; delivered: boolean }>(
			'select o.attempts, o.delivered_at is not null as delivered from coupon_webhook_outbox o join coupons k on k.id = o.coupon_id where k.code = $1',
			[code],
		);
		expect(row).toEqual({ attempts: 4, delivered: true });
	});

	it('waits in the outbox while the merchant is down, and is delivered once it is back', async () => {
		const { token } = await shopperWith(600);
		await new Promise((resolve) => receiver.close(resolve));
		receiver.closeAllConnections();
		const code = await redeem(token);
		await expect
			.poll(
				async () =>
					(
						await server.query<{ attempts: number }>(
							'select o.attempts from coupon_webhook_outbox o join coupons k on k.id = o.coupon_id where k.code = $1',
							[code],
						)
					)[0].attempts,
				{ timeout: 10_000 },
			)
			.toBeGreaterThanOrEqual(2);
		await listenReceiver(receiverPort);
		await expect.poll(() => deliveriesOf(code).length, { timeout: 15_000 }).toBe(1);
	});

	it('commits with its coupon: every coupon of the store has its event', async () => {
		const [row] = await server.query<{ missing: number }>(
			`select count(*)::int as missing from coupons k join stores s on s.id = k.store_id
			where s.key = $1 and not exists (select 1 from coupon_webhook_outbox o where o.coupon_id = k.id)`,
			[STORE_KEY],
		);
		expect(row.missing).toBe(0);
	});
});

describe('merchant coupon endpoints', () => {
	it('look a code up (any case) and mark it used once: again with the same order is the same answer, another order is 409', async () => {
		const { customerId, token } = await shopperWith(600);
		const code = await redeem(token);
		const lookup = await server.api.get(path(`/admin/coupons/${code.toLowerCase()}`), admin);
		expect(lookup.status).toBe(200);
		expect(lookup.body).toMatchObject({
			code,
			status: 'active',
			customerId,
			usedAt: null,
			usedOrderId: null,
			source: 'redemption',
			rewardId: 'five-off',
		});

		const used = await server.api.post(path(`/admin/coupons/${code}/use`), { orderId: 'ORDER-1' }, admin);
		expect(used.status).toBe(200);
		expect(used.body).toMatchObject({ code, status: 'used', usedOrderId: 'ORDER-1' });
		const again = await server.api.post(path(`/admin/coupons/${code}/use`), { orderId: 'ORDER-1' }, admin);
		expect(again.body).toEqual(used.body);
		const other = await server.api.post(path(`/admin/coupons/${code}/use`), { orderId: 'ORDER-2' }, admin);
		expect([other.status, other.body.error.code]).toEqual([409, 'coupon_already_used']);
		expect((await server.api.get(path(`/admin/coupons/${code}`), admin)).body.usedOrderId).toBe('ORDER-1');
		// The shopper's list shows it used, and when.
		const customer = await server.api.get(path('/customer'), { token });
		expect(customer.body.coupons.find((coupon: { code: string }) => coupon.code === code)).toMatchObject({
			status: 'used',
			usedAt: expect.any(String),
		});
	});

	it('answer 404 for an unknown code and 401 without the admin key (or with another store’s)', async () => {
		expect((await server.api.get(path('/admin/coupons/NOPE-NOPE-NOPE'), admin)).status).toBe(404);
		const { token } = await shopperWith(600);
		const code = await redeem(token);
		for (const authorization of [undefined, `Bearer ${SECRET}`, 'Bearer sk_admin_demo_2c9f5e81a7d34b06be4f1a3c8d7e6b59']) {
			const headers: Record<string, string> = authorization ? { authorization } : {};
			const lookup = await server.api.get(path(`/admin/coupons/${code}`), { headers });
			expect([lookup.status, lookup.body.error.code]).toEqual([401, 'invalid_admin_key']);
			const use = await server.api.post(path(`/admin/coupons/${code}/use`), { orderId: 'X' }, { headers });
			expect(use.status).toBe(401);
		}
		expect((await server.api.get(path(`/admin/coupons/${code}`), admin)).body.status).toBe('active');
	});
});
