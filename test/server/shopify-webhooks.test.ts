import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidShopifyHmac, shopifyHmac } from '../../demo/server/platforms/shopify/verify-webhook';
import { DEMO_STORE, type TestServer, startTestServer, storePath, tokenFor } from './support/harness';
import { rewrite, sendShopify, shopifyId, shopifySample, type ShopifyDelivery } from './support/shopify';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

const PATH = storePath('/webhooks/shopify');
const send = (delivery: ShopifyDelivery) => sendShopify(server.api, PATH, delivery);

// The documented samples' ids and emails, replaced per test so tests never share an order or shopper.
const SAMPLE_ORDER = '820982911946154508';
const SAMPLE_CUSTOMER = '115310627314723954';
const SAMPLE_REFUND = '890088186047892319';

/** The documented orders/paid sample as a new order of a new Shopify customer (subtotal 414.95, name #9999). */
function paidOrder() {
	const ids = { orderId: shopifyId(), customerId: shopifyId(), email: `shopper-${shopifyId()}@example.com` };
	const body = rewrite(shopifySample('orders-paid'), {
		[SAMPLE_ORDER]: ids.orderId,
		[SAMPLE_CUSTOMER]: ids.customerId,
		'jon@example.com': ids.email,
		'john@example.com': ids.email,
	});
	return { ...ids, body };
}

