import { expect, vi } from 'vitest';
import { validateOptions } from '../../../src/config/validate';
import type { RewardsOptions } from '../../../src/config/options';
import { createStore } from '../../../src/state/store';
import { CUSTOMER, PROGRAM } from '../ui/support';

/** A customer token shaped like the merchant's (a JWT; the widget only ever reads its `sub`). */
export function jwt(sub: string, claims: Record<string, unknown> = {}): string {
	const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, aud: 'pk_test', iat: Date.now(), ...claims })}.c2lnbmF0dXJl`;
}

/**
A failure as the transport reports it: an ApiError, which is an Error with a message and the cause it
came from, so tests match its class name, the contract's code and the status rather than its whole shape.
*/
export const apiError = (code: string, status: number) => expect.objectContaining({ name: 'RewardsApiError', code, status });

export const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
export const failure = (status: number, code: string) => json(status, { error: { code, message: code } });

/** Answers like the reference server's for the demo program, a customer and an Instagram follow. */
export const answers = (request: Request): Response | Promise<Response> => {
	const path = new URL(request.url).pathname;
	if (path.endsWith('/program')) return json(200, PROGRAM);
	if (path.endsWith('/customer')) return json(200, CUSTOMER);
	if (path.endsWith('/customer/actions/instagram_follow'))
		return json(201, { ruleKey: 'instagram_follow', awarded: 50, balance: CUSTOMER.balance + 50, lifetimePoints: 930 });
	if (request.method == 'GET' && path.includes('/referrals/')) return json(200, { code: path.split('/').pop() });
	if (path.endsWith('/customer/redemptions'))
		return json(201, {
			coupon: {
				code: 'RW-5OFF-AAAAAAAA',
				source: 'redemption',
				rewardId: 'five-off',
				title: '$5 off',
				kind: 'fixed_amount',
				amount: 500,
				currency: 'USD',
				createdAt: '2026-03-01T10:00:00Z',
			},
			pointsSpent: 500,
			balance: 120,
		});
	return json(202, { accepted: 1 });
};

/** A store over a stubbed fetch; `respond` may throw (no answer) or return a promise (a slow one). */
export function storeWith(options: RewardsOptions, respond: (request: Request) => Response | Promise<Response> = answers) {
	const seen: Request[] = [];
	vi.stubGlobal(
		'fetch',
		vi.fn(async (request: Request) => (seen.push(request), respond(request))),
	);
	const config = validateOptions({ store: 'pk_test', api: 'https://api.example', ...options }).config!;
	const emit = vi.fn();
	const report = vi.fn();
	const store = createStore({ config: () => config, locale: () => 'en', emit, report });
	return { store, seen, emit, report, posts: (path: string) => seen.filter((r) => r.method == 'POST' && r.url.endsWith(path)) };
}
