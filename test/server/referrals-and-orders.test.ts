import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TestServer, newCustomerId, signWebhook, startTestServer, storePath, tokenFor } from './support/harness';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

const claim = (code: string, email: string, token?: string) => server.api.post(storePath('/referrals/claim'), { code, email }, { token });
const claimWithKey = (key: string, code: string, email: string, token?: string) =>
	server.api.post(storePath('/referrals/claim'), { code, email }, { token, headers: { 'idempotency-key': key } });
/** The referral claims for `email` (any case), with their coupon codes. */
const claimsOf = (email: string) =>
	server.query<{ code: string }>(
		'select c.code from referral_claims r join coupons c on c.referral_claim_id = r.id where lower(r.email) = lower($1)',
		[email],
	);
const balanceOf = async (customerId: string) =>
	(await server.api.get(storePath('/customer'), { token: await tokenFor(customerId) })).body.balance as number;

/** A new member and their referral code. */
async function referrer() {
	const customerId = newCustomerId('referrer');
	const { body } = await server.api.get(storePath('/customer'), { token: await tokenFor(customerId) });
	return { customerId, email: body.email as string, code: body.referral.code as string };
}

describe('order webhook', () => {
	it('refuses a missing or wrong signature with 401', async () => {
		const raw = JSON.stringify({ orderId: 'sig-1', customerId: 'demo-bob', subtotal: 1000, currency: 'USD' });
		const missing = await server.api.request('POST', storePath('/webhooks/orders'), {
			raw,
			headers: { 'content-type': 'application/json' },
		});
		expect([missing.status, missing.body.error.code]).toEqual([401, 'invalid_signature']);
		const wrongSecret = await server.api.request('POST', storePath('/webhooks/orders'), {
			raw,
			headers: { 'content-type': 'application/json', 'x-rewards-signature': signWebhook(raw, 'sk_someone_else_entirely_000000') },
		});
		expect(wrongSecret.status).toBe(401);
		// A signature over other bytes (here: the same JSON re-spaced) does not sign this body.
		const respaced = await server.api.request('POST', storePath('/webhooks/orders'), {
			raw: JSON.stringify(JSON.parse(raw), null, 1),
			headers: { 'content-type': 'application/json', 'x-rewards-signature': signWebhook(raw) },
		});
		expect(respaced.status).toBe(401);
		expect((await server.query(`select 1 from orders where order_id = 'sig-1'`)).length).toBe(0);
	});

	it('awards points per whole dollar of the subtotal', async () => {
		const customerId = newCustomerId();
		await balanceOf(customerId);
		const { status, body } = await server.api.order({ orderId: `o-${customerId}`, customerId, subtotal: 4999 });
		expect(status).toBe(200);
		expect(body).toEqual({
			orderId: `o-${customerId}`,
			duplicate: false,
			customerId,
			pointsAwarded: 245,
			balance: 345,
			referralRewarded: false,
		});
		const activity = await server.api.get(storePath('/customer/activity'), { token: await tokenFor(customerId) });
		expect(activity.body.items[0]).toMatchObject({
			kind: 'order',
			points: 245,
			reference: { orderId: `o-${customerId}`, orderSubtotal: 4999, currency: 'USD' },
		});
	});

	it('is idempotent on the order id, also for concurrent deliveries', async () => {
		const customerId = newCustomerId();
		await balanceOf(customerId);
		const deliveries = await Promise.all(
			Array.from({ length: 8 }, () => server.api.order({ orderId: `dup-${customerId}`, customerId, subtotal: 10000 })),
		);
		expect(deliveries.filter((delivery) => !delivery.body.duplicate)).toHaveLength(1);
		for (const delivery of deliveries) expect(delivery.body).toMatchObject({ pointsAwarded: 500, customerId, balance: 600 });
		expect(await balanceOf(customerId)).toBe(600);
	});

	it('matches a member by email when no customer id is given, and awards nothing to guests', async () => {
		const customerId = newCustomerId();
		await server.api.get(storePath('/customer'), { token: await tokenFor(customerId, { email: `${customerId}@Example.com` }) });
		const byEmail = await server.api.order({
			orderId: `e-${customerId}`,
			email: `${customerId.toUpperCase()}@example.com`,
			subtotal: 2000,
		});
		expect(byEmail.body).toMatchObject({ customerId, pointsAwarded: 100, balance: 200 });
		const guest = await server.api.order({ orderId: `g-${customerId}`, email: 'guest@example.net', subtotal: 2000 });
		expect(guest.body).toEqual({
			orderId: `g-${customerId}`,
			duplicate: false,
			customerId: null,
			pointsAwarded: 0,
			balance: null,
			referralRewarded: false,
		});
	});

	it('refuses another currency and malformed orders', async () => {
		const euros = await server.api.order({ orderId: 'eur-1', customerId: 'demo-bob', subtotal: 1000, currency: 'EUR' });
		expect(euros.body.error.fields).toEqual([{ in: 'body', path: '/currency', message: 'must be the store currency USD' }]);
		const negative = await server.api.order({ orderId: 'neg-1', subtotal: -5 });
		expect(negative.body.error.fields).toEqual([{ in: 'body', path: '/subtotal', message: 'must be >= 0' }]);
		const noId = await server.api.order({ subtotal: 100 });
		expect(noId.body.error.fields).toEqual([{ in: 'body', path: '/orderId', message: 'is required' }]);
		const absurd = await server.api.order({ orderId: 'huge-1', customerId: 'demo-bob', subtotal: 100_000_000_000 });
		expect([absurd.status, absurd.body.error.code]).toEqual([422, 'points_limit_exceeded']);
		expect(await server.query(`select 1 from orders where order_id = 'huge-1'`)).toEqual([]);
		expect(await balanceOf('demo-bob')).toBe(260);
	});

	it('marks coupons used at checkout: the customer’s list shows them used, after the unused ones, for 90 days', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		await balanceOf(customerId);
		await server.api.order({ orderId: `before-${customerId}`, customerId, subtotal: 20000 });
		const redemption = await server.api.post(
			storePath('/customer/redemptions'),
			{ rewardId: 'five-off' },
			{ token, headers: { 'idempotency-key': `redeem-${customerId}` } },
		);
		const code = redemption.body.coupon.code as string;
		await server.api.order({ orderId: `use-${customerId}`, customerId, subtotal: 3000, couponCodes: [code.toLowerCase()] });
		const unused = await server.api.post(
			storePath('/customer/redemptions'),
			{ rewardId: 'five-off' },
			{ token, headers: { 'idempotency-key': `redeem-again-${customerId}` } },
		);
		const { coupons } = (await server.api.get(storePath('/customer'), { token })).body;
		expect(coupons.map((coupon: { code: string; status: string }) => [coupon.code, coupon.status])).toEqual([
			[unused.body.coupon.code, 'active'],
			[code, 'used'],
		]);
		expect(coupons[0].usedAt).toBeUndefined();
		expect(Date.now() - Date.parse(coupons[1].usedAt)).toBeLessThan(60_000);
		// 90 days after its use, a used code leaves the list.
		await server.query(`update coupons set used_at = now() - interval '91 days' where code = $1`, [code]);
		expect((await server.api.get(storePath('/customer'), { token })).body.coupons.map((coupon: { code: string }) => coupon.code)).toEqual([
			unused.body.coupon.code,
		]);
	});
});

