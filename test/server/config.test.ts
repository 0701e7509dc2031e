import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../demo/server/app';
import { configFromEnv, readStoreConfig } from '../../demo/server/config';
import type { StoreDefinition } from '../../demo/server/program/definition';
import { InvalidStoreDefinitionError } from '../../demo/server/program/validate-definition';
import { signBody } from '../../demo/server/orders/signature';
import { mintCustomerToken } from '../../demo/server/token';
import { TEST_DB, type TestServer, contractClient, startTestServer } from './support/harness';

const TOKYO: StoreDefinition = {
	key: 'pk_test_tokyo',
	secret: 'sk_test_tokyo_0123456789abcdef',
	name: { ja: '森の雑貨店', en: 'Forest Goods' },
	currency: 'JPY',
	defaultLocale: 'ja',
	allowedOrigins: ['https://shop.example.jp'],
	joinUrl: 'https://shop.example.jp/join',
	signInUrl: 'https://shop.example.jp/login',
	referralLinkTemplate: 'https://shop.example.jp/?ref={code}',
	earnRules: [{ key: 'order', kind: 'order', points: 1, title: { ja: 'ご注文', en: 'Place an order' } }],
	rewards: [{ id: 'yen-500', kind: 'fixed_amount', points: 500, amount: 500, title: { ja: '500円引き', en: '¥500 off' } }],
	tiers: [{ key: 'member', threshold: 0, name: { ja: '会員', en: 'Member' } }],
};

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({ stores: [TOKYO] });
});
afterAll(() => server?.close());

