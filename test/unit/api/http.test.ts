import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttp, type HttpOptions } from '../../../src/api/http';
import { ActionResult } from '../../../src/api/shapes';
import { apiError } from '../state/support';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
	vi.restoreAllMocks();
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const failure = (status: number, code: string, headers: Record<string, string> = {}) =>
	json(status, { error: { code, message: code } }, headers);

function setup(responses: Array<Response | Error>, options: Partial<HttpOptions> = {}) {
	const requests: Request[] = [];
	vi.stubGlobal(
		'fetch',
		vi.fn(async (request: Request) => {
			requests.push(request.clone());
			const next = responses.shift()!;
			if (next instanceof Error) throw next;
			return next;
		}),
	);
	const call = createHttp({
		config: () => ({ api: 'https://api.example/', store: 'pk_test' }),
		token: () => 'T1',
		locale: () => 'fr',
		renew: async () => false,
		...options,
	});
	return { call, requests };
}

describe('http', () => {
	it('sends the store path, the token and the language', async () => {
		const { call, requests } = setup([json(200, { ok: true })]);
		expect(await call('get', 'customer')).toEqual({ ok: true });
		expect(requests[0].url).toBe('https://api.example/v1/stores/pk_test/customer');
		expect(requests[0].headers.get('authorization')).toBe('Bearer T1');
		expect(requests[0].headers.get('accept-language')).toBe('fr');
	});

	it('retries a GET after a network error or a 503, and maps the final failure to the contract code', async () => {
		const { call, requests } = setup([new TypeError('Failed to fetch'), failure(503, 'overloaded'), failure(503, 'overloaded')]);
		await expect(call('get', 'program')).rejects.toEqual(apiError('overloaded', 503));
		expect(requests).toHaveLength(3);
	});

	it('never retries a POST without an Idempotency-Key', async () => {
		const { call, requests } = setup([failure(503, 'overloaded')]);
		await expect(call('post', 'customer/actions/instagram_follow')).rejects.toEqual(apiError('overloaded', 503));
		expect(requests).toHaveLength(1);
	});

	it('retries a POST that carries an Idempotency-Key, with the same key', async () => {
		const { call, requests } = setup([new TypeError('Failed to fetch'), json(201, { balance: 1 })]);
		expect(await call('post', 'customer/redemptions', undefined, { rewardId: 'five-off' }, 'key-1')).toEqual({ balance: 1 });
		expect(requests.map((request) => request.headers.get('idempotency-key'))).toEqual(['key-1', 'key-1']);
		expect(await requests[1].json()).toEqual({ rewardId: 'five-off' });
	});

	it('honours Retry-After on 429', async () => {
		const { call, requests } = setup([failure(429, 'rate_limited', { 'retry-after': '1' }), json(200, {})]);
		const started = Date.now();
		await call('get', 'program');
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(requests).toHaveLength(2);
	});

	it('does not retry a business refusal', async () => {
		const { call, requests } = setup([failure(409, 'already_completed')]);
		await expect(call('get', 'customer')).rejects.toEqual(apiError('already_completed', 409));
		expect(requests).toHaveLength(1);
	});

	it('renews an expired token once and retries with the fresh one', async () => {
		let token = 'old';
		const renew = vi.fn(async () => ((token = 'new'), true));
		const { call, requests } = setup([failure(401, 'token_expired'), json(200, { id: 'c' })], { token: () => token, renew });
		expect(await call('get', 'customer')).toEqual({ id: 'c' });
		expect(requests.map((request) => request.headers.get('authorization'))).toEqual(['Bearer old', 'Bearer new']);
		expect(renew).toHaveBeenCalledTimes(1);
	});

	it('gives up when the token cannot be renewed', async () => {
		const { call } = setup([failure(401, 'token_expired')], { renew: async () => false });
		await expect(call('get', 'customer')).rejects.toEqual(apiError('token_expired', 401));
	});

	it('a response that is not the contract’s error is still an ApiError', async () => {
		const { call } = setup([new Response('<html>bad gateway</html>', { status: 400 })]);
		await expect(call('get', 'program')).rejects.toEqual(apiError('http', 400));
	});

	it('gives up on a request after 10 s without an answer, and does not send it again', async () => {
		vi.useFakeTimers();
		const { call } = setup([]);
		const fetch = vi.fn(() => new Promise<Response>(() => {}));
		vi.stubGlobal('fetch', fetch);
		const failed = expect(call('get', 'program')).rejects.toEqual(apiError('timeout', 0));
		await vi.advanceTimersByTimeAsync(9_999);
		expect(fetch).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		await failed;
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	it('backs off exponentially with jitter between retries', async () => {
		vi.useFakeTimers();
		vi.spyOn(Math, 'random').mockReturnValue(0.5);
		const sent: number[] = [];
		const { call } = setup([]);
		vi.stubGlobal('fetch', async () => (sent.push(Date.now()), failure(503, 'overloaded')));
		const failed = expect(call('get', 'program')).rejects.toEqual(apiError('overloaded', 503));
		await vi.advanceTimersByTimeAsync(5_000);
		await failed;
		// 2^attempt × 150 ms × (1 + random): 300–600 ms, then 600–1200 ms.
		expect([sent[1] - sent[0], sent[2] - sent[1]]).toEqual([450, 900]);
	});

	it('does not trust an answer that is cut short or not of the contract’s shape', async () => {
		const good = { ruleKey: 'instagram_follow', awarded: 50, balance: 150, lifetimePoints: 150 };
		const body = JSON.stringify(good);
		const { call } = setup([
			new Response(body, { status: 201 }),
			new Response(body.slice(0, 20), { status: 201 }),
			json(201, { ...good, balance: '150' }),
			json(201, { ok: true }),
			new Response('', { status: 201 }),
		]);
		expect(await call('post', 'customer/actions/instagram_follow', ActionResult)).toEqual(good);
		for (let i = 0; i < 4; i++)
			await expect(call('post', 'customer/actions/instagram_follow', ActionResult)).rejects.toEqual(apiError('invalid_response', 0));
	});

	it('tells how each request ended, so the store knows when the network is down', async () => {
		const heard = vi.fn();
		const { call } = setup([new TypeError('Failed to fetch'), failure(409, 'already_completed'), json(200, {}), json(201, { ok: true })], {
			heard,
		});
		await expect(call('post', 'customer/actions/instagram_follow')).rejects.toMatchObject({ code: 'network' });
		await expect(call('post', 'customer/actions/instagram_follow')).rejects.toMatchObject({ code: 'already_completed' });
		await call('get', 'program');
		await expect(call('post', 'customer/actions/instagram_follow', ActionResult)).rejects.toMatchObject({ code: 'invalid_response' });
		expect(heard.mock.calls).toEqual([
			[apiError('network', 0)],
			[apiError('already_completed', 409)],
			[undefined],
			[apiError('invalid_response', 0)],
		]);
	});
});
