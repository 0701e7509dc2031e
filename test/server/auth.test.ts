import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { promisify } from 'node:util';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, importPKCS8, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mintCustomerToken } from '../../demo/server/token';
import { DEMO_STORE, type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

const secretKey = new TextEncoder().encode(DEMO_STORE.secret);
const now = () => Math.floor(Date.now() / 1000);

function claims(overrides: Record<string, unknown> = {}) {
	return { sub: newCustomerId(), email: 'someone@example.com', aud: DEMO_STORE.key, iat: now(), exp: now() + 600, ...overrides };
}

async function signHs256(payload: Record<string, unknown>, key: Uint8Array = secretKey) {
	return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
}

function base64url(value: object) {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({ devTokens: true });
});
afterAll(() => server?.close());

async function customerStatus(token: string | undefined) {
	const response = await server.api.get(storePath('/customer'), { token });
	return { status: response.status, code: response.body?.error?.code as string | undefined, response };
}

describe('customer tokens', () => {
	it('accepts a token minted with the store secret', async () => {
		const { status } = await customerStatus(await signHs256(claims()));
		expect(status).toBe(200);
	});

	it('answers 401 invalid_token without a token', async () => {
		const { status, code, response } = await customerStatus(undefined);
		expect([status, code]).toEqual([401, 'invalid_token']);
		expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
	});

	it('answers 401 token_expired for an expired token', async () => {
		expect(await customerStatus(await signHs256(claims({ iat: now() - 3000, exp: now() - 120 })))).toMatchObject({
			status: 401,
			code: 'token_expired',
		});
	});

	it('refuses a token signed with another secret (forged)', async () => {
		const forged = await signHs256(claims(), new TextEncoder().encode('sk_demo_not-the-real-secret-at-all'));
		expect(await customerStatus(forged)).toMatchObject({ status: 401, code: 'invalid_token' });
	});

	it('refuses a token for another store (wrong audience) or none', async () => {
		expect(await customerStatus(await signHs256(claims({ aud: 'pk_other' })))).toMatchObject({ status: 401, code: 'invalid_token' });
		const { aud: _, ...withoutAudience } = claims();
		expect(await customerStatus(await signHs256(withoutAudience))).toMatchObject({ status: 401, code: 'invalid_token' });
	});

	it('refuses an unsigned token (alg none)', async () => {
		const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`;
		expect(await customerStatus(unsigned)).toMatchObject({ status: 401, code: 'invalid_token' });
	});

	it('refuses RS256 tokens, including HS/RS key confusion', async () => {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const rsaKey = await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'RS256');
		const rs256 = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(rsaKey);
		expect(await customerStatus(rs256)).toMatchObject({ status: 401, code: 'invalid_token' });
		// The classic confusion: an HS256 token keyed with a public key the attacker knows.
		const publicPem = new TextEncoder().encode(publicKey.export({ type: 'spki', format: 'pem' }) as string);
		expect(await customerStatus(await signHs256(claims(), publicPem))).toMatchObject({ status: 401, code: 'invalid_token' });
		expect((await exportJWK(publicKey)).kty).toBe('RSA');
	});

	it('refuses tokens living longer than an hour', async () => {
		expect(await customerStatus(await signHs256(claims({ exp: now() + 7200 })))).toMatchObject({ status: 401, code: 'invalid_token' });
		expect(await customerStatus(await signHs256(claims({ iat: now() - 10, exp: now() + 3595 })))).toMatchObject({
			status: 401,
			code: 'invalid_token',
		});
		const { exp: _, ...withoutExpiry } = claims();
		expect(await customerStatus(await signHs256(withoutExpiry))).toMatchObject({ status: 401, code: 'invalid_token' });
	});

	it('refuses tokens without a subject or email', async () => {
		const { sub: _, ...withoutSubject } = claims();
		expect(await customerStatus(await signHs256(withoutSubject))).toMatchObject({ status: 401, code: 'invalid_token' });
		expect(await customerStatus(await signHs256(claims({ email: 'not-an-email' })))).toMatchObject({ status: 401, code: 'invalid_token' });
	});

	it('expires a token it already verified once', async () => {
		const token = await tokenFor(newCustomerId(), { ttlSeconds: 60 });
		expect((await customerStatus(token)).status).toBe(200);
		vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
		try {
			expect(await customerStatus(token)).toMatchObject({ status: 401, code: 'token_expired' });
		} finally {
			vi.useRealTimers();
		}
	});

	it('refuses a tampered payload', async () => {
		const token = await signHs256(claims());
		const [header, , signature] = token.split('.');
		const tampered = `${header}.${base64url(claims({ sub: 'demo-carol' }))}.${signature}`;
		expect(await customerStatus(tampered)).toMatchObject({ status: 401, code: 'invalid_token' });
	});
});

describe('enrolment', () => {
	it('enrols an unknown customer on their first token and awards signup once, even for concurrent first requests', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		const responses = await Promise.all(Array.from({ length: 12 }, () => server.api.get(storePath('/customer'), { token })));
		expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
		expect(new Set(responses.map((response) => response.body.balance))).toEqual(new Set([100]));
		const rows = await server.query<{ n: number }>(
			`select count(*)::int as n from ledger l join customers c on c.id = l.customer_id where c.external_id = $1 and l.kind = 'signup'`,
			[customerId],
		);
		expect(rows[0].n).toBe(1);
		const customers = await server.query<{ n: number }>('select count(*)::int as n from customers where external_id = $1', [customerId]);
		expect(customers[0].n).toBe(1);
	});

	it('starts a new customer at Bronze with their referral link and the signup action done', async () => {
		const { body } = await server.api.get(storePath('/customer'), {
			token: await tokenFor(newCustomerId(), { email: 'New.Shopper@Example.com' }),
		});
		expect(body).toMatchObject({
			email: 'New.Shopper@Example.com',
			balance: 100,
			lifetimePoints: 100,
			tier: { key: 'bronze' },
			nextTier: { key: 'silver' },
			pointsToNextTier: 900,
		});
		expect(body.completedActions).toEqual(['signup']);
		expect(body.referral.link).toBe(`http://127.0.0.1:5173/?ref=${body.referral.code}`);
		expect(body.referral.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
	});

	it('keeps the email from the latest token', async () => {
		const customerId = newCustomerId();
		await server.api.get(storePath('/customer'), { token: await tokenFor(customerId, { email: 'old@example.com' }) });
		const { body } = await server.api.get(storePath('/customer'), { token: await tokenFor(customerId, { email: 'new@example.com' }) });
		expect(body.email).toBe('new@example.com');
	});
});

describe('mintCustomerToken', () => {
	it('mints an HS256 token with sub, email, aud and a short expiry', async () => {
		const token = await mintCustomerToken({
			storeKey: 'pk_demo',
			secret: DEMO_STORE.secret,
			customerId: 'c-1',
			email: 'c1@example.com',
			ttlSeconds: 300,
		});
		expect(decodeProtectedHeader(token).alg).toBe('HS256');
		const { payload } = await jwtVerify(token, secretKey, { algorithms: ['HS256'], audience: 'pk_demo' });
		expect(payload).toMatchObject({ sub: 'c-1', email: 'c1@example.com', aud: 'pk_demo' });
		expect(payload.exp! - payload.iat!).toBe(300);
	});

	it('refuses lifetimes over an hour', async () => {
		await expect(
			mintCustomerToken({ storeKey: 'pk_demo', secret: DEMO_STORE.secret, customerId: 'c', email: 'c@example.com', ttlSeconds: 3601 }),
		).rejects.toThrow(RangeError);
	});

	it('is what the CLI prints', async () => {
		const { stdout } = await promisify(execFile)(
			process.execPath,
			['--import', 'tsx', 'demo/server/mint-token.ts', 'demo-alice', '--ttl', '120'],
			{ cwd: process.cwd() },
		);
		const token = stdout.trim();
		expect(decodeJwt(token)).toMatchObject({ sub: 'demo-alice', email: 'alice@example.com', aud: 'pk_demo' });
		expect((await customerStatus(token)).status).toBe(200);
	});
});

describe('dev tokens', () => {
	it('mints a working token for a demo shopper when enabled', async () => {
		const { status, body } = await server.api.post('/v1/dev/stores/pk_demo/token', { customerId: 'demo-bob' });
		expect(status).toBe(200);
		expect(decodeJwt(body.token)).toMatchObject({ sub: 'demo-bob', email: 'bob@example.com' });
		expect((await server.api.get(storePath('/customer'), { token: body.token })).body.id).toBe('demo-bob');
	});

	it('does not exist when disabled', async () => {
		const production = await startTestServer();
		try {
			const response = await production.api.post('/v1/dev/stores/pk_demo/token', { customerId: 'demo-bob' });
			expect([response.status, response.body.error.code]).toEqual([404, 'not_found']);
		} finally {
			await production.close();
		}
	});
});
