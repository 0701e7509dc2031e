import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

describe('the seeded demo shoppers', () => {
	it('Alice: 1,240 points, Silver, an unused $5 coupon', async () => {
		const { body } = await server.api.get(storePath('/customer'), { token: await tokenFor('demo-alice') });
		expect(body).toMatchObject({
			id: 'demo-alice',
			email: 'alice@example.com',
			balance: 1240,
			lifetimePoints: 1740,
			tier: { key: 'silver', name: 'Silver', threshold: 1000 },
			nextTier: { key: 'gold', threshold: 3000 },
			pointsToNextTier: 1260,
			birthday: null,
			birthdayLockedUntil: null,
			referral: { code: 'ALICEMOSS' },
		});
		expect(body.completedActions).toEqual(['signup', 'instagram_follow']);
		expect(body.coupons).toEqual([
			expect.objectContaining({
				source: 'redemption',
				rewardId: 'five-off',
				title: '$5 off',
				kind: 'fixed_amount',
				amount: 500,
				currency: 'USD',
			}),
		]);
	});

	it('Bob: new-ish, Bronze', async () => {
		const { body } = await server.api.get(storePath('/customer'), { token: await tokenFor('demo-bob') });
		expect(body).toMatchObject({ balance: 260, lifetimePoints: 260, tier: { key: 'bronze' }, pointsToNextTier: 740, coupons: [] });
	});

	it('Carol: Gold, top tier, birthday set and locked, this year’s birthday points already in', async () => {
		const { body } = await server.api.get(storePath('/customer'), { token: await tokenFor('demo-carol') });
		expect(body).toMatchObject({ balance: 2500, lifetimePoints: 5000, tier: { key: 'gold' }, nextTier: null, pointsToNextTier: null });
		expect(body.birthday).toMatchObject({ year: 1988 });
		expect(body.birthdayLockedUntil).toBeNull();
		expect(body.coupons.map((coupon: { rewardId: string }) => coupon.rewardId)).toEqual(['ten-off']);
	});

	it('localizes coupon titles and tier names', async () => {
		const { body, headers } = await server.api.get(storePath('/customer'), {
			token: await tokenFor('demo-alice'),
			headers: { 'accept-language': 'pl' },
		});
		expect(headers.get('content-language')).toBe('pl');
		expect(body.locale).toBe('pl');
		expect(body.tier.name).toBe('Srebrny');
		expect(body.coupons[0].title).toBe('Zniżka 5 USD');
	});
});

