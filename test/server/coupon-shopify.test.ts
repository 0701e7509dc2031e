import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from './support/harness';
import { type ShopifyAdminStandin, startShopifyAdminStandin } from './support/shopify-admin-standin';
import { SHOPIFY_ADMIN_KEY, shopifyPath, shopifyShopper, shopifyStoreDefinition } from './support/shopify-store';

// Redemptions on a Shopify store: the code is created through the Admin GraphQL API (a local
// stand-in answering in Shopify's documented shapes) before it is shown, and every outcome is
// checked against the ledger: one debit per working code, none left for a code that does not work.
let standin: ShopifyAdminStandin;
let server: TestServer;

beforeAll(async () => {
	standin = await startShopifyAdminStandin();
	server = await startTestServer({
		stores: [shopifyStoreDefinition(standin)],
		// Short limits keep the failure cases quick; the worker leaves in-request coupons alone.
		coupons: { issuing: { attemptTimeoutMs: 400, budgetMs: 2_500 }, stalePendingMs: 600_000 },
	});
});
afterAll(async () => {
	await server?.close();
	await standin?.close();
});
beforeEach(async () => {
	standin.clearFaults();
	await standin.up().catch(() => undefined);
});

const redeem = (token: string, rewardId: string, key = randomUUID()) =>
	server.api.post(shopifyPath('/customer/redemptions'), { rewardId }, { token, headers: { 'idempotency-key': key } });

async function ledger(customerId: string) {
	return server.query<{ points: number; kind: string; dedupe_key: string | null }>(
		`select l.points, l.kind, l.dedupe_key from ledger l join customers c on c.id = l.customer_id
		join stores s on s.id = c.store_id where s.key = 'pk_shopify_coupons' and c.external_id = $1 order by l.id`,
		[customerId],
	);
}

async function couponsOf(customerId: string) {
	return server.query<{ code: string; status: string; platform_id: string | null }>(
		`select k.code, k.status, k.platform_id from coupons k join customers c on c.id = k.customer_id where c.external_id = $1 order by k.id`,
		[customerId],
	);
}

const balanceOf = async (token: string) => (await server.api.get(shopifyPath('/customer'), { token })).body.balance as number;

/** The ledger after a redemption that must not have cost anything: the debit and its exact reversal, once. */
async function expectNothingSpent(customerId: string, token: string, before: number) {
	const rows = await ledger(customerId);
	const debits = rows.filter((row) => row.kind === 'redemption');
	const refunds = rows.filter((row) => row.dedupe_key?.startsWith('coupon-refund:'));
	expect(debits).toHaveLength(1);
	expect(refunds).toHaveLength(1);
	expect(refunds[0].points).toBe(-debits[0].points);
	expect(await balanceOf(token)).toBe(before);
	const [coupon] = await couponsOf(customerId);
	expect(coupon.status).toBe('failed');
	const { body } = await server.api.get(shopifyPath('/customer'), { token });
	expect(body.coupons).toEqual([]);
	return coupon;
}

