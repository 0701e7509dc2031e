import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../demo/server/app';
import { spawnServer, sharedStorage } from './support/child-server';
import { contractClient, newCustomerId, storePath, tokenFor } from './support/harness';

const CUSTOMERS = 8;
const REDEMPTIONS_EACH = 14;

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Customer {
	customerId: string;
	token: string;
	referralCode: string;
}

interface Acknowledged {
	coupons: Array<{ customerId: string; key: string; code: string; text: string }>;
	orders: string[];
	actions: string[];
	/** Every friend's gift claim sent (one per customer's referral code), with its answer if one came. */
	claims: Array<{ body: { code: string; email: string }; key: string; text?: string }>;
}

/**
Fires redemptions, Instagram claims, orders and a referred friend's gift claim for every customer at once, and kills the server
with SIGKILL once `killAfter` responses came back, so the kill lands mid-burst. Returns what the
server acknowledged before dying.
*/
async function burstThenKill(url: string, customers: Customer[], killAfter: number, kill: () => void): Promise<Acknowledged> {
	const api = contractClient(url);
	const acknowledged: Acknowledged = { coupons: [], orders: [], actions: [], claims: [] };
	let answered = 0;
	const count = () => {
		if (++answered === killAfter) kill();
	};
	const requests = customers.flatMap(({ customerId, token, referralCode }) => [
		...Array.from({ length: REDEMPTIONS_EACH }, async () => {
			const key = randomUUID();
			const response = await api.post(
				storePath('/customer/redemptions'),
				{ rewardId: 'five-off' },
				{ token, headers: { 'idempotency-key': key } },
			);
			count();
			if (response.status === 201) acknowledged.coupons.push({ customerId, key, code: response.body.coupon.code, text: response.text });
		}),
		...Array.from({ length: 3 }, async () => {
			const response = await api.post(storePath('/customer/actions/instagram_follow'), undefined, { token });
			count();
			if (response.status === 201) acknowledged.actions.push(customerId);
		}),
		(async () => {
			const orderId = `burst-${customerId}`;
			const response = await api.order({ orderId, customerId, subtotal: 2000 });
			count();
			if (response.status === 200) acknowledged.orders.push(orderId);
		})(),
		(async () => {
			const claim: Acknowledged['claims'][number] = {
				body: { code: referralCode, email: `friend-of-${customerId}@example.com` },
				key: randomUUID(),
			};
			acknowledged.claims.push(claim);
			const response = await api.post(storePath('/referrals/claim'), claim.body, { headers: { 'idempotency-key': claim.key } });
			count();
			if (response.status === 201) claim.text = response.text;
		})(),
	]);
	// Requests cut by the kill fail at the socket: that is the point.
	await Promise.allSettled(requests);
	return acknowledged;
}

