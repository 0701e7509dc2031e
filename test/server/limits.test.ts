import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { OverloadedError, createAdmissionGate } from '../../demo/server/db/admission';
import { TEST_DB, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';
import { slowUpload } from './support/slow-upload';

describe('rate limits', () => {
	it('answer 429 with Retry-After per customer, then per IP', async () => {
		const server = await startTestServer({ rateLimit: { perIpPerMinute: 8, perCustomerPerMinute: 3 } });
		// Frozen clock: no token refills mid-test, however slow the machine.
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			const busy = await tokenFor(newCustomerId());
			const statuses = [];
			for (let i = 0; i < 4; i++) statuses.push((await server.api.get(storePath('/customer'), { token: busy })).status);
			expect(statuses).toEqual([200, 200, 200, 429]);
			const limited = await server.api.get(storePath('/customer'), { token: busy });
			expect(limited.body.error.code).toBe('rate_limited');
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

			// Another customer is not held back by the first one's limit...
			expect((await server.api.get(storePath('/customer'), { token: await tokenFor(newCustomerId()) })).status).toBe(200);
			// ...until the address itself has used its 8 requests.
			const more = [];
			for (let i = 0; i < 3; i++) more.push((await server.api.get(storePath('/program'))).status);
			expect(more).toEqual([200, 200, 429]);
			const ipLimited = await server.api.get(storePath('/program'));
			expect(Number(ipLimited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			// Health checks are never limited.
			expect((await server.api.get('/healthz')).status).toBe(200);
		} finally {
			vi.useRealTimers();
			await server.close();
		}
	});
});

describe('overload', () => {
	it('queues at most maxQueuedRequests for the database, refusing the rest at once', async () => {
		const gate = createAdmissionGate({ concurrency: 1, maxWaiting: 1 });
		let release!: () => void;
		const holding = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
		const queued = gate.run(async () => 'ran');
		await expect(gate.run(async () => 'never')).rejects.toThrow(OverloadedError);
		expect([gate.active, gate.waiting]).toEqual([1, 1]);
		release();
		await holding;
		expect(await queued).toBe('ran');
		expect(await gate.run(async () => 'again')).toBe('again');
	});

	it('answers 503 overloaded with Retry-After past maxInFlightRequests, and recovers', async () => {
		const server = await startTestServer({ maxInFlightRequests: 3 });
		try {
			const body = JSON.stringify({ events: [{ type: 'launcher_open' }] });
			const uploads = Array.from({ length: 3 }, () => slowUpload(`${server.url}${storePath('/events')}`, body));
			await Promise.all(uploads.map((upload) => upload.accepted));
			const refused = await server.api.get(storePath('/program'));
			expect([refused.status, refused.body.error.code, refused.headers.get('retry-after')]).toEqual([503, 'overloaded', '1']);
			for (const upload of uploads) upload.finish();
			expect(await Promise.all(uploads.map((upload) => upload.status))).toEqual([202, 202, 202]);
			expect((await server.api.get(storePath('/program'))).status).toBe(200);
		} finally {
			await server.close();
		}
	});

	// PGlite runs each transaction to completion on the event loop, so its queue never fills from
	// HTTP traffic; PostgreSQL's round trips let requests pile up behind a small pool. So this is
	// skipped in the default (PGlite) run on purpose, and runs with REWARDS_TEST_DB=postgres
	// (TEST_DATABASE_URL pointing at a server), where the pool it tests exists.
	it.runIf(TEST_DB === 'postgres')('answers 503 when requests pile up behind the PostgreSQL pool, and stays consistent', async () => {
		const server = await startTestServer({ maxQueuedRequests: 1, poolSize: 1 });
		try {
			const customerId = newCustomerId();
			const token = await tokenFor(customerId);
			await server.api.get(storePath('/customer'), { token });
			await server.api.order({ orderId: `load-${customerId}`, customerId, subtotal: 100_000 });
			const redeem = () =>
				server.api.post(
					storePath('/customer/redemptions'),
					{ rewardId: 'five-off' },
					{ token, headers: { 'idempotency-key': randomUUID() } },
				);
			const responses = await Promise.all(Array.from({ length: 40 }, redeem));
			const overloaded = responses.filter((response) => response.status === 503);
			expect(overloaded.length).toBeGreaterThan(0);
			for (const response of overloaded) {
				expect(response.body.error.code).toBe('overloaded');
				expect(response.headers.get('retry-after')).toBe('1');
			}
			expect(responses.every((response) => [201, 409, 503].includes(response.status))).toBe(true);
			const served = responses.filter((response) => response.status === 201).length;
			const { body } = await server.api.get(storePath('/customer'), { token });
			expect(body.balance).toBe(100 + 5000 - served * 500);
			expect(body.coupons).toHaveLength(served);
		} finally {
			await server.close();
		}
	});
});
