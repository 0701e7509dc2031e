import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configFromEnv } from '../../demo/server/config';
import { customerDigestMessage, mintCustomerToken, signCustomer } from '../../demo/server/token';
import { demoStoreDefinition } from '../../demo/server/seed/demo-store';
import { DEMO_STORE, type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

// Every timingSafeEqual the server makes goes through this spy (and still does its work), so a
// test can see that digests are compared in constant time and not with === or Buffer#equals.
vi.mock('node:crypto', async (importOriginal) => {
	const actual = await importOriginal<typeof import('node:crypto')>();
	return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const NO_IDENTITY_STORE = { ...demoStoreDefinition(), key: 'pk_no_identity', identitySecret: undefined };
const OTHER_STORE = { ...demoStoreDefinition(), key: 'pk_other_shop', identitySecret: 'idsec_other_0a1b2c3d4e5f6a7b8c9d' };
const now = () => Math.floor(Date.now() / 1000);

interface Signed {
	id: string;
	email: string;
	issuedAt: number | string;
	digest: string;
}

/** A customer signed for the demo store (or as told), the way the Liquid snippet signs one. */
function signed(overrides: Partial<{ storeKey: string; secret: string; id: string; email: string; issuedAt: number }> = {}): Signed {
	const customer = signCustomer({
		storeKey: overrides.storeKey ?? DEMO_STORE.key,
		identitySecret: overrides.secret ?? DEMO_STORE.identitySecret,
		customerId: overrides.id ?? newCustomerId(),
		email: overrides.email ?? 'shopper@example.com',
		issuedAt: overrides.issuedAt ?? now(),
	});
	return customer;
}

const header = (customer: Signed) => new URLSearchParams({ ...customer, issuedAt: String(customer.issuedAt) }).toString();

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({ stores: [NO_IDENTITY_STORE, OTHER_STORE] });
});
afterAll(() => server?.close());

async function asCustomer(value: string | Signed, storeKey: string = DEMO_STORE.key, headers: Record<string, string> = {}) {
	const response = await server.api.get(storePath('/customer', storeKey), {
		headers: { 'x-rewards-customer': typeof value === 'string' ? value : header(value), ...headers },
	});
	return { status: response.status, code: response.body?.error?.code as string | undefined, body: response.body };
}

async function customerRows(id: string) {
	const [row] = await server.query<{ n: number }>('select count(*)::int as n from customers where external_id = $1', [id]);
	return row.n;
}

/** Refused, and nothing written: the shopper it named is not enrolled. */
async function expectRefused(customer: Signed, code: 'invalid_token' | 'token_expired', storeKey: string = DEMO_STORE.key) {
	expect(await asCustomer(customer, storeKey)).toMatchObject({ status: 401, code });
	expect(await customerRows(customer.id)).toBe(0);
}

describe('signed customers (X-Rewards-Customer)', () => {
	it('signs in a shopper whose digest is keyed with the store’s identity secret', async () => {
		const customer = signed({ email: 'Signed.Shopper@example.com' });
		const { status, body } = await asCustomer(customer);
		expect(status).toBe(200);
		expect(body).toMatchObject({ id: customer.id, email: 'Signed.Shopper@example.com', balance: 100 });
	});

	it('signs the documented canonical string storeKey:id:email:issuedAt', () => {
		expect(customerDigestMessage('pk_demo', 'a:b', 'c@example.com', 1767225600)).toBe('pk_demo:a:b:c@example.com:1767225600');
		const customer = signed({ id: '7243', email: 'alice@example.com', issuedAt: 1767225600 });
		const expected = crypto
			.createHmac('sha256', DEMO_STORE.identitySecret)
			.update('pk_demo:7243:alice@example.com:1767225600')
			.digest('hex');
		expect(customer.digest).toBe(expected);
	});

	it('refuses a wrong digest', async () => {
		const customer = signed();
		const flipped = customer.digest.replace(/^./, (first) => (first === '0' ? '1' : '0'));
		await expectRefused({ ...customer, digest: flipped }, 'invalid_token');
		await expectRefused({ ...customer, digest: customer.digest.toUpperCase() }, 'invalid_token');
		await expectRefused({ ...customer, digest: customer.digest.slice(0, 63) }, 'invalid_token');
	});

	it('refuses a digest keyed with another store’s identity secret, and one signed for another store', async () => {
		await expectRefused(signed({ secret: OTHER_STORE.identitySecret }), 'invalid_token');
		// Signed for pk_other_shop with its own secret: valid there, not here.
		const forOther = signed({ storeKey: OTHER_STORE.key, secret: OTHER_STORE.identitySecret });
		await expectRefused(forOther, 'invalid_token');
		expect((await asCustomer(forOther, OTHER_STORE.key)).status).toBe(200);
	});

	it('refuses a digest keyed with the store secret (webhooks, tokens) or the admin key', async () => {
		await expectRefused(signed({ secret: DEMO_STORE.secret }), 'invalid_token');
		await expectRefused(signed({ secret: DEMO_STORE.adminKey }), 'invalid_token');
	});

	it('refuses a tampered id or email', async () => {
		const customer = signed({ email: 'alice-lookalike@example.com' });
		await expectRefused({ ...customer, id: newCustomerId() }, 'invalid_token');
		// A seeded member's id: refused, not signed in as them.
		expect(await asCustomer({ ...customer, id: 'demo-alice' })).toMatchObject({ status: 401, code: 'invalid_token' });
		const tamperedEmail = { ...customer, email: 'alice@example.com' };
		expect(await asCustomer(tamperedEmail)).toMatchObject({ status: 401, code: 'invalid_token' });
		expect(await customerRows(customer.id)).toBe(0);
	});

	it('refuses a tampered issuedAt, also one that only adds leading zeros', async () => {
		const customer = signed({ issuedAt: now() - 60 });
		await expectRefused({ ...customer, issuedAt: now() }, 'invalid_token');
		await expectRefused({ ...customer, issuedAt: `0${customer.issuedAt}` }, 'invalid_token');
	});

	it('answers token_expired once a digest is older than 24 hours, and accepts it just before', async () => {
		expect((await asCustomer(signed({ issuedAt: now() - 86_400 + 60 }))).status).toBe(200);
		await expectRefused(signed({ issuedAt: now() - 86_400 - 60 }), 'token_expired');
	});

	it('refuses a digest issued more than 5 minutes ahead, and allows a fast shop clock within that', async () => {
		expect((await asCustomer(signed({ issuedAt: now() + 240 }))).status).toBe(200);
		await expectRefused(signed({ issuedAt: now() + 360 }), 'invalid_token');
	});

	it('says token_expired only for a genuine digest: a forged old one is invalid_token', async () => {
		await expectRefused(signed({ issuedAt: now() - 90_000, secret: 'idsec_guess_000000000000000000' }), 'invalid_token');
	});

	it('refuses an invalid email or id even when correctly signed', async () => {
		await expectRefused(signed({ email: 'not-an-email' }), 'invalid_token');
		await expectRefused(signed({ email: 'a:b@example.com' }), 'invalid_token');
		await expectRefused(signed({ id: 'x'.repeat(129) }), 'invalid_token');
		await expectRefused(signed({ id: 'line\nbreak' }), 'invalid_token');
		expect((await asCustomer(signed({ id: 'x'.repeat(128) }))).status).toBe(200);
	});

	it('ignores fields other than the four it signs', async () => {
		expect((await asCustomer(`${header(signed())}&name=Alice`)).status).toBe(200);
	});

	it('refuses malformed values: a field missing or twice', async () => {
		const customer = signed();
		const { digest: _, ...withoutDigest } = customer;
		for (const value of [
			new URLSearchParams({ ...withoutDigest, issuedAt: String(customer.issuedAt) }).toString(),
			`${header(customer)}&digest=${customer.digest}`,
			'',
			`${customer.id}:${customer.email}:${customer.issuedAt}:${customer.digest}`,
		]) {
			expect(await asCustomer(value)).toMatchObject({ status: 401, code: 'invalid_token' });
		}
		expect(await customerRows(customer.id)).toBe(0);
	});

	it('refuses every digest on a store without an identity secret', async () => {
		const customer = signed({ storeKey: NO_IDENTITY_STORE.key, secret: DEMO_STORE.identitySecret });
		await expectRefused(customer, 'invalid_token', NO_IDENTITY_STORE.key);
		// Tokens still work there.
		const token = await mintCustomerToken({
			storeKey: NO_IDENTITY_STORE.key,
			secret: NO_IDENTITY_STORE.secret,
			customerId: customer.id,
			email: customer.email,
		});
		expect((await server.api.get(storePath('/customer', NO_IDENTITY_STORE.key), { token })).status).toBe(200);
	});

	it('refuses a request that sends both a token and a signed customer', async () => {
		const customer = signed();
		const both = await asCustomer(customer, DEMO_STORE.key, { authorization: `Bearer ${await tokenFor(customer.id)}` });
		expect(both).toMatchObject({ status: 401, code: 'invalid_token' });
		expect(await customerRows(customer.id)).toBe(0);
	});

	it('enrols an unknown shopper once on their first digest, even for concurrent first requests, as the token path does', async () => {
		const customer = signed();
		const responses = await Promise.all(Array.from({ length: 12 }, () => asCustomer(customer)));
		expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
		expect(new Set(responses.map((response) => response.body.balance))).toEqual(new Set([100]));
		const [signups] = await server.query<{ n: number }>(
			`select count(*)::int as n from ledger l join customers c on c.id = l.customer_id where c.external_id = $1 and l.kind = 'signup'`,
			[customer.id],
		);
		expect(signups.n).toBe(1);
		expect(await customerRows(customer.id)).toBe(1);
		// The same shopper through a token later is the same member.
		const { body } = await server.api.get(storePath('/customer'), { token: await tokenFor(customer.id, { email: customer.email }) });
		expect(body).toMatchObject({ id: customer.id, balance: 100 });
	});

	it('acts as the shopper on every customer operation and on optional ones', async () => {
		const customer = signed();
		const headers = { 'x-rewards-customer': header(customer) };
		const action = await server.api.post(storePath('/customer/actions/instagram_follow'), undefined, { headers });
		expect(action.status).toBe(201);
		const activity = await server.api.get(storePath('/customer/activity'), { headers });
		expect(activity.status).toBe(200);
		expect(activity.body.items.map((item: { kind: string }) => item.kind)).toContain('signup');
		const events = await server.api.post(storePath('/events'), { events: [{ type: 'launcher_open' }] }, { headers });
		expect(events.status).toBe(202);
	});

	it('compares digests in constant time', async () => {
		const spy = vi.mocked(crypto.timingSafeEqual);
		spy.mockClear();
		const customer = signed();
		const wrong = { ...customer, digest: 'f'.repeat(64) };
		expect((await asCustomer(wrong)).status).toBe(401);
		expect(spy).toHaveBeenCalledTimes(1);
		const [given, expected] = spy.mock.calls[0] as [Buffer, Buffer];
		expect(Buffer.from(given).toString()).toBe(wrong.digest);
		expect(Buffer.from(expected).toString()).toBe(customer.digest);
	});

	it('lets browsers send the header: the CORS preflight allows X-Rewards-Customer', async () => {
		const response = await server.api.request('OPTIONS', storePath('/customer'), {
			headers: {
				origin: 'http://127.0.0.1:5173',
				'access-control-request-method': 'GET',
				'access-control-request-headers': 'x-rewards-customer',
			},
			unchecked: true,
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-rewards-customer');
	});
});

describe('the digest age window', () => {
	it('follows identityMaxAgeSeconds', async () => {
		const short = await startTestServer({ identityMaxAgeSeconds: 600 });
		try {
			const get = (customer: Signed) => short.api.get(storePath('/customer'), { headers: { 'x-rewards-customer': header(customer) } });
			expect((await get(signed({ issuedAt: now() - 500 }))).status).toBe(200);
			const old = await get(signed({ issuedAt: now() - 700 }));
			expect([old.status, old.body.error.code]).toEqual([401, 'token_expired']);
		} finally {
			await short.close();
		}
	});

	it('refuses a window that is not a whole number of seconds', async () => {
		await expect(startTestServer({ identityMaxAgeSeconds: 0 })).rejects.toThrow(/identityMaxAgeSeconds/);
	});
});

describe('REWARDS_IDENTITY_MAX_AGE', () => {
	it('sets the window from the environment, 24 hours by default', () => {
		expect(configFromEnv({}).identityMaxAgeSeconds).toBe(86_400);
		expect(configFromEnv({ REWARDS_IDENTITY_MAX_AGE: '3600' }).identityMaxAgeSeconds).toBe(3600);
	});
});