describe('stores from configuration', () => {
	it('serves a configured store beside the demo one, in its default locale', async () => {
		const { body, headers } = await server.api.get('/v1/stores/pk_test_tokyo/program');
		expect(body).toMatchObject({ name: '森の雑貨店', currency: 'JPY', locale: 'ja', locales: ['ja', 'en'] });
		expect(headers.get('content-language')).toBe('ja');
		expect((await server.api.get('/v1/stores/pk_test_tokyo/program', { headers: { 'accept-language': 'en-GB' } })).body.name).toBe(
			'Forest Goods',
		);
	});

	it('counts order points per whole unit of a currency without minor units', async () => {
		const token = await mintCustomerToken({ storeKey: TOKYO.key, secret: TOKYO.secret, customerId: 'hanako', email: 'hanako@example.jp' });
		expect((await server.api.get('/v1/stores/pk_test_tokyo/customer', { token })).body.balance).toBe(0);
		const raw = JSON.stringify({ orderId: 'jp-1', customerId: 'hanako', subtotal: 1500, currency: 'JPY' });
		const order = await server.api.request('POST', '/v1/stores/pk_test_tokyo/webhooks/orders', {
			raw,
			headers: { 'content-type': 'application/json', 'x-rewards-signature': signBody(raw, TOKYO.secret) },
		});
		expect(order.body).toMatchObject({ pointsAwarded: 1500, balance: 1500 });
	});

	it('keeps stores apart: keys, tokens, signatures and origins', async () => {
		const demoToken = await mintCustomerToken({
			storeKey: 'pk_demo',
			secret: TOKYO.secret,
			customerId: 'hanako',
			email: 'hanako@example.jp',
		});
		expect((await server.api.get('/v1/stores/pk_test_tokyo/customer', { token: demoToken })).body.error.code).toBe('invalid_token');
		expect((await server.api.get('/v1/stores/pk_test_tokyo/program', { headers: { origin: 'http://127.0.0.1:5173' } })).status).toBe(403);
		expect((await server.api.get('/v1/stores/pk_demo/program', { headers: { origin: 'https://shop.example.jp' } })).status).toBe(403);
	});

	it('refuses to start with an invalid store definition, naming each field', async () => {
		const broken = { ...TOKYO, key: 'pk_broken', currency: 'yen', tiers: [] };
		const refusal = startServer({ port: 0, stores: [broken] });
		await expect(refusal).rejects.toBeInstanceOf(InvalidStoreDefinitionError);
		await expect(refusal).rejects.toThrow(/\/currency: must match pattern[\s\S]*\/tiers: needs at least one tier/);
	});

	it('validates REWARDS_STORE_CONFIG against the contract and the program rules, naming every problem by its place in the file', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'openrewards-config-'));
		try {
			const file = join(dir, 'stores.json');
			const broken = {
				...TOKYO,
				secret: 'short',
				tiers: [
					{ key: 'member', threshold: 0, name: { ja: '会員' } },
					{ key: 'gold', threshold: 0, name: { en: 'Gold' } },
				],
				rewards: [{ ...TOKYO.rewards[0], points: '500' }],
				joinUrl: 'http://shop.example.jp/join',
				colour: 'red',
			};
			await writeFile(file, JSON.stringify({ stores: [TOKYO, broken] }));
			let error: InvalidStoreDefinitionError | undefined;
			try {
				readStoreConfig(file);
			} catch (caught) {
				error = caught as InvalidStoreDefinitionError;
			}
			expect(error).toBeInstanceOf(InvalidStoreDefinitionError);
			expect(error!.problems).toEqual(
				expect.arrayContaining([
					{ path: '/stores/1/secret', message: 'must NOT have fewer than 16 characters' },
					{ path: '/stores/1/colour', message: 'is not allowed' },
					{ path: '/stores/1/rewards/0/points', message: 'must be integer' },
					{ path: '/stores/1/tiers/1/threshold', message: "must be more than the previous tier's (0)" },
					{ path: '/stores/1/tiers/1/name', message: 'needs a "ja" text' },
					{ path: '/stores/1/joinUrl', message: 'must be an https URL' },
				]),
			);
			// The first store is fine: nothing is reported under /stores/0.
			expect(error!.problems.filter((problem) => problem.path.startsWith('/stores/0'))).toEqual([]);
			// One line per problem, the file named, no stack trace in the message.
			expect(error!.message).toContain(
				`REWARDS_STORE_CONFIG (${file}) is not a valid store definition:\n  /stores/1/secret: must NOT have fewer than 16 characters`,
			);
			expect(error!.message).not.toMatch(/\bat \w+ \(/);

			await writeFile(file, '{ "stores": [ ');
			expect(() => readStoreConfig(file)).toThrow(/REWARDS_STORE_CONFIG .* is not a valid store definition:\n  \/: /);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('reads REWARDS_STORE_CONFIG and the other variables', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'openrewards-config-'));
		try {
			const file = join(dir, 'stores.json');
			await writeFile(file, JSON.stringify({ stores: [TOKYO] }));
			const config = configFromEnv({
				REWARDS_STORE_CONFIG: file,
				PORT: '0',
				REWARDS_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
				REWARDS_RATE_LIMIT_PER_IP: '0',
				REWARDS_RATE_LIMIT_PER_CUSTOMER: '0',
			});
			expect(config).toMatchObject({
				port: 0,
				host: '127.0.0.1',
				dataDir: '.data',
				seed: false,
				devTokens: false,
				rateLimit: false,
				allowedOrigins: ['https://a.example', 'https://b.example'],
			});
			expect(config.stores).toEqual([TOKYO]);
			expect(configFromEnv({ DATABASE_URL: 'postgres://x/y', REWARDS_DEV_TOKENS: '1' })).toMatchObject({
				databaseUrl: 'postgres://x/y',
				dataDir: undefined,
				seed: true,
				devTokens: true,
			});
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});

// The documented default for startServer() without databaseUrl or dataDir; PGlite only.
describe.runIf(TEST_DB === 'pglite')('an in-memory database', () => {
	it('starts, migrates and seeds with no directory at all', async () => {
		const memory = await startServer({ port: 0, seed: true, rateLimit: false });
		try {
			const { body } = await contractClient(memory.url).get('/v1/stores/pk_demo/program');
			expect(body.name).toBe('Maple & Moss');
		} finally {
			await memory.close();
		}
	});
});
