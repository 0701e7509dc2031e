import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answers, apiError, failure, json, storeWith } from './support';

const CLAIM = '/referrals/claim';
const SAVED = 'rewards:pk_test:claim';
const GIFT = {
	coupon: {
		code: 'GIFT-AAAA-BBBB',
		source: 'referral',
		rewardId: null,
		title: '$10 off your first order',
		kind: 'fixed_amount',
		amount: 1000,
		minOrderAmount: 4000,
		currency: 'USD',
		createdAt: '2026-03-01T10:00:00Z',
	},
};

let online = true;
beforeEach(() => {
	online = true;
	vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
	sessionStorage.clear();
});
afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

/** Answers a claim with each of `outcomes` in turn ('gift', a Response, or 'no answer'); the rest as usual. */
function claims(...outcomes: Array<'gift' | 'no answer' | Response>) {
	return (request: Request) => {
		if (!request.url.endsWith(CLAIM)) return answers(request);
		const outcome = outcomes.shift() ?? 'gift';
		if (outcome == 'no answer') throw new TypeError('connection reset');
		return outcome == 'gift' ? json(201, GIFT) : outcome;
	};
}
const keysOf = (posts: Request[]) => posts.map((request) => request.headers.get('idempotency-key'));

describe('a friend’s gift claim', () => {
	it('goes with an Idempotency-Key, and again with the same key when the answer was cut short: the gift shows', async () => {
		const cutShort = new Response(JSON.stringify(GIFT).slice(0, 40), { status: 201, headers: { 'content-type': 'application/json' } });
		const { store, posts, report } = storeWith({}, claims(cutShort, 'gift'));
		expect(await store.claimReferral('FRIEND1', 'me@example.com')).toEqual(GIFT);
		const keys = keysOf(posts(CLAIM));
		expect(keys).toHaveLength(2);
		expect(keys[0]).toMatch(/^[\x21-\x7e]{8,255}$/);
		expect(keys[1]).toBe(keys[0]);
		expect(await posts(CLAIM)[1].json()).toEqual({ code: 'FRIEND1', email: 'me@example.com' });
		// The broken answer is told, the retry is not an error.
		expect(report.mock.calls).toEqual([[apiError('invalid_response', 0)]]);
		// The answer is in: the key is forgotten.
		expect(JSON.parse(sessionStorage.getItem(SAVED)!)[1]).toEqual({});
		store.stop();
	});

	it('is retried by the transport after a dropped connection, with the same key', async () => {
		const { store, posts } = storeWith({}, claims('no answer', 'gift'));
		expect(await store.claimReferral('FRIEND1', 'me@example.com')).toEqual(GIFT);
		expect(new Set(keysOf(posts(CLAIM)))).toEqual(new Set([keysOf(posts(CLAIM))[0]]));
		expect(posts(CLAIM)).toHaveLength(2);
		store.stop();
	});

	it('keeps its key in sessionStorage, per store, code and email, for the claim after a reload', async () => {
		// No answer at all: ky's two retries, then the store's one more send; then the shopper reloads.
		const before = storeWith({}, claims('no answer', 'no answer', 'no answer', 'no answer', 'no answer', 'no answer'));
		await expect(before.store.claimReferral('FRIEND1', 'me@example.com')).rejects.toMatchObject({ code: 'network', status: 0 });
		const [key] = keysOf(before.posts(CLAIM));
		expect(new Set(keysOf(before.posts(CLAIM)))).toEqual(new Set([key]));
		expect(sessionStorage.getItem(SAVED)).toContain(key);
		before.store.stop();

		// The next page: the same claim goes with the same key, however the email is typed this time;
		// another email is another claim.
		const after = storeWith({}, claims('gift', 'gift'));
		await after.store.claimReferral('FRIEND1', 'other@example.com');
		expect(await after.store.claimReferral('FRIEND1', ' Me@Example.com')).toEqual(GIFT);
		const [other, same] = keysOf(after.posts(CLAIM));
		expect(same).toBe(key);
		expect(other).not.toBe(key);
		expect(JSON.parse(sessionStorage.getItem(SAVED)!)[1]).toEqual({});
		after.store.stop();
	});

	it('ends with a refusal: the server said no, so the next claim has a new key, and the refusal is not reported', async () => {
		const { store, posts, report } = storeWith({}, claims(failure(409, 'already_claimed'), 'gift'));
		await expect(store.claimReferral('FRIEND1', 'me@example.com')).rejects.toEqual(apiError('already_claimed', 409));
		expect(sessionStorage.getItem(SAVED)).not.toContain(keysOf(posts(CLAIM))[0]);
		await store.claimReferral('FRIEND1', 'me@example.com');
		expect(new Set(keysOf(posts(CLAIM))).size).toBe(2);
		expect(report).not.toHaveBeenCalled();
		store.stop();
	});

	it('a double click joins the claim in flight', async () => {
		const { store, posts } = storeWith({}, claims('gift'));
		const [first, second] = [store.claimReferral('FRIEND1', 'me@example.com'), store.claimReferral('FRIEND1', 'me@example.com')];
		expect(await first).toBe(await second);
		expect(posts(CLAIM)).toHaveLength(1);
		store.stop();
	});
});
