import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreDefinition } from '../../demo/server/program/definition';
import { type TestServer, startTestServer } from './support/harness';

// A store of its own, so the demo store's year of history does not enter the sums.
const SHOP: StoreDefinition = {
	key: 'pk_test_metrics',
	secret: 'sk_test_metrics_0123456789abcdef',
	adminKey: 'sk_admin_test_metrics_0123456789',
	name: { en: 'Metrics Shop' },
	currency: 'USD',
	defaultLocale: 'en',
	allowedOrigins: ['https://metrics.example.com'],
	joinUrl: 'https://metrics.example.com/join',
	signInUrl: 'https://metrics.example.com/login',
	referralLinkTemplate: 'https://metrics.example.com/?ref={code}',
	earnRules: [{ key: 'order', kind: 'order', points: 5, title: { en: 'Order' } }],
	rewards: [
		{ id: 'five-off', kind: 'fixed_amount', points: 500, amount: 500, title: { en: '$5 off' } },
		{
			id: 'cash',
			kind: 'variable',
			title: { en: 'Points to dollars' },
			pointsPerUnit: 100,
			unitAmount: 150,
			minPoints: 100,
			maxPoints: 1000,
			stepPoints: 100,
		},
		{ id: 'ship', kind: 'free_shipping', points: 10, title: { en: 'Free shipping' } },
	],
	tiers: [{ key: 'member', threshold: 0, name: { en: 'Member' } }],
};
const admin = { authorization: `Bearer ${SHOP.adminKey}` };
const path = (suffix: string) => `/v1/stores/${SHOP.key}/admin${suffix}`;

let server: TestServer;
let storeId: number;

async function member(externalId: string): Promise<string> {
	const [row] = await server.query<{ id: string }>(
		`insert into customers (store_id, external_id, email, referral_code, created_at)
		values ($1, $2, $3, $4, '2025-01-01T00:00:00Z') returning id::text as id`,
		[storeId, externalId, `${externalId}@example.com`, externalId.toUpperCase().replace(/\W/g, '')],
	);
	return row.id;
}

async function order(
	orderId: string,
	customerId: string | null,
	email: string | null,
	subtotal: number,
	placedAt: string,
	extra: { refunded?: number; cancelled?: boolean; referral?: boolean } = {},
) {
	await server.query(
		`insert into orders (store_id, order_id, customer_id, email, subtotal, currency, points_awarded, referral_rewarded,
			refunded_amount, cancelled_at, placed_at, received_at)
		values ($1, $2, $3, $4, $5, 'USD', 0, $6, $7, $8, $9, $9)`,
		[
			storeId,
			orderId,
			customerId,
			email,
			subtotal,
			extra.referral ?? false,
			extra.refunded ?? 0,
			extra.cancelled ? placedAt : null,
			placedAt,
		],
	);
}

async function ledger(customerId: string, points: number, kind: string, at: string) {
	await server.query('insert into ledger (customer_id, points, kind, created_at) values ($1, $2, $3, $4)', [customerId, points, kind, at]);
}

async function events(type: string, count: number, at: string) {
	await server.query('insert into events (store_id, type, received_at) select $1, $2, $3 from generate_series(1, $4)', [
		storeId,
		type,
		at,
		count,
	]);
}

beforeAll(async () => {
	server = await startTestServer({ stores: [SHOP] });
	[{ id: storeId }] = await server.query<{ id: number }>('select id from stores where key = $1', [SHOP.key]);
	const m1 = await member('m1');
	const m2 = await member('m2');
	const m3 = await member('m3');
	// The period under test is March 2026 (both ends included); its 365-day window runs from
	// 2025-04-01T00:00Z to 2026-04-01T00:00Z.
	await order('o1', m1, 'm1@example.com', 10000, '2026-03-02T10:00:00Z');
	await order('o2', m1, 'm1@example.com', 6000, '2026-03-20T10:00:00Z');
	await order('o3', m2, 'm2@example.com', 8000, '2026-03-05T10:00:00Z', { refunded: 2000 }); // partly refunded: counts 6000
	await order('o4', m3, 'm3@example.com', 5000, '2026-03-10T10:00:00Z', { refunded: 5000 }); // fully refunded: not counted
	await order('o5', m3, 'm3@example.com', 4000, '2026-03-31T23:59:59Z'); // last second of the period: in
	await order('o6', m2, 'm2@example.com', 9000, '2026-04-01T00:00:00Z'); // first second after: out
	await order('o7', m1, 'm1@example.com', 3000, '2026-02-28T23:59:59Z'); // before the period, in its year
	await order('o8', null, 'g1@example.com', 5000, '2026-03-03T10:00:00Z', { referral: true }); // a guest…
	await order('o9', null, 'G1@Example.COM', 7000, '2026-03-25T10:00:00Z'); // …the same guest, another case
	await order('o10', null, 'g2@example.com', 3000, '2026-03-15T10:00:00Z', { cancelled: true }); // cancelled: not counted
	await order('o11', null, null, 2000, '2026-03-16T10:00:00Z'); // a guest without an email: a customer of its own
	await order('o12', null, 'g2@example.com', 4000, '2025-06-10T10:00:00Z'); // in the year, not the period
	await order('o13', null, 'g3@example.com', 9999, '2025-03-31T23:59:59Z'); // a second before the year: out

	await ledger(m3, 100, 'signup', '2026-02-01T10:00:00Z');
	await ledger(m1, 500, 'order', '2026-03-02T10:00:00Z');
	await ledger(m2, 400, 'order', '2026-03-05T10:00:00Z');
	await ledger(m2, -50, 'adjustment', '2026-03-06T10:00:00Z');
	await ledger(m1, -500, 'redemption', '2026-03-21T10:00:00Z');
	await ledger(m2, 300, 'order', '2026-04-02T10:00:00Z'); // after the period
	await server.query(
		`insert into referral_claims (store_id, referrer_id, email, created_at) values ($1, $2, 'g1@example.com', '2026-03-02T12:00:00Z')`,
		[storeId, m1],
	);
	await events('referral_share', 2, '2026-03-01T09:00:00Z');
	await events('launcher_shown', 10, '2026-03-10T09:00:00Z');
	await events('launcher_open', 4, '2026-03-10T09:01:00Z');
	await events('earn_click', 2, '2026-03-10T09:02:00Z');
	await events('redemption', 1, '2026-03-21T10:00:00Z');
	await events('launcher_open', 1, '2026-04-01T00:00:00Z'); // after the period
});
afterAll(() => server?.close());

