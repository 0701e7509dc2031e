import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOPPERS, DEMO_STORE, type TestServer, startTestServer, storePath } from './support/harness';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

const admin = { headers: { authorization: `Bearer ${DEMO_STORE.adminKey}` } };

describe('members in the merchant API', () => {
	it('finds members by a substring of their email or id, any case, paginated with a total', async () => {
		const byEmail = await server.api.get(storePath('/admin/customers?q=ALICE%40EXAMPLE'), admin);
		expect(byEmail.body.items.map((item: { id: string }) => item.id)).toEqual([DEMO_SHOPPERS.alice.customerId]);
		expect(byEmail.body.total).toBe(1);

		const first = await server.api.get(storePath('/admin/customers?q=demo-&sort=points&limit=2'), admin);
		expect(first.body.total).toBe(3);
		// Highest balance first: Carol 2,500, Alice 1,240, then Bob 260 on the next page.
		expect(first.body.items.map((item: { id: string; balance: number }) => [item.id, item.balance])).toEqual([
			['demo-carol', 2500],
			['demo-alice', 1240],
		]);
		const second = await server.api.get(storePath(`/admin/customers?q=demo-&sort=points&limit=2&cursor=${first.body.nextCursor}`), admin);
		expect(second.body.items.map((item: { id: string }) => item.id)).toEqual(['demo-bob']);
		expect(second.body.nextCursor).toBeNull();

		const ascending = await server.api.get(storePath('/admin/customers?q=demo-&sort=points&order=asc'), admin);
		expect(ascending.body.items.map((item: { id: string }) => item.id)).toEqual(['demo-bob', 'demo-alice', 'demo-carol']);
		// A LIKE wildcard in q is taken literally.
		expect((await server.api.get(storePath('/admin/customers?q=%25'), admin)).body.total).toBe(0);
	});

	it('sorts the whole list by last activity, newest first, and pages through it', async () => {
		const { body } = await server.api.get(storePath('/admin/customers?limit=50'), admin);
		expect(body.total).toBeGreaterThan(400);
		const times = body.items.map((item: { lastActivityAt: string | null }) => item.lastActivityAt ?? '');
		expect(times).toEqual([...times].sort().reverse());
		expect(body.nextCursor).not.toBeNull();
	});

	it('reads one member: balance, lifetime points, tier, orders and spend', async () => {
		const { body } = await server.api.get(storePath(`/admin/customers/${DEMO_SHOPPERS.alice.customerId}`), admin);
		expect(body).toMatchObject({
			id: 'demo-alice',
			email: 'alice@example.com',
			balance: 1240,
			lifetimePoints: 1740,
			tier: { key: 'silver', name: 'Silver' },
			ordersCount: 3,
			spent: 8450 + 12900 + 10000,
			currency: 'USD',
			pointsRedeemed: 500,
			referralCode: DEMO_SHOPPERS.alice.referralCode,
			referralsClaimed: 1,
		});
	});

	it("pages through a member's ledger, newest first", async () => {
		const first = await server.api.get(storePath(`/admin/customers/${DEMO_SHOPPERS.alice.customerId}/ledger?limit=3`), admin);
		expect(first.body.items.map((entry: { kind: string; points: number }) => [entry.kind, entry.points])).toEqual([
			['order', 500],
			['adjustment', 25],
			['redemption', -500],
		]);
		const rest = await server.api.get(
			storePath(`/admin/customers/${DEMO_SHOPPERS.alice.customerId}/ledger?limit=10&cursor=${first.body.nextCursor}`),
			admin,
		);
		expect(rest.body.items.map((entry: { points: number }) => entry.points)).toEqual([645, 50, 420, 100]);
		expect(rest.body.nextCursor).toBeNull();
	});

	it('answers 404 for an unknown customer and does not enrol them', async () => {
		const count = async () => (await server.query<{ n: number }>('select count(*)::int as n from customers'))[0].n;
		const before = await count();
		expect((await server.api.get(storePath('/admin/customers/nobody-here'), admin)).status).toBe(404);
		expect((await server.api.get(storePath('/admin/customers/nobody-here/ledger'), admin)).status).toBe(404);
		expect(await count()).toBe(before);
	});

	it('opens to the admin key only', async () => {
		for (const authorization of [undefined, `Bearer ${DEMO_STORE.key}`, `Bearer ${DEMO_STORE.identitySecret}`]) {
			const response = await server.api.get(storePath('/admin/customers'), { headers: authorization ? { authorization } : {} });
			expect([response.status, response.body.error.code]).toEqual([401, 'invalid_admin_key']);
		}
	});
});
