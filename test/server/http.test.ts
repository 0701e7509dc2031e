import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

const STOREFRONT = 'http://127.0.0.1:5173';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({ allowedOrigins: ['https://preview.example.com'] });
});
afterAll(() => server?.close());

/** Sends a chunked body (no Content-Length), which a server must count as it arrives. */
function postChunked(path: string, chunks: string[]): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const url = new URL(path, server.url);
		const outgoing = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
			let body = '';
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode!, body }));
		});
		outgoing.on('error', reject);
		for (const chunk of chunks) outgoing.write(chunk);
		outgoing.end();
	});
}

describe('request validation', () => {
	it('answers malformed JSON, wrong types and unknown fields with 400 and field messages', async () => {
		const malformed = await server.api.request('POST', storePath('/events'), {
			raw: '{"events": [',
			headers: { 'content-type': 'application/json' },
		});
		expect(malformed.body.error).toEqual({
			code: 'invalid_request',
			message: expect.any(String),
			fields: [{ in: 'body', path: '', message: 'is not valid JSON' }],
		});
		const wrong = await server.api.post(storePath('/events'), {
			events: [{ type: 'launcher_open', data: { note: 'x'.repeat(300) } }, { type: 'teleport' }],
			extra: true,
		});
		expect(wrong.status).toBe(400);
		expect(wrong.body.error.fields).toEqual(
			expect.arrayContaining([
				{ in: 'body', path: '/extra', message: 'is not allowed' },
				{ in: 'body', path: '/events/0/data/note', message: 'must NOT have more than 256 characters' },
				{ in: 'body', path: '/events/1/type', message: expect.stringContaining('must be equal to one of the allowed values') },
			]),
		);
		const missing = await server.api.request('POST', storePath('/events'), { headers: { 'content-type': 'application/json' } });
		expect(missing.body.error.fields).toEqual([{ in: 'body', path: '', message: 'a JSON body is required' }]);
	});

	it('answers 415 for bodies that are not JSON', async () => {
		const response = await server.api.request('PUT', storePath('/customer/birthday'), {
			token: await tokenFor(newCustomerId()),
			raw: 'month=1&day=2',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect([response.status, response.body.error.code]).toEqual([415, 'unsupported_media_type']);
	});

	it('answers 413 for bodies over 16 KB, declared or streamed', async () => {
		const big = JSON.stringify({ events: [{ type: 'launcher_open', data: { pad: 'x'.repeat(17_000) } }] });
		const declared = await server.api.request('POST', storePath('/events'), { raw: big, headers: { 'content-type': 'application/json' } });
		expect([declared.status, declared.body.error.code]).toEqual([413, 'payload_too_large']);
		const streamed = await postChunked(
			storePath('/events'),
			Array.from({ length: 20 }, () => 'x'.repeat(1024)),
		);
		expect(streamed.status).toBe(413);
		expect(JSON.parse(streamed.body).error.code).toBe('payload_too_large');
		// The server is still fine afterwards.
		expect((await server.api.get('/healthz')).status).toBe(200);
	});
});

describe('CORS', () => {
	it('answers preflights from the store’s origin with the allowed headers', async () => {
		const response = await server.api.request('OPTIONS', storePath('/customer/redemptions'), {
			unchecked: true,
			headers: {
				origin: STOREFRONT,
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'authorization, idempotency-key, content-type',
			},
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
		expect(response.headers.get('access-control-allow-methods')).toBe('POST');
		expect(response.headers.get('access-control-allow-headers')).toBe(
			'Authorization, X-Rewards-Customer, Idempotency-Key, Content-Type, Accept-Language',
		);
		expect(response.headers.get('vary')).toContain('Origin');
	});

	it('lets allowed origins read responses, errors and Retry-After included', async () => {
		const ok = await server.api.get(storePath('/program'), { headers: { origin: STOREFRONT } });
		expect(ok.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
		expect(ok.headers.get('access-control-expose-headers')).toContain('Retry-After');
		const denied = await server.api.get(storePath('/customer'), { headers: { origin: STOREFRONT } });
		expect(denied.status).toBe(401);
		expect(denied.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
		const serverWide = await server.api.get(storePath('/program'), { headers: { origin: 'https://preview.example.com' } });
		expect(serverWide.headers.get('access-control-allow-origin')).toBe('https://preview.example.com');
	});

	it('refuses other origins, preflight or not', async () => {
		const preflight = await server.api.request('OPTIONS', storePath('/customer'), {
			unchecked: true,
			headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
		});
		expect(preflight.status).toBe(403);
		expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
		const simple = await server.api.get(storePath('/program'), { headers: { origin: 'https://evil.example' } });
		expect([simple.status, simple.body.error.code]).toEqual([403, 'forbidden']);
		expect(simple.headers.get('access-control-allow-origin')).toBeNull();
	});
});

describe('engagement events', () => {
	const stored = (marker: string) =>
		server.query<{ type: string; customer: string | null }>(
			`select e.type, c.external_id as customer from events e left join customers c on c.id = e.customer_id where e.data->>'marker' = $1 order by e.id`,
			[marker],
		);

	it('stores a batch and answers 202', async () => {
		const marker = newCustomerId('batch');
		const response = await server.api.post(storePath('/events'), {
			events: [
				{ type: 'launcher_open', data: { marker } },
				{ type: 'earn_click', data: { marker, rule: 'instagram_follow' }, occurredAt: new Date().toISOString() },
				{ type: 'redemption', data: { marker, points: 500, ok: true } },
				{ type: 'referral_share', data: { marker, channel: null } },
			],
		});
		expect([response.status, response.body]).toEqual([202, { accepted: 4 }]);
		expect((await stored(marker)).map((row) => row.type)).toEqual(['launcher_open', 'earn_click', 'redemption', 'referral_share']);
	});

	it('attaches the customer when a valid token comes along, and ignores a bad one', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		await server.api.get(storePath('/customer'), { token });
		const marker = newCustomerId('who');
		await server.api.post(storePath('/events'), { events: [{ type: 'launcher_open', data: { marker } }] }, { token });
		const anonymous = await server.api.post(
			storePath('/events'),
			{ events: [{ type: 'launcher_open', data: { marker } }] },
			{ token: 'not.a.token' },
		);
		expect(anonymous.status).toBe(202);
		expect(await stored(marker)).toEqual([
			{ type: 'launcher_open', customer: customerId },
			{ type: 'launcher_open', customer: null },
		]);
	});

	it('accepts text/plain bodies (navigator.sendBeacon)', async () => {
		const marker = newCustomerId('beacon');
		const response = await server.api.request('POST', storePath('/events'), {
			raw: JSON.stringify({ events: [{ type: 'launcher_open', data: { marker } }] }),
			headers: { 'content-type': 'text/plain;charset=UTF-8' },
		});
		expect(response.status).toBe(202);
		expect(await stored(marker)).toHaveLength(1);
	});

	it('refuses empty and oversized batches', async () => {
		expect((await server.api.post(storePath('/events'), { events: [] })).body.error.fields).toEqual([
			{ in: 'body', path: '/events', message: 'must NOT have fewer than 1 items' },
		]);
		const tooMany = await server.api.post(storePath('/events'), { events: Array.from({ length: 51 }, () => ({ type: 'launcher_open' })) });
		expect(tooMany.body.error.fields).toEqual([{ in: 'body', path: '/events', message: 'must NOT have more than 50 items' }]);
	});
});
