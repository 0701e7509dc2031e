import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttp, type HttpOptions } from '../../../src/api/http';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const failure = (status: number, code: string, headers: Record<string, string> = {}) => json(status, { error: { code, message: code } }, headers);

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
	const call = createHttp({ config: () => ({ api: 'https://api.example/', store: 'pk_test' }), token: () => 'T1', locale: () => 'fr', renew: async () => false, ...options });
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
		await expect(call('get', 'program')).rejects.toEqual({ code: 'overloaded', status: 503 });
		expect(requests).toHaveLength(3);
	});

	it('never retries a POST without an Idempotency-Key', async () => {
		const { call, requests } = setup([failure(503, 'overloaded')]);
		await expect(call('post', 'customer/actions/instagram_follow')).rejects.toEqual({ code: 'overloaded', status: 503 });
		expect(requests).toHaveLength(1);
	});

	it('retries a POST that carries an Idempotency-Key, with the same key', async () => {
		const { call, requests } = setup([new TypeError('Failed to fetch'), json(201, { balance: 1 })]);
		expect(await call('post', 'customer/redemptions', { rewardId: 'five-off' }, 'key-1')).toEqual({ balance: 1 });
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
		await expect(call('get', 'customer')).rejects.toEqual({ code: 'already_completed', status: 409 });
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
		await expect(call('get', 'customer')).rejects.toEqual({ code: 'token_expired', status: 401 });
	});

	it('a response that is not the contract’s error is still an ApiError', async () => {
		const { call } = setup([new Response('<html>bad gateway</html>', { status: 400 })]);
		await expect(call('get', 'program')).rejects.toEqual({ code: 'http', status: 400 });
	});
});