/** The documented refunds/create sample for `orderId`, all five line items (414.95) or only the first (89.99). */
function refundOf(orderId: string, options: { onlyFirstLine?: boolean; refundId?: string } = {}) {
	let body = rewrite(shopifySample('refunds-create'), { [SAMPLE_ORDER]: orderId, [SAMPLE_REFUND]: options.refundId ?? shopifyId() });
	if (options.onlyFirstLine) {
		const refund = JSON.parse(body.replace(/(":\s*)(\d{16,})/g, '$1"$2"'));
		// Keep only the first refund line item, every field of it as documented.
		const firstLine = body.indexOf('\t\t{', body.indexOf('"refund_line_items"'));
		const secondLine = body.indexOf('\t\t{', body.indexOf('"line_item":', firstLine) + 1);
		const end = body.indexOf('\t],\n\t"transactions"');
		expect(refund.refund_line_items).toHaveLength(5);
		body = body.slice(0, body.lastIndexOf(',', secondLine)) + '\n' + body.slice(end);
	}
	return body;
}

const balanceOf = async (customerId: string) => (await server.api.get(storePath('/customer'), { token: await tokenFor(customerId) })).body;
const activityOf = async (customerId: string) =>
	(await server.api.get(storePath('/customer/activity'), { token: await tokenFor(customerId) })).body.items;
const orderRow = (orderId: string) =>
	server.query<{ customer_id: string | null; subtotal: string; points_awarded: number; points_reversed: number; email: string | null }>(
		'select customer_id::text as customer_id, subtotal::text as subtotal, points_awarded, points_reversed, email from orders where order_id = $1',
		[orderId],
	);

describe('Shopify webhook signature (X-Shopify-Hmac-Sha256)', () => {
	it('accepts the base64 HMAC-SHA256 of the raw body with the shop webhook secret, and nothing else', async () => {
		const order = paidOrder();
		const wrongKey = await send({ topic: 'orders/paid', body: order.body, secret: 'shpss_someone_else_0000000000000000' });
		const missing = await send({ topic: 'orders/paid', body: order.body, hmac: null });
		const otherBody = await send({
			topic: 'orders/paid',
			body: order.body,
			hmac: shopifyHmac(order.body.replace('414.95', '1414.95'), DEMO_STORE.shopifyWebhookSecret),
		});
		// The right digest in another form (hex instead of base64) is not Shopify's header either.
		const hex = await send({
			topic: 'orders/paid',
			body: order.body,
			hmac: Buffer.from(shopifyHmac(order.body, DEMO_STORE.shopifyWebhookSecret), 'base64').toString('hex'),
		});
		// The store's other secrets do not sign Shopify webhooks.
		const storeSecret = await send({ topic: 'orders/paid', body: order.body, secret: DEMO_STORE.secret });
		for (const refused of [wrongKey, missing, otherBody, hex, storeSecret])
			expect([refused.status, refused.body.error.code]).toEqual([401, 'invalid_signature']);
		expect(await orderRow(order.orderId)).toEqual([]);

		const accepted = await send({ topic: 'orders/paid', body: order.body });
		expect(accepted.status).toBe(200);
		expect(accepted.body).toMatchObject({ topic: 'orders/paid', outcome: 'processed' });
	});

	it('verifies nothing for a store without a Shopify connection', () => {
		const body = Buffer.from('{}');
		expect(isValidShopifyHmac(shopifyHmac(body, 'a-secret-of-sixteen'), body, undefined)).toBe(false);
		expect(isValidShopifyHmac(shopifyHmac(body, 'a-secret-of-sixteen'), body, 'a-secret-of-sixteen')).toBe(true);
	});
});

describe('orders/paid', () => {
	it('enrols the shop customer and awards points on the current subtotal in shop money, with the order name', async () => {
		const order = paidOrder();
		expect((await send({ topic: 'orders/paid', body: order.body })).body.outcome).toBe('processed');
		const customer = await balanceOf(order.customerId);
		// 100 signup points + 5 per whole dollar of 414.95.
		expect(customer.balance).toBe(100 + 414 * 5);
		expect((await activityOf(order.customerId))[0]).toMatchObject({
			kind: 'order',
			points: 2070,
			reference: { orderId: order.orderId, orderName: '#9999', orderSubtotal: 41495, currency: 'USD' },
		});
		// The 18-digit Shopify id is kept exactly (JSON.parse would have rounded it).
		expect(await orderRow(order.orderId)).toHaveLength(1);
	});

	it('counts one webhook id once, and one order once when it comes under two webhook ids', async () => {
		const order = paidOrder();
		const webhookId = crypto.randomUUID();
		const first = await send({ topic: 'orders/paid', body: order.body, webhookId });
		const again = await send({ topic: 'orders/paid', body: order.body, webhookId });
		const otherId = await send({ topic: 'orders/paid', body: order.body });
		expect([first.body.outcome, again.body.outcome, otherId.body.outcome]).toEqual(['processed', 'duplicate', 'duplicate']);
		expect((await balanceOf(order.customerId)).balance).toBe(2170);
		const orders = await activityOf(order.customerId);
		expect(orders.filter((entry: { kind: string }) => entry.kind === 'order')).toHaveLength(1);
	});

	it('records guest orders (customer: null) for the merchant metrics, with no points for anyone', async () => {
		const order = paidOrder();
		const guest = order.body.replace(
			/"customer": \{[\s\S]*?\n\t\},\n\t"discount_applications"/,
			'"customer": null,\n\t"discount_applications"',
		);
		expect(guest).toContain('"customer": null');
		expect((await send({ topic: 'orders/paid', body: guest })).body.outcome).toBe('processed');
		expect(await orderRow(order.orderId)).toEqual([
			{ customer_id: null, subtotal: '41495', points_awarded: 0, points_reversed: 0, email: order.email },
		]);
	});
});

describe('orders/cancelled and refunds/create', () => {
	it('orders/cancelled takes back everything the order awarded, shown as a cancelled order', async () => {
		const order = paidOrder();
		await send({ topic: 'orders/paid', body: order.body });
		expect((await send({ topic: 'orders/cancelled', body: order.body })).body.outcome).toBe('processed');
		expect((await send({ topic: 'orders/cancelled', body: order.body })).body.outcome).toBe('duplicate');
		expect((await balanceOf(order.customerId)).balance).toBe(100);
		expect((await activityOf(order.customerId))[0]).toMatchObject({
			kind: 'reversal',
			points: -2070,
			reference: { orderId: order.orderId, orderName: '#9999', orderEvent: 'cancelled' },
		});
	});

	it('refunds/create of every line item takes back everything; the same refund under another webhook id counts once', async () => {
		const order = paidOrder();
		await send({ topic: 'orders/paid', body: order.body });
		const refund = refundOf(order.orderId);
		expect((await send({ topic: 'refunds/create', body: refund })).body.outcome).toBe('processed');
		expect((await send({ topic: 'refunds/create', body: refund })).body.outcome).toBe('duplicate');
		expect((await balanceOf(order.customerId)).balance).toBe(100);
		expect((await activityOf(order.customerId))[0]).toMatchObject({
			kind: 'reversal',
			points: -2070,
			reference: { orderEvent: 'refunded' },
		});
	});

	it('a partial refund takes back in proportion to the refunded line items, rounded down', async () => {
		const order = paidOrder();
		await send({ topic: 'orders/paid', body: order.body });
		const partial = refundOf(order.orderId, { onlyFirstLine: true });
		expect(partial).not.toContain('Coffee table');
		expect((await send({ topic: 'refunds/create', body: partial })).body.outcome).toBe('processed');
		// floor(2070 × 89.99 / 414.95) = 448
		expect((await balanceOf(order.customerId)).balance).toBe(2170 - 448);
		// Then the rest of the order: everything is back, never more.
		await send({ topic: 'refunds/create', body: refundOf(order.orderId) });
		expect((await balanceOf(order.customerId)).balance).toBe(100);
		expect(await orderRow(order.orderId)).toMatchObject([{ points_awarded: 2070, points_reversed: 2070 }]);
	});

	it('a refund that arrives before its order is kept and applied when the order comes', async () => {
		const order = paidOrder();
		expect((await send({ topic: 'refunds/create', body: refundOf(order.orderId, { onlyFirstLine: true }) })).body.outcome).toBe(
			'processed',
		);
		await send({ topic: 'orders/paid', body: order.body });
		expect((await balanceOf(order.customerId)).balance).toBe(2170 - 448);
	});
});

describe('customers/create and other topics', () => {
	it('customers/create enrols the customer with their Shopify id (the signup award included)', async () => {
		const customerId = shopifyId();
		const body = rewrite(shopifySample('customers-create'), {
			'706405506930370084': customerId,
			'bob@biller.com': `bob-${customerId}@example.com`,
		});
		expect((await send({ topic: 'customers/create', body })).body.outcome).toBe('processed');
		const [row] = await server.query<{ email: string }>('select email from customers where external_id = $1', [customerId]);
		expect(row.email).toBe(`bob-${customerId}@example.com`);
		expect((await balanceOf(customerId)).balance).toBe(100);
	});

	it('takes whole orders far above the API’s usual 16 KB bodies, up to 1 MB', async () => {
		const order = paidOrder();
		const large = order.body.replace('"note": null', `"note": "${'gift wrap please '.repeat(12_000)}"`);
		expect(large.length).toBeGreaterThan(200_000);
		expect((await send({ topic: 'orders/paid', body: large })).body.outcome).toBe('processed');
		const huge = order.body.replace('"note": null', `"note": "${'x'.repeat(1_100_000)}"`);
		const refused = await send({ topic: 'orders/paid', body: huge });
		expect([refused.status, refused.body.error.code]).toEqual([413, 'payload_too_large']);
	});

	it('answers 200 ignored to topics it does not handle, so Shopify does not retry them', async () => {
		const response = await send({ topic: 'products/create', body: '{"id": 788032119674292922, "title": "Example T-Shirt"}' });
		expect([response.status, response.body.outcome]).toEqual([200, 'ignored']);
	});
});