describe('the four loyalty metrics, worked out by hand', () => {
	it('computes them for March 2026, members against non-members', async () => {
		const { body, status } = await server.api.get(path('/analytics/metrics?from=2026-03-01&to=2026-03-31'), { headers: admin });
		expect(status).toBe(200);
		expect(body).toMatchObject({ from: '2026-03-01', to: '2026-03-31', currency: 'USD' });
		// Counted in March: o1 o2 o3 o5 o8 o9 o11 = 7 orders (o4 refunded in full, o10 cancelled, o6 and o7 outside).
		// Guests: o8 o9 o11 = 3. Guest checkout rate = 3 ÷ 7.
		// Revenue = 10000 + 6000 + (8000 − 2000) + 4000 + 5000 + 7000 + 2000 = 40000. AOV = 40000 ÷ 7.
		// Customers: m1 (o1, o2), m2 (o3), m3 (o5), g1@example.com (o8, o9 in any case), o11 = 5; with more than one
		// order: m1 and g1 = 2. Repeat purchase rate = 2 ÷ 5.
		// Year to 2026-03-31: o1 o2 o3 o5 o7 o8 o9 o11 o12 = 9 orders (o13 a second too early) by m1 m2 m3 g1 o11 g2 = 6
		// customers. Purchase frequency = 9 ÷ 6 = 1.5.
		expect(body.metrics.all).toEqual({
			orders: 7,
			guestOrders: 3,
			revenue: 40000,
			customers: 5,
			repeatCustomers: 2,
			ordersLast365Days: 9,
			customersLast365Days: 6,
			guestCheckoutRate: 3 / 7,
			purchaseFrequency: 1.5,
			averageOrderValue: 40000 / 7,
			repeatPurchaseRate: 2 / 5,
		});
		// Members: o1 o2 o3 o5 = 4 orders, 10000 + 6000 + 6000 + 4000 = 26000, m1 m2 m3 of whom m1 repeats;
		// in the year o1 o2 o3 o5 o7 = 5 orders by 3 members.
		expect(body.metrics.members).toEqual({
			orders: 4,
			guestOrders: 0,
			revenue: 26000,
			customers: 3,
			repeatCustomers: 1,
			ordersLast365Days: 5,
			customersLast365Days: 3,
			guestCheckoutRate: 0,
			purchaseFrequency: 5 / 3,
			averageOrderValue: 6500,
			repeatPurchaseRate: 1 / 3,
		});
		// Non-members: o8 o9 o11 = 3 orders, 5000 + 7000 + 2000 = 14000, by g1 (twice) and o11;
		// in the year o8 o9 o11 o12 = 4 orders by g1, o11, g2 = 3 customers.
		expect(body.metrics.nonMembers).toEqual({
			orders: 3,
			guestOrders: 3,
			revenue: 14000,
			customers: 2,
			repeatCustomers: 1,
			ordersLast365Days: 4,
			customersLast365Days: 3,
			guestCheckoutRate: 1,
			purchaseFrequency: 4 / 3,
			averageOrderValue: 14000 / 3,
			repeatPurchaseRate: 1 / 2,
		});
	});

	it('gives the series by month, each point computed as its own period', async () => {
		const { body } = await server.api.get(path('/analytics/metrics?from=2026-02-01&to=2026-03-31&interval=month'), { headers: admin });
		expect(body.series.map((point: { start: string; end: string }) => [point.start, point.end])).toEqual([
			['2026-02-01', '2026-02-28'],
			['2026-03-01', '2026-03-31'],
		]);
		// February: only o7 (3000, m1). Its year (2025-03-01 to 2026-02-28) holds o7, o12 and o13: 3 orders, 3 customers.
		expect(body.series[0].metrics.all).toMatchObject({
			orders: 1,
			revenue: 3000,
			customers: 1,
			repeatCustomers: 0,
			guestCheckoutRate: 0,
			averageOrderValue: 3000,
			purchaseFrequency: 1,
			repeatPurchaseRate: 0,
		});
		const march = await server.api.get(path('/analytics/metrics?from=2026-03-01&to=2026-03-31'), { headers: admin });
		expect(body.series[1].metrics).toEqual(march.body.metrics);
		// The whole period: February's o7 joins March's 7 orders, and m1 now has three.
		expect(body.metrics.all).toMatchObject({ orders: 8, revenue: 43000, customers: 5, repeatCustomers: 2 });
	});

	it('gives the series by ISO week (Monday), clipped to the period', async () => {
		const { body } = await server.api.get(path('/analytics/metrics?from=2026-03-01&to=2026-03-31&interval=week'), { headers: admin });
		// 1 March 2026 is a Sunday: the first week is that one day.
		expect(
			body.series.map((point: { start: string; end: string; metrics: { all: { orders: number } } }) => [
				point.start,
				point.end,
				point.metrics.all.orders,
			]),
		).toEqual([
			['2026-03-01', '2026-03-01', 0],
			['2026-03-02', '2026-03-08', 3], // o1 o3 o8
			['2026-03-09', '2026-03-15', 0], // o4 refunded in full, o10 cancelled
			['2026-03-16', '2026-03-22', 2], // o11 o2
			['2026-03-23', '2026-03-29', 1], // o9
			['2026-03-30', '2026-03-31', 1], // o5 at 23:59:59
		]);
	});

	it('answers null rates for a period without orders, and refuses from after to by name', async () => {
		const empty = await server.api.get(path('/analytics/metrics?from=2024-01-01&to=2024-01-31'), { headers: admin });
		expect(empty.body.metrics.all).toMatchObject({
			orders: 0,
			guestCheckoutRate: null,
			averageOrderValue: null,
			repeatPurchaseRate: null,
			purchaseFrequency: null,
		});
		const backwards = await server.api.get(path('/analytics/metrics?from=2026-03-31&to=2026-03-01'), { headers: admin });
		expect([backwards.status, backwards.body.error.fields[0].path]).toEqual([400, '/from']);
	});
});

