import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Queryable } from '../../demo/server/db/types';
import { createStoreDirectory } from '../../demo/server/program/store';
import { DEMO_STORE, type TestServer, startTestServer, storePath } from './support/harness';

const randomKey = () => `pk_${randomBytes(8).toString('hex')}`;

describe('the per-IP limiter counts every request first', () => {
	// Frozen clock: no token refills mid-test, however slow the machine.
	beforeAll(() => void vi.useFakeTimers({ toFake: ['Date'] }));
	afterAll(() => vi.useRealTimers());

	const statusesOf = async (server: TestServer, count: number, send: () => Promise<{ status: number }>) => {
		const statuses: number[] = [];
		for (let i = 0; i < count; i++) statuses.push((await send()).status);
		return statuses;
	};

	it('a burst of random store keys gets 429, not a 404 (and a database query) each', async () => {
		const server = await startTestServer({ rateLimit: { perIpPerMinute: 5, perCustomerPerMinute: 100 } });
		try {
			const statuses = await statusesOf(server, 8, () => server.api.get(`/v1/stores/${randomKey()}/program`));
			expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
			const limited = await server.api.get(`/v1/stores/${randomKey()}/program`);
			expect(limited.body.error.code).toBe('rate_limited');
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			// The health check is never limited.
			expect((await server.api.get('/healthz')).status).toBe(200);
		} finally {
			await server.close();
		}
	});

	it('refused origins, preflights and unknown paths count too, and a limited page can read the 429', async () => {
		const server = await startTestServer({ rateLimit: { perIpPerMinute: 6, perCustomerPerMinute: 100 } });
		try {
			const evil = { origin: 'https://evil.example' };
			const refused = await statusesOf(server, 2, () => server.api.get(storePath('/program'), { headers: evil }));
			const preflights = await statusesOf(server, 2, () =>
				server.api.request('OPTIONS', storePath('/program'), {
					headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'GET' },
					unchecked: true,
				}),
			);
			const unknown = await statusesOf(server, 2, () => server.api.get('/v1/nothing-here'));
			expect([...refused, ...preflights, ...unknown]).toEqual([403, 403, 204, 204, 404, 404]);
			const limited = await server.api.get(storePath('/program'), { headers: evil });
			expect(limited.status).toBe(429);
			expect(limited.headers.get('access-control-allow-origin')).toBe('*');
			expect(limited.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
			expect(
				(
					await server.api.request('OPTIONS', storePath('/program'), {
						headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'GET' },
						unchecked: true,
					})
				).status,
			).toBe(429);
		} finally {
			await server.close();
		}
	});
});

describe('the store directory remembers unknown keys briefly, in a bounded map', () => {
	let server: TestServer;
	let queries = 0;
	// Counts the queries that actually reach the database.
	let counting: Queryable;
	beforeAll(async () => {
		server = await startTestServer();
		counting = {
			query: (sql, params) => {
				queries++;
				return server.query(sql, params);
			},
		};
	});
	afterAll(() => server?.close());

	it('answers a repeated unknown key from memory until missTtlMs passes', async () => {
		let time = 1_000_000;
		const stores = createStoreDirectory(counting, { missTtlMs: 5_000, now: () => time });
		queries = 0;
		const key = randomKey();
		for (let i = 0; i < 10; i++) expect(await stores.get(key)).toBeUndefined();
		expect(queries).toBe(1);
		time += 4_999;
		expect(await stores.get(key)).toBeUndefined();
		expect(queries).toBe(1);
		time += 2;
		expect(await stores.get(key)).toBeUndefined();
		expect(queries).toBe(2);
		// Known stores are still found, and cached as before.
		expect((await stores.get(DEMO_STORE.key))?.key).toBe(DEMO_STORE.key);
		expect((await stores.get(DEMO_STORE.key))?.key).toBe(DEMO_STORE.key);
		expect(queries).toBe(3);
	});

	it('keeps at most maxMisses unknown keys, dropping the oldest', async () => {
		const stores = createStoreDirectory(counting, { maxMisses: 3 });
		const keys = Array.from({ length: 50 }, randomKey);
		for (const key of keys) await stores.get(key);
		expect(stores.rememberedMisses).toBe(3);
		queries = 0;
		await stores.get(keys.at(-1)!);
		expect(queries).toBe(0);
		await stores.get(keys[0]);
		expect(queries).toBe(1);
	});

	it('forget() lets a store created meanwhile show at once', async () => {
		const stores = createStoreDirectory(counting);
		expect(await stores.get('pk_demo_later')).toBeUndefined();
		await server.query(
			`insert into stores (key, secret, currency, default_locale, allowed_origins, program)
			select 'pk_demo_later', secret, currency, default_locale, allowed_origins, program from stores where key = $1`,
			[DEMO_STORE.key],
		);
		expect(await stores.get('pk_demo_later')).toBeUndefined();
		stores.forget('pk_demo_later');
		expect((await stores.get('pk_demo_later'))?.key).toBe('pk_demo_later');
	});
});
