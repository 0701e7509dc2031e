import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BALANCE, MAX_POINTS_PER_ORDER } from '../../demo/server/customers/points-limits';
import { type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

// The demo store awards 5 points per whole dollar: a subtotal in cents worth `points` points.
const subtotalFor = (points: number) => (points / 5) * 100;

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

async function enrol(customerId: string) {
	const token = await tokenFor(customerId);
	const { body } = await server.api.get(storePath('/customer'), { token });
	// The signup bonus is already there.
	return { token, referralCode: body.referral.code as string, balance: body.balance as number };
}

/** Points given straight in the ledger, as many large orders would have (setup only). */
async function grant(customerId: string, rows: Array<[kind: 'order' | 'redemption', points: number]>) {
	for (const [index, [kind, points]] of rows.entries())
		await server.query(
			`insert into ledger (customer_id, points, kind, dedupe_key)
			select id, $2, $3, $4 from customers where external_id = $1`,
			[customerId, points, kind, `setup:${customerId}:${index}`],
		);
}

const customerOf = async (token: string) => (await server.api.get(storePath('/customer'), { token })).body;

describe('point limits', () => {
	it('one order awards at most MAX_POINTS_PER_ORDER; one point more is refused 422 with nothing recorded', async () => {
		const customerId = newCustomerId();
		await enrol(customerId);
		const atCap = await server.api.order({ orderId: `cap-${customerId}`, customerId, subtotal: subtotalFor(MAX_POINTS_PER_ORDER) });
		expect([atCap.status, atCap.body.pointsAwarded]).toEqual([200, MAX_POINTS_PER_ORDER]);
		const over = await server.api.order({ orderId: `over-${customerId}`, customerId, subtotal: subtotalFor(MAX_POINTS_PER_ORDER + 5) });
		expect([over.status, over.body.error.code]).toEqual([422, 'points_limit_exceeded']);
		expect(await server.query(`select 1 from orders where order_id = $1`, [`over-${customerId}`])).toEqual([]);
		// The same order sent again gets the same clear answer, not a 500.
		const again = await server.api.order({ orderId: `over-${customerId}`, customerId, subtotal: subtotalFor(MAX_POINTS_PER_ORDER + 5) });
		expect([again.status, again.body.error.code]).toEqual([422, 'points_limit_exceeded']);
	});

	it('a balance reaches MAX_BALANCE exactly, and an order past it is refused 422', async () => {
		const customerId = newCustomerId();
		const { token, balance } = await enrol(customerId);
		await grant(customerId, [['order', MAX_BALANCE - balance - 1000]]);
		const toTheMax = await server.api.order({ orderId: `to-max-${customerId}`, customerId, subtotal: subtotalFor(1000) });
		expect([toTheMax.status, toTheMax.body.balance]).toEqual([200, MAX_BALANCE]);
		const past = await server.api.order({ orderId: `past-max-${customerId}`, customerId, subtotal: subtotalFor(5) });
		expect([past.status, past.body.error.code]).toEqual([422, 'points_limit_exceeded']);
		expect((await customerOf(token)).balance).toBe(MAX_BALANCE);
	});

	it('sums never overflow: lifetime points past 2^31 are shown, and orders keep working', async () => {
		const customerId = newCustomerId();
		const { token, balance } = await enrol(customerId);
		// Three large orders each spent: lifetime over 3 000 000 000 (> 2^31 − 1).
		await grant(customerId, [
			['order', MAX_BALANCE],
			['redemption', -MAX_BALANCE],
			['order', MAX_BALANCE],
			['redemption', -MAX_BALANCE],
			['order', MAX_BALANCE],
			['redemption', -MAX_BALANCE],
		]);
		const customer = await customerOf(token);
		expect([customer.balance, customer.lifetimePoints]).toEqual([balance, 3 * MAX_BALANCE + balance]);
		const order = await server.api.order({ orderId: `after-${customerId}`, customerId, subtotal: subtotalFor(500) });
		expect([order.status, order.body.balance]).toEqual([200, balance + 500]);
		const redemption = await server.api.post(
			storePath('/customer/redemptions'),
			{ rewardId: 'five-off' },
			{ token, headers: { 'idempotency-key': `redeem-${customerId}` } },
		);
		expect(redemption.status).toBe(201);
	});

	it('a referral reward that would push the referrer past MAX_BALANCE is capped and recorded; the friend’s order succeeds', async () => {
		const referrerId = newCustomerId('referrer');
		const { token, referralCode, balance } = await enrol(referrerId);
		await grant(referrerId, [['order', MAX_BALANCE - balance - 100]]);

		const claimAndOrder = async (friend: string) => {
			const email = `${friend}@example.com`;
			expect((await server.api.post(storePath('/referrals/claim'), { code: referralCode, email })).status).toBe(201);
			return server.api.order({ orderId: `first-${friend}`, email, subtotal: 10_000 });
		};
		const first = await claimAndOrder(newCustomerId('friend'));
		expect([first.status, first.body.referralRewarded]).toEqual([200, true]);
		expect((await customerOf(token)).balance).toBe(MAX_BALANCE);
		// At the maximum already: the next friend's order still succeeds, and the reward is recorded as 0.
		const second = await claimAndOrder(newCustomerId('friend'));
		expect([second.status, second.body.referralRewarded]).toEqual([200, true]);
		expect((await customerOf(token)).balance).toBe(MAX_BALANCE);
		const rewards = await server.query<{ points: number; note: string }>(
			`select l.points, l.note from ledger l join customers c on c.id = l.customer_id
			where c.external_id = $1 and l.kind = 'referral' order by l.id`,
			[referrerId],
		);
		expect(rewards).toEqual([
			{ points: 100, note: 'capped at the maximum balance' },
			{ points: 0, note: 'capped at the maximum balance' },
		]);
	});
});