describe('program health, worked out by hand', () => {
	it('counts points, the liability at the best redemption rate, and the funnels', async () => {
		const { body } = await server.api.get(path('/analytics/program-health?from=2026-03-01&to=2026-03-31'), { headers: admin });
		// March: issued 500 + 400 = 900; redeemed 500; adjusted −50. Redemption rate 500 ÷ 900.
		expect(body.points).toEqual({ issued: 900, redeemed: 500, reversed: 0, expired: 0, adjusted: -50 });
		expect(body.redemptionRate).toBe(500 / 900);
		// Balances at the end of March: 100 + 500 + 400 − 50 − 500 = 450 (April's 300 not yet).
		// Best rate: 'cash' gives 150 cents per 100 points = 1.5 (five-off gives 1; free shipping has no money value).
		expect(body.outstanding).toEqual({ points: 450, value: 675, valuePerPoint: 1.5, basisRewardId: 'cash' });
		expect(body.referrals).toEqual({ shared: 2, claimed: 1, firstOrders: 1 });
		expect(body.widget).toEqual({ launcherShown: 10, opened: 4, earnActions: 2, redemptions: 1 });
		expect(body.series.map((point: { outstandingPoints: number }) => point.outstandingPoints)).toEqual([450]);
	});

	it('counts the events the widget sends through the events endpoint', async () => {
		const today = new Date().toISOString().slice(0, 10);
		const before = await server.api.get(path(`/analytics/program-health?from=${today}&to=${today}`), { headers: admin });
		const sent = await server.api.post(`/v1/stores/${SHOP.key}/events`, {
			events: [
				{ type: 'launcher_shown' },
				{ type: 'launcher_open' },
				{ type: 'earn_click', data: { rule: 'order' } },
				{ type: 'redemption' },
			],
		});
		expect(sent.status).toBe(202);
		const after = await server.api.get(path(`/analytics/program-health?from=${today}&to=${today}`), { headers: admin });
		const { launcherShown, opened, earnActions, redemptions } = before.body.widget;
		expect(after.body.widget).toEqual({
			launcherShown: launcherShown + 1,
			opened: opened + 1,
			earnActions: earnActions + 1,
			redemptions: redemptions + 1,
		});
	});
});
