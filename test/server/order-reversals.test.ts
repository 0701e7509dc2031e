import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointsToReverse } from '../../demo/server/orders/reverse-order';
import { type TestServer, newCustomerId, signWebhook, startTestServer, storePath, tokenFor } from './support/harness';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

/** A signed generic webhook, as the merchant's server sends it. */
const signed = (path: string, body: unknown) => {
	const raw = JSON.stringify(body);
	return server.api.request('POST', storePath(path), {
		raw,
		headers: { 'content-type': 'application/json', 'x-rewards-signature': signWebhook(raw) },
	});
};
const refund = (orderId: string, amount: number, refundId: string = randomUUID()) =>
	signed(`/webhooks/orders/${encodeURIComponent(orderId)}/refunds`, { refundId, amount, currency: 'USD' });
const cancel = (orderId: string, body: Record<string, unknown> = {}) =>
	signed(`/webhooks/orders/${encodeURIComponent(orderId)}/cancellation`, body);
const balanceOf = async (customerId: string) =>
	(await server.api.get(storePath('/customer'), { token: await tokenFor(customerId) })).body.balance as number;
const activityOf = async (customerId: string) =>
	(await server.api.get(storePath('/customer/activity'), { token: await tokenFor(customerId) })).body.items;

/** A member with 100 signup points and a $100.00 order worth 500 points: balance 600. */
async function memberWithOrder() {
	const customerId = newCustomerId('reversed');
	const orderId = `o-${customerId}`;
	await balanceOf(customerId);
	const order = await server.api.order({ orderId, customerId, subtotal: 10000, orderName: '#1001' });
	expect(order.body).toMatchObject({ pointsAwarded: 500, balance: 600 });
	return { customerId, orderId };
}

describe('the reversal rule', () => {
	it('takes back floor(awarded × refunded / subtotal), everything when cancelled or refunded in full, never more', () => {
		expect(pointsToReverse(500, 10000n, 2500n, false)).toBe(125);
		expect(pointsToReverse(45, 999n, 1n, false)).toBe(0);
		expect(pointsToReverse(45, 999n, 998n, false)).toBe(44);
		expect(pointsToReverse(45, 999n, 999n, false)).toBe(45);
		expect(pointsToReverse(45, 999n, 5000n, false)).toBe(45);
		expect(pointsToReverse(45, 999n, 0n, true)).toBe(45);
		expect(pointsToReverse(0, 999n, 999n, true)).toBe(0);
		// 10^9 points × 10^11 minor units passes 2^53: exact in BigInt.
		expect(pointsToReverse(1_000_000_000, 100_000_000_000n, 33_333_333_333n, false)).toBe(333_333_333);
	});
});