describe('Shopify coupon issuer', () => {
	it('creates a single-use code for that customer on Shopify before answering: one debit, one code', async () => {
		const { customerId, token } = await shopifyShopper(server.api, standin, 1200);
		const key = randomUUID();
		const response = await redeem(token, 'five-off', key);
		expect(response.status).toBe(201);
		expect(response.body.coupon.status).toBe('active');
		expect(response.body.balance).toBe(700);
		const code = response.body.coupon.code;

		const created = standin.discounts.get(code)!;
		expect(created.mutation).toBe('discountCodeBasicCreate');
		expect(created.input).toMatchObject({
			code,
			usageLimit: 1,
			appliesOncePerCustomer: true,
			customerSelection: { customers: { add: [`gid://shopify/Customer/${customerId}`] } },
			customerGets: { value: { discountAmount: { amount: '5.00', appliesOnEachItem: false } }, items: { all: true } },
		});
		expect(created.input.title).toContain(code);
		expect(standin.requests.at(-1)!.accessToken).toBe(standin.accessToken);

		const rows = await ledger(customerId);
		expect(rows.filter((row) => row.kind === 'redemption').map((row) => row.points)).toEqual([-500]);
		expect(rows.some((row) => row.dedupe_key?.startsWith('coupon-refund:'))).toBe(false);
		expect(await couponsOf(customerId)).toEqual([{ code, status: 'active', platform_id: created.id }]);

		// The same key again: the same answer, no second debit, no second call to Shopify.
		const calls = standin.requests.length;
		const again = await redeem(token, 'five-off', key);
		expect(again.text).toBe(response.text);
		expect(standin.requests.length).toBe(calls);
		expect(await balanceOf(token)).toBe(700);
		const { body } = await server.api.get(shopifyPath('/customer'), { token });
		expect(body.coupons.map((coupon: { code: string }) => coupon.code)).toEqual([code]);
	});

	it('sends a percentage as a fraction and free shipping through discountCodeFreeShippingCreate', async () => {
		const { token } = await shopifyShopper(server.api, standin, 2400);
		const percent = await redeem(token, 'fifteen-percent');
		expect(percent.status).toBe(201);
		expect(standin.discounts.get(percent.body.coupon.code)!.input.customerGets.value).toEqual({ percentage: 0.15 });
		const shipping = await redeem(token, 'free-shipping');
		expect(shipping.status).toBe(201);
		const created = standin.discounts.get(shipping.body.coupon.code)!;
		expect(created.mutation).toBe('discountCodeFreeShippingCreate');
		expect(created.input).toMatchObject({ destination: { all: true }, usageLimit: 1, appliesOncePerCustomer: true });
		expect(await balanceOf(token)).toBe(100);
	});

	it('a refusal (userErrors) answers 422 coupon_refused and the points stay, for the replay too', async () => {
		// Shopify does not know this customer: INVALID on customerSelection.
		const { customerId, token } = await shopifyShopper(server.api, standin, 1100, { knownToShopify: false });
		const key = randomUUID();
		const response = await redeem(token, 'five-off', key);
		expect(response.status).toBe(422);
		expect(response.body.error.code).toBe('coupon_refused');
		const coupon = await expectNothingSpent(customerId, token, 1100);
		expect(standin.discounts.has(coupon.code)).toBe(false);
		const again = await redeem(token, 'five-off', key);
		expect(again.text).toBe(response.text);
		expect(await balanceOf(token)).toBe(1100);
		// The refund shows in the shopper's activity, and does not count towards their tier.
		const activity = await server.api.get(shopifyPath('/customer/activity'), { token });
		expect(activity.body.items[0]).toMatchObject({ kind: 'adjustment', points: 500 });
		expect((await server.api.get(shopifyPath('/customer'), { token })).body.lifetimePoints).toBe(1100);
	});

	it('refuses, without calling Shopify, for a shopper whose id is not a Shopify customer id', async () => {
		const { customerId, token } = await shopifyShopper(server.api, standin, 600, { id: `not-shopify-${randomUUID()}` });
		const calls = standin.requests.length;
		const response = await redeem(token, 'five-off');
		expect(response.status).toBe(422);
		expect(response.body.error.code).toBe('coupon_refused');
		expect(standin.requests.length).toBe(calls);
		await expectNothingSpent(customerId, token, 600);
	});

	it('Shopify down (connection refused): 502 coupon_platform_unavailable and the points stay', async () => {
		const { customerId, token } = await shopifyShopper(server.api, standin, 700);
		await standin.down();
		const response = await redeem(token, 'five-off');
		expect(response.status).toBe(502);
		expect(response.body.error.code).toBe('coupon_platform_unavailable');
		await expectNothingSpent(customerId, token, 700);
	});

	it('Shopify too slow for every attempt within the budget: 502 and the points stay', async () => {
		const { customerId, token } = await shopifyShopper(server.api, standin, 700);
		standin.next(...Array.from({ length: 12 }, () => ({ kind: 'delay' as const, ms: 1_000 })));
		const started = Date.now();
		const response = await redeem(token, 'five-off');
		expect(response.status).toBe(502);
		expect(Date.now() - started).toBeLessThan(4_000);
		const coupon = await expectNothingSpent(customerId, token, 700);
		// A timed-out attempt may still be applied by Shopify late: such a code was never shown and is
		// single use for this customer. Its late answer changes nothing here.
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		expect((await couponsOf(customerId))[0]).toMatchObject({ code: coupon.code, status: 'failed', platform_id: null });
		expect(await balanceOf(token)).toBe(700);
	});

	it('Shopify answering 5xx for the whole budget: 502 and the points stay', async () => {
		const { customerId, token } = await shopifyShopper(server.api, standin, 700);
		standin.next(...Array.from({ length: 20 }, () => ({ kind: 'status' as const, status: 500 })));
		const response = await redeem(token, 'five-off');
		expect(response.status).toBe(502);
		await expectNothingSpent(customerId, token, 700);
	});

	it('a 503 then success: retried, one code, one debit', async () => {
		const { customerId, token } = await shopifyShopper(server.api, standin, 700);
		standin.next({ kind: 'status', status: 503 });
		const response = await redeem(token, 'five-off');
		expect(response.status).toBe(201);
		expect(standin.discounts.has(response.body.coupon.code)).toBe(true);
		expect((await ledger(customerId)).filter((row) => row.kind === 'redemption')).toHaveLength(1);
		expect(await balanceOf(token)).toBe(200);
	});

	it('HTTP 429 then success: waits Retry-After, then one code', async () => {
		const { token } = await shopifyShopper(server.api, standin, 700);
		standin.next({ kind: 'http429', retryAfterSeconds: 1 });
		const started = Date.now();
		const response = await redeem(token, 'five-off');
		expect(response.status).toBe(201);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
		expect(standin.discounts.has(response.body.coupon.code)).toBe(true);
	});

	it('THROTTLED then success: waits for the cost bucket to refill (missing / restoreRate), then one code', async () => {
		const { token } = await shopifyShopper(server.api, standin, 700);
		// 80 points missing at 100 points/s: 800 ms.
		standin.next({ kind: 'throttled', missing: 80, restoreRate: 100 });
		const started = Date.now();
		const response = await redeem(token, 'five-off');
		expect(response.status).toBe(201);
		expect(Date.now() - started).toBeGreaterThanOrEqual(800);
		expect(await balanceOf(token)).toBe(200);
	});

	it('a lost answer (created, then 503): the retry meets TAKEN for our own code and takes it, still one code', async () => {
		const { customerId, token } = await shopifyShopper(server.api, standin, 700);
		standin.next({ kind: 'create-then-503' });
		const before = standin.discounts.size;
		const response = await redeem(token, 'five-off');
		expect(response.status).toBe(201);
		expect(standin.discounts.size).toBe(before + 1);
		const [coupon] = await couponsOf(customerId);
		expect(coupon.platform_id).toBe(standin.discounts.get(coupon.code)!.id);
		expect(standin.requests.some((request) => request.query.includes('codeDiscountNodeByCode'))).toBe(true);
	});

	it('TAKEN for a code that is not ours is a refusal', async () => {
		const { customerId, token } = await shopifyShopper(server.api, standin, 700);
		standin.next({
			kind: 'user-errors',
			userErrors: [
				{
					field: ['basicCodeDiscount', 'code'],
					code: 'TAKEN',
					message: 'Code must be unique. Please try a different code.',
					extraInfo: null,
				},
			],
		});
		const response = await redeem(token, 'five-off');
		expect(response.status).toBe(422);
		await expectNothingSpent(customerId, token, 700);
	});

	it('the merchant lookup shows each state', async () => {
		const { token } = await shopifyShopper(server.api, standin, 1300);
		const ok = await redeem(token, 'five-off');
		await standin.down();
		const down = await redeem(token, 'five-off');
		await standin.up();
		const auth = { headers: { authorization: `Bearer ${SHOPIFY_ADMIN_KEY}` } };
		expect((await server.api.get(shopifyPath(`/admin/coupons/${ok.body.coupon.code}`), auth)).body.status).toBe('active');
		const [failed] = await server.query<{ code: string }>("select code from coupons where status = 'failed' order by id desc limit 1");
		expect(down.status).toBe(502);
		expect((await server.api.get(shopifyPath(`/admin/coupons/${failed.code}`), auth)).body.status).toBe('failed');
		// A failed code cannot be used at checkout.
		const use = await server.api.post(shopifyPath(`/admin/coupons/${failed.code}/use`), { orderId: 'SHOP-1' }, auth);
		expect([use.status, use.body.error.code]).toEqual([409, 'coupon_not_active']);
	});
});