describe('activity', () => {
	it('lists the ledger newest first, with what each entry is about', async () => {
		const { body } = await server.api.get(storePath('/customer/activity'), { token: await tokenFor('demo-alice') });
		expect(body.nextCursor).toBeNull();
		expect(body.items.map((item: { kind: string; points: number }) => [item.kind, item.points])).toEqual([
			['order', 500],
			['adjustment', 25],
			['redemption', -500],
			['order', 645],
			['instagram_follow', 50],
			['order', 420],
			['signup', 100],
		]);
		const [order, adjustment, redemption] = body.items;
		expect(order.reference).toEqual({
			ruleKey: 'order',
			ruleTitle: 'Place an order',
			orderId: 'MM-1003',
			orderSubtotal: 10000,
			currency: 'USD',
		});
		expect(adjustment.reference).toEqual({ note: 'Sorry about the delayed parcel' });
		expect(redemption.reference).toMatchObject({
			rewardId: 'five-off',
			rewardTitle: '$5 off',
			couponCode: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
		});
		const times = body.items.map((item: { createdAt: string }) => Date.parse(item.createdAt));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		const sum = body.items.reduce((total: number, item: { points: number }) => total + item.points, 0);
		expect(sum).toBe(1240);
	});

	it('paginates with an opaque cursor until nextCursor is null', async () => {
		const token = await tokenFor('demo-carol');
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const query: string = cursor ? `?limit=4&cursor=${cursor}` : '?limit=4';
			const { body } = await server.api.get(storePath(`/customer/activity${query}`), { token });
			expect(body.items.length).toBeLessThanOrEqual(4);
			seen.push(...body.items.map((item: { id: string }) => item.id));
			cursor = body.nextCursor;
			pages++;
		} while (cursor);
		expect(pages).toBe(3);
		expect(seen).toHaveLength(9);
		expect(new Set(seen).size).toBe(9);
	});

	it('refuses bad limits and forged cursors with field messages', async () => {
		const token = await tokenFor('demo-alice');
		const tooMany = await server.api.get(storePath('/customer/activity?limit=1000'), { token });
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.error.fields).toEqual([{ in: 'query', path: '/limit', message: 'must be <= 100' }]);
		const notANumber = await server.api.get(storePath('/customer/activity?limit=ten'), { token });
		expect(notANumber.body.error.fields[0]).toMatchObject({ in: 'query', path: '/limit' });
		const forged = await server.api.get(storePath(`/customer/activity?cursor=${Buffer.from('1 or 1=1').toString('base64url')}`), { token });
		expect(forged.status).toBe(400);
		expect(forged.body.error.fields[0]).toMatchObject({ in: 'query', path: '/cursor' });
	});

	it('enrols a customer seen for the first time', async () => {
		const { body } = await server.api.get(storePath('/customer/activity'), { token: await tokenFor(newCustomerId()) });
		expect(body.items).toEqual([
			expect.objectContaining({ kind: 'signup', points: 100, reference: { ruleKey: 'signup', ruleTitle: 'Create an account' } }),
		]);
	});
});

describe('earn actions', () => {
	it('awards the Instagram follow once; the second time is 409 already_completed', async () => {
		const token = await tokenFor(newCustomerId());
		const first = await server.api.post(storePath('/customer/actions/instagram_follow'), undefined, { token });
		expect(first.status).toBe(201);
		expect(first.body).toEqual({ ruleKey: 'instagram_follow', awarded: 50, balance: 150, lifetimePoints: 150 });
		const second = await server.api.post(storePath('/customer/actions/instagram_follow'), undefined, { token });
		expect([second.status, second.body.error.code]).toEqual([409, 'already_completed']);
		const { body } = await server.api.get(storePath('/customer'), { token });
		expect(body.balance).toBe(150);
		expect(body.completedActions).toEqual(['signup', 'instagram_follow']);
	});

	it('awards it once under concurrent claims', async () => {
		const token = await tokenFor(newCustomerId());
		const responses = await Promise.all(
			Array.from({ length: 10 }, () => server.api.post(storePath('/customer/actions/instagram_follow'), undefined, { token })),
		);
		expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
		expect(responses.filter((response) => response.body.error?.code === 'already_completed')).toHaveLength(9);
		expect((await server.api.get(storePath('/customer'), { token })).body.balance).toBe(150);
	});

	it('refuses rules the store awards itself, and unknown rules', async () => {
		const token = await tokenFor(newCustomerId());
		for (const rule of ['order', 'signup', 'birthday', 'referral']) {
			const response = await server.api.post(storePath(`/customer/actions/${rule}`), undefined, { token });
			expect([rule, response.status, response.body.error.code]).toEqual([rule, 403, 'forbidden']);
		}
		const unknown = await server.api.post(storePath('/customer/actions/tiktok_follow'), undefined, { token });
		expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
		expect((await server.api.get(storePath('/customer'), { token })).body.balance).toBe(100);
	});

	it('is also unique in the database itself', async () => {
		const customerId = newCustomerId();
		await server.api.get(storePath('/customer'), { token: await tokenFor(customerId) });
		const insert = `insert into ledger (customer_id, points, kind, rule_key, dedupe_key)
			select id, 100, 'signup', 'signup', 'action:signup' from customers where external_id = $1`;
		await expect(server.query(insert, [customerId])).rejects.toThrow(/unique|duplicate/i);
	});
});