describe('referrals', () => {
	it('gives the friend a $10 coupon for a first order of $40+', async () => {
		const { code } = await referrer();
		const { status, body } = await claim(code, `friend-${code}@example.com`);
		expect(status).toBe(201);
		expect(body.coupon).toMatchObject({
			source: 'referral',
			rewardId: null,
			kind: 'fixed_amount',
			amount: 1000,
			minOrderAmount: 4000,
			currency: 'USD',
			title: '$10 off your first order',
		});
		expect(body.coupon.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
	});

	it('accepts the code in any case and localizes the gift', async () => {
		const { code } = await referrer();
		const { body } = await server.api.post(
			storePath('/referrals/claim'),
			{ code: code.toLowerCase(), email: `ami-${code}@example.fr` },
			{ headers: { 'accept-language': 'fr-FR' } },
		);
		expect(body.coupon.title).toBe('10 $ de réduction sur votre première commande');
	});

	it('refuses self-referral by email (any case) or by the signed-in referrer', async () => {
		const { customerId, email, code } = await referrer();
		const byEmail = await claim(code, email.toUpperCase());
		expect([byEmail.status, byEmail.body.error.code]).toEqual([409, 'self_referral']);
		const bySession = await claim(code, 'my-other-address@example.com', await tokenFor(customerId));
		expect([bySession.status, bySession.body.error.code]).toEqual([409, 'self_referral']);
	});

	it('gives one gift per email, also under concurrent claims', async () => {
		const first = await referrer();
		const second = await referrer();
		const email = `popular-${first.code}@example.com`;
		const claims = await Promise.all([
			...Array.from({ length: 5 }, () => claim(first.code, email)),
			...Array.from({ length: 5 }, () => claim(second.code, email.toUpperCase())),
		]);
		expect(claims.filter((response) => response.status === 201)).toHaveLength(1);
		expect(claims.filter((response) => response.body.error?.code === 'already_claimed')).toHaveLength(9);
	});

	it('refuses unknown codes and shoppers who already ordered', async () => {
		const unknown = await claim('NOSUCHCODE', 'someone@example.com');
		expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
		const { code } = await referrer();
		const returning = `returning-${code}@example.com`;
		await server.api.order({ orderId: `prior-${code}`, email: returning, subtotal: 5000 });
		const late = await claim(code, returning);
		expect([late.status, late.body.error.code]).toEqual([409, 'not_eligible']);
	});

	it('answers whether a referral code exists before any claim: 200 with the code (any case), 404 unknown_referral otherwise', async () => {
		const { code } = await referrer();
		const known = await server.api.get(storePath(`/referrals/${code.toLowerCase()}`));
		expect([known.status, known.body]).toEqual([200, { code }]);
		for (const unknown of ['NOSUCHCODE', 'not-a-code', 'claim']) {
			const response = await server.api.get(storePath(`/referrals/${unknown}`));
			expect([response.status, response.body.error.code]).toEqual([404, 'unknown_referral']);
		}
		// Beside the claim's own path: a code is only read, never posted to.
		expect((await server.api.request('POST', storePath(`/referrals/${code}`), { json: {}, unchecked: true })).status).toBe(405);
	});

	it('rewards the referrer once, on the friend’s first order', async () => {
		const { customerId, code } = await referrer();
		const friend = `friend-first-${code}@example.com`;
		await claim(code, friend);
		expect(await balanceOf(customerId)).toBe(100);
		// A free order (say, a replacement sent at no cost) is not a real first order.
		const free = await server.api.order({ orderId: `f0-${code}`, email: friend, subtotal: 0 });
		expect(free.body.referralRewarded).toBe(false);
		const first = await server.api.order({ orderId: `f1-${code}`, email: friend, subtotal: 4500 });
		expect(first.body).toMatchObject({ referralRewarded: true, customerId: null });
		expect(await balanceOf(customerId)).toBe(600);
		const second = await server.api.order({ orderId: `f2-${code}`, email: friend, subtotal: 9000 });
		expect(second.body.referralRewarded).toBe(false);
		expect(await balanceOf(customerId)).toBe(600);
		const activity = await server.api.get(storePath('/customer/activity'), { token: await tokenFor(customerId) });
		expect(activity.body.items[0]).toMatchObject({
			kind: 'referral',
			points: 500,
			reference: { friend: `f***@example.com`, ruleKey: 'referral' },
		});
	});

	it('rewards Alice when Dana, her seeded friend, places her first order', async () => {
		const before = await balanceOf('demo-alice');
		const order = await server.api.order({ orderId: 'dana-1', email: 'dana@example.com', subtotal: 5200 });
		expect(order.body.referralRewarded).toBe(true);
		expect(await balanceOf('demo-alice')).toBe(before + 500);
	});

	it('rewards a referred friend who is also a member, with their own order points', async () => {
		const { customerId: referrerId, code } = await referrer();
		const friendId = newCustomerId('friend');
		await claim(code, `${friendId}@example.com`);
		await balanceOf(friendId);
		const order = await server.api.order({ orderId: `mf-${friendId}`, customerId: friendId, subtotal: 6000 });
		expect(order.body).toMatchObject({ customerId: friendId, pointsAwarded: 300, referralRewarded: true });
		expect(await balanceOf(referrerId)).toBe(600);
	});
});

describe('referral claims with an Idempotency-Key', () => {
	it('answer a repeat with the first response (the same coupon code) and claim once', async () => {
		const { code } = await referrer();
		const email = `replay-${code}@example.com`;
		const key = randomUUID();
		const first = await claimWithKey(key, code, email);
		// The code and the email count in any case, as the claim itself compares them.
		const again = await claimWithKey(key, code.toLowerCase(), email.toUpperCase());
		expect([first.status, again.status]).toEqual([201, 201]);
		expect(again.text).toBe(first.text);
		expect(await claimsOf(email)).toEqual([{ code: first.body.coupon.code }]);
		const [stored] = await server.query<{ status: number; body: string }>('select status, body from referral_claim_keys where key = $1', [
			key,
		]);
		expect(stored).toEqual({ status: 201, body: first.text });
	});

	it('repeat a refusal too, and refuse a new key for an email that claimed', async () => {
		const { code, email } = await referrer();
		const key = randomUUID();
		const first = await claimWithKey(key, code, email);
		const again = await claimWithKey(key, code, email);
		expect([first.status, first.body.error.code]).toEqual([409, 'self_referral']);
		expect(again.text).toBe(first.text);

		const friend = `refused-${code}@example.com`;
		expect((await claimWithKey(randomUUID(), code, friend)).status).toBe(201);
		const other = await claimWithKey(randomUUID(), code, friend);
		expect([other.status, other.body.error.code]).toEqual([409, 'already_claimed']);
	});

	it('answer 422 for the same key with a different body, and claim nothing for it', async () => {
		const { code } = await referrer();
		const key = randomUUID();
		await claimWithKey(key, code, `first-${code}@example.com`);
		const reused = await claimWithKey(key, code, `second-${code}@example.com`);
		expect([reused.status, reused.body.error.code]).toEqual([422, 'idempotency_key_reused']);
		expect(await claimsOf(`second-${code}@example.com`)).toEqual([]);
		// The second email can still claim, with a key of its own.
		expect((await claimWithKey(randomUUID(), code, `second-${code}@example.com`)).status).toBe(201);
	});

	it('award one gift for concurrent requests with one key, also racing other keys for the same email', async () => {
		const { code } = await referrer();
		const email = `racing-${code}@example.com`;
		const [mine, theirs] = [randomUUID(), randomUUID()];
		const responses = await Promise.all([
			...Array.from({ length: 10 }, () => claimWithKey(mine, code, email)),
			...Array.from({ length: 5 }, () => claimWithKey(theirs, code, email)),
			claim(code, email),
		]);
		const [withMine, withTheirs] = [responses.slice(0, 10), responses.slice(10, 15)];
		// Every request with one key gets one and the same answer; one of the two keys got the gift.
		expect(new Set(withMine.map((response) => response.text)).size).toBe(1);
		expect(new Set(withTheirs.map((response) => response.text)).size).toBe(1);
		expect(responses.filter((response) => response.status === 201).length).toBeGreaterThanOrEqual(1);
		expect(responses.every((response) => response.status === 201 || response.body.error.code === 'already_claimed')).toBe(true);
		const claims = await claimsOf(email);
		expect(claims).toHaveLength(1);
		for (const response of responses.filter((response) => response.status === 201)) expect(response.body.coupon.code).toBe(claims[0].code);
	});

	it('keep neither the claim nor the key when the claim’s transaction fails, so the retry with that key claims once', async () => {
		const { code } = await referrer();
		const email = `crash-${code}@example.com`;
		const key = randomUUID();
		// The coupon insert (the claim's last write, after the key and the claim row) fails for this email.
		await server.query(`create function fail_claim_${code.toLowerCase()}() returns trigger language plpgsql as $$
			begin
				if exists (select 1 from referral_claims where id = new.referral_claim_id and email = '${email}') then raise exception 'injected failure'; end if;
				return new;
			end $$`);
		await server.query(
			`create trigger fail_claim_${code.toLowerCase()} before insert on coupons for each row execute function fail_claim_${code.toLowerCase()}()`,
		);
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const failed = await claimWithKey(key, code, email);
			expect([failed.status, failed.body.error.code]).toEqual([500, 'internal_error']);
			expect(logged).toHaveBeenCalledWith(
				'[rewards] unexpected error',
				'POST',
				expect.any(String),
				expect.objectContaining({ message: 'injected failure' }),
			);
		} finally {
			logged.mockRestore();
			await server.query(`drop trigger fail_claim_${code.toLowerCase()} on coupons`);
		}
		expect(await server.query('select 1 from referral_claim_keys where key = $1', [key])).toEqual([]);
		expect(await claimsOf(email)).toEqual([]);

		const retried = await claimWithKey(key, code, email);
		expect(retried.status).toBe(201);
		expect(await claimsOf(email)).toEqual([{ code: retried.body.coupon.code }]);
	});

	it('refuse a malformed key like the redemption’s', async () => {
		const { code } = await referrer();
		const short = await claimWithKey('short', code, `malformed-${code}@example.com`);
		expect([short.status, short.body.error.fields]).toEqual([
			400,
			[{ in: 'header', path: '/Idempotency-Key', message: 'must NOT have fewer than 8 characters' }],
		]);
	});
});