async function checkInvariants(server: RunningServer, customers: Customer[], acknowledged: Acknowledged) {
	const api = contractClient(server.url);
	const one = async (sql: string, params: unknown[] = []) => (await server.query<{ n: number }>(sql, params))[0].n;

	// No coupon without its debit, no debit without its coupon.
	expect(
		await one(`select count(*)::int as n from coupons k left join ledger l on l.id = k.ledger_entry_id
			where k.source = 'redemption' and (l.id is null or l.kind <> 'redemption' or l.customer_id <> k.customer_id or l.reward_id <> k.reward_id or (k.reward_id = 'five-off' and l.points <> -500))`),
	).toBe(0);
	expect(
		await one(
			`select count(*)::int as n from ledger l left join coupons k on k.ledger_entry_id = l.id where l.kind = 'redemption' and k.id is null`,
		),
	).toBe(0);
	// Every stored idempotent success names a coupon that exists, and vice versa for this burst.
	expect(
		await one(
			`select count(*)::int as n from idempotency_keys i where i.status = 201 and not exists (select 1 from coupons k where i.body like '%' || k.code || '%')`,
		),
	).toBe(0);
	// Every referral claim has its coupon, and every stored claim response is complete and names its coupon.
	expect(
		await one(`select count(*)::int as n from referral_claims r left join coupons k on k.referral_claim_id = r.id where k.id is null`),
	).toBe(0);
	expect(
		await one(
			`select count(*)::int as n from referral_claim_keys i where i.status = 0 or i.body = '' or (i.status = 201 and not exists (select 1 from coupons k where k.source = 'referral' and i.body like '%' || k.code || '%'))`,
		),
	).toBe(0);
	// Once-only awards stayed once-only.
	expect(
		await one(
			`select count(*)::int as n from (select customer_id, dedupe_key from ledger where dedupe_key is not null group by 1, 2 having count(*) > 1) d`,
		),
	).toBe(0);
	// No balance below zero.
	expect(await one(`select count(*)::int as n from (select customer_id from ledger group by 1 having sum(points) < 0) b`)).toBe(0);

	// What the dead server acknowledged survived it.
	const codes = new Set((await server.query<{ code: string }>('select code from coupons')).map((row) => row.code));
	for (const coupon of acknowledged.coupons) expect(codes.has(coupon.code), coupon.code).toBe(true);
	const orders = new Set((await server.query<{ order_id: string }>('select order_id from orders')).map((row) => row.order_id));
	for (const orderId of acknowledged.orders) expect(orders.has(orderId), orderId).toBe(true);

	for (const { customerId, token } of customers) {
		const { body } = await api.get(storePath('/customer'), { token });
		const [ledger] = await server.query<{ sum: number; coupons: number; debits: number }>(
			`select coalesce(sum(l.points), 0)::int as sum,
				(select count(*)::int from coupons k where k.customer_id = c.id) as coupons,
				count(*) filter (where l.kind = 'redemption')::int as debits
			from customers c join ledger l on l.customer_id = c.id where c.external_id = $1 group by c.id`,
			[customerId],
		);
		expect(body.balance).toBe(ledger.sum);
		expect(body.balance).toBeGreaterThanOrEqual(0);
		expect(ledger.coupons).toBe(ledger.debits);
	}

	// An acknowledged redemption retried after the restart answers the same, and debits nothing more.
	const replayed = acknowledged.coupons[0];
	if (replayed) {
		const token = customers.find((customer) => customer.customerId === replayed.customerId)!.token;
		const before = (await api.get(storePath('/customer'), { token })).body.balance;
		const again = await api.post(
			storePath('/customer/redemptions'),
			{ rewardId: 'five-off' },
			{ token, headers: { 'idempotency-key': replayed.key } },
		);
		expect(again.text).toBe(replayed.text);
		expect((await api.get(storePath('/customer'), { token })).body.balance).toBe(before);
	}

	// Every gift claim sent again with its key after the restart gets a gift, the same one if it had
	// been answered, whether or not the kill cut it, and each friend has one claim.
	for (const claim of acknowledged.claims) {
		const again = await api.post(storePath('/referrals/claim'), claim.body, { headers: { 'idempotency-key': claim.key } });
		expect(again.status).toBe(201);
		if (claim.text) expect(again.text).toBe(claim.text);
		expect(await one('select count(*)::int as n from referral_claims where email = $1', [claim.body.email])).toBe(1);
	}
}

describe('crash safety', () => {
	it('a kill -9 during a burst of redemptions, earn claims and gift claims leaves every balance equal to its ledger, coupons and debits paired, and every gift claim replayable', async () => {
		const storage = await sharedStorage();
		cleanups.push(storage.dispose);
		const child = await spawnServer(storage.env);
		cleanups.push(async () => child.process.kill('SIGKILL'));
		const api = contractClient(child.url);

		const customers = await Promise.all(
			Array.from({ length: CUSTOMERS }, async () => {
				const customerId = newCustomerId('crash');
				const token = await tokenFor(customerId, { ttlSeconds: 1800 });
				const { body } = await api.get(storePath('/customer'), { token });
				// 100 signup + 5,000 from this order: room for 10 of the 14 redemptions.
				await api.order({ orderId: `seed-${customerId}`, customerId, subtotal: 100_000 });
				return { customerId, token, referralCode: body.referral.code as string };
			}),
		);

		const total = CUSTOMERS * (REDEMPTIONS_EACH + 5);
		const acknowledged = await burstThenKill(child.url, customers, Math.floor(total / 3), () => child.process.kill('SIGKILL'));
		expect(await child.exited).toBeNull();
		expect(acknowledged.coupons.length).toBeGreaterThan(0);
		expect(acknowledged.claims).toHaveLength(CUSTOMERS);

		const restarted = await startServer({ port: 0, rateLimit: false, ...storage.options });
		cleanups.push(() => restarted.close());
		await checkInvariants(restarted, customers, acknowledged);
	});
});