describe('generic refund and cancellation webhooks', () => {
	it('refuse an unsigned or wrongly signed refund, and another currency', async () => {
		const { customerId, orderId } = await memberWithOrder();
		const raw = JSON.stringify({ refundId: 'r1', amount: 10000, currency: 'USD' });
		const unsigned = await server.api.request('POST', storePath(`/webhooks/orders/${orderId}/refunds`), {
			raw,
			headers: { 'content-type': 'application/json' },
		});
		expect([unsigned.status, unsigned.body.error.code]).toEqual([401, 'invalid_signature']);
		const euros = await signed(`/webhooks/orders/${orderId}/refunds`, { refundId: 'r1', amount: 10000, currency: 'EUR' });
		expect(euros.status).toBe(400);
		expect(await balanceOf(customerId)).toBe(600);
	});

	it('a full refund takes back everything the order awarded, shown as “refunded” with the order name', async () => {
		const { customerId, orderId } = await memberWithOrder();
		const { status, body } = await refund(orderId, 10000);
		expect(status).toBe(200);
		expect(body).toEqual({
			orderId,
			duplicate: false,
			orderKnown: true,
			customerId,
			pointsReversed: 500,
			shortfall: 0,
			totalPointsReversed: 500,
			balance: 100,
			referralReversed: false,
		});
		expect((await activityOf(customerId))[0]).toMatchObject({
			kind: 'reversal',
			points: -500,
			reference: { orderId, orderName: '#1001', orderEvent: 'refunded' },
		});
	});

	it('partial refunds add up, rounded down, and never take back more than the order awarded', async () => {
		const { customerId, orderId } = await memberWithOrder();
		expect((await refund(orderId, 2500)).body).toMatchObject({ pointsReversed: 125, totalPointsReversed: 125, balance: 475 });
		expect((await refund(orderId, 2499)).body).toMatchObject({ pointsReversed: 124, totalPointsReversed: 249, balance: 351 });
		// Refunds beyond the subtotal (shipping, goodwill) take only what is left.
		expect((await refund(orderId, 9000)).body).toMatchObject({ pointsReversed: 251, totalPointsReversed: 500, balance: 100 });
		expect((await refund(orderId, 100)).body).toMatchObject({ pointsReversed: 0, totalPointsReversed: 500, balance: 100 });
		expect(await balanceOf(customerId)).toBe(100);
	});

	it('a repeated refund id is a duplicate, also when sent concurrently', async () => {
		const { customerId, orderId } = await memberWithOrder();
		const results = await Promise.all(Array.from({ length: 6 }, () => refund(orderId, 5000, 'refund-1')));
		expect(results.filter((result) => !result.body.duplicate)).toHaveLength(1);
		for (const result of results) expect(result.body).toMatchObject({ pointsReversed: 250, totalPointsReversed: 250 });
		expect(await balanceOf(customerId)).toBe(350);
	});

	it('a cancellation after a partial refund takes back the rest, once', async () => {
		const { customerId, orderId } = await memberWithOrder();
		await refund(orderId, 2500);
		expect((await cancel(orderId, { reason: 'customer changed their mind' })).body).toMatchObject({
			duplicate: false,
			pointsReversed: 375,
			totalPointsReversed: 500,
			balance: 100,
		});
		expect((await cancel(orderId)).body).toMatchObject({ duplicate: true, pointsReversed: 375, balance: 100 });
		expect((await activityOf(customerId))[0]).toMatchObject({ kind: 'reversal', points: -375, reference: { orderEvent: 'cancelled' } });
	});

	it('points already spent: the balance goes to zero and the shortfall is recorded for the merchant', async () => {
		const { customerId, orderId } = await memberWithOrder();
		const token = await tokenFor(customerId);
		const spent = await server.api.post(
			storePath('/customer/redemptions'),
			{ rewardId: 'five-off' },
			{
				token,
				headers: { 'idempotency-key': randomUUID() },
			},
		);
		expect(spent.body.balance).toBe(100);
		expect((await cancel(orderId)).body).toMatchObject({ pointsReversed: 100, shortfall: 400, totalPointsReversed: 500, balance: 0 });
		expect(await balanceOf(customerId)).toBe(0);
		const [recorded] = await server.query<{ shortfall: number; points_reversed: number }>(
			'select shortfall, points_reversed from order_reversals where order_id = $1',
			[orderId],
		);
		expect(recorded).toEqual({ shortfall: 400, points_reversed: 100 });
		// Nothing more to take later, even from new points: the order is settled.
		await server.api.order({ orderId: `${orderId}-next`, customerId, subtotal: 2000 });
		expect((await cancel(orderId)).body.duplicate).toBe(true);
		expect(await balanceOf(customerId)).toBe(100);
	});

	it('a refund or cancellation of an order not received yet is kept and applied when the order arrives', async () => {
		const customerId = newCustomerId('early');
		await balanceOf(customerId);
		const orderId = `early-${customerId}`;
		expect((await refund(orderId, 5000)).body).toMatchObject({ orderKnown: false, customerId: null, pointsReversed: 0, balance: null });
		const order = await server.api.order({ orderId, customerId, subtotal: 10000 });
		expect(order.body).toMatchObject({ pointsAwarded: 500, balance: 350 });
		const [event] = await server.query<{ points_reversed: number }>('select points_reversed from order_reversals where order_id = $1', [
			orderId,
		]);
		expect(event.points_reversed).toBe(250);
	});

	it('takes back the referrer’s reward when the friend’s first order is cancelled; the referral stays used', async () => {
		const referrerId = newCustomerId('referrer');
		const { body: referrer } = await server.api.get(storePath('/customer'), { token: await tokenFor(referrerId) });
		const friend = `friend-${referrerId}@example.com`;
		await server.api.post(storePath('/referrals/claim'), { code: referrer.referral.code, email: friend });
		const first = await server.api.order({ orderId: `first-${referrerId}`, email: friend, subtotal: 4500 });
		expect(first.body.referralRewarded).toBe(true);
		expect(await balanceOf(referrerId)).toBe(600);
		// A partial refund leaves the reward: the friend did buy.
		expect((await refund(`first-${referrerId}`, 1000)).body.referralReversed).toBe(false);
		expect((await cancel(`first-${referrerId}`)).body).toMatchObject({ referralReversed: true, customerId: null, balance: null });
		expect(await balanceOf(referrerId)).toBe(100);
		expect((await activityOf(referrerId))[0]).toMatchObject({
			kind: 'reversal',
			points: -500,
			reference: { friend: 'f***@example.com', orderEvent: 'cancelled' },
		});
		const second = await server.api.order({ orderId: `second-${referrerId}`, email: friend, subtotal: 9000 });
		expect(second.body.referralRewarded).toBe(false);
		expect(await balanceOf(referrerId)).toBe(100);
	});
});
