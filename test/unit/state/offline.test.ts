import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CUSTOMER } from '../ui/support';
import { answers, apiError, failure, jwt, storeWith } from './support';

let online = true;
beforeEach(() => {
	online = true;
	vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
	localStorage.clear();
	sessionStorage.clear();
});
afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

const goOffline = () => ((online = false), dispatchEvent(new Event('offline')));
const goOnline = () => ((online = true), dispatchEvent(new Event('online')));
/** The network as the browser has it: nothing gets through while offline. */
const network = (request: Request) => {
	if (!online) throw new TypeError('Failed to fetch');
	return answers(request);
};
const FOLLOW = '/customer/actions/instagram_follow';

describe('offline', () => {
	it('is known from the browser’s events, or when a request gets no answer while the browser is offline, and ends with any answer', async () => {
		const { store } = storeWith({ customerToken: jwt('alice') }, network);
		expect(store.offline.value).toBe(false);
		goOffline();
		expect(store.offline.value).toBe(true);
		goOnline();
		expect(store.offline.value).toBe(false);

		online = false; // the events may come late, or never (a dead Wi-Fi)
		await store.loadCustomer();
		expect(store.offline.value).toBe(true);
		online = true;
		await store.loadCustomer();
		expect(store.offline.value).toBe(false);

		// Online, a request without an answer shows its own error and retry, not the banner: no
		// browser event would come to say when to catch up.
		const { store: unreachable } = storeWith({ customerToken: jwt('alice') }, () => {
			throw new TypeError('Failed to fetch');
		});
		await unreachable.loadCustomer();
		expect(unreachable.customer.value.error).toMatchObject({ code: 'network' });
		expect(unreachable.offline.value).toBe(false);
		unreachable.stop();
		store.stop();
	});

	it('loads again what failed once the browser is back online', async () => {
		const { store } = storeWith({ customerToken: jwt('alice') }, network);
		goOffline();
		await store.refresh();
		expect(store.customer.value.error).toMatchObject({ code: 'network' });
		goOnline();
		await vi.waitFor(() => expect(store.customer.value.data).toEqual(CUSTOMER));
		expect(store.program.value.data).toBeDefined();
		store.stop();
	});

	it('stops listening when the panel is destroyed', async () => {
		const { store, seen } = storeWith({ customerToken: jwt('alice') }, network);
		store.stop();
		goOffline();
		goOnline();
		await new Promise((done) => setTimeout(done, 20));
		expect(store.offline.value).toBe(false);
		expect(seen).toEqual([]);
	});
});

describe('earn claims made offline', () => {
	it('wait for the connection, then go exactly once, and bring the points', async () => {
		const { store, posts, emit } = storeWith({ customerToken: jwt('alice') }, network);
		store.customer.value = { data: structuredClone(CUSTOMER) };
		goOffline();
		const claim = store.earn('instagram_follow');
		// A second tap while waiting joins the same claim.
		const again = store.earn('instagram_follow');
		await new Promise((done) => setTimeout(done, 50));
		expect(posts(FOLLOW)).toHaveLength(1); // the try that found the network down
		goOnline();
		expect(await claim).toMatchObject({ awarded: 50 });
		expect(await again).toMatchObject({ awarded: 50 });
		expect(posts(FOLLOW)).toHaveLength(2);
		expect(emit).toHaveBeenCalledWith('earned', { action: 'instagram_follow', points: 50, balance: 670 });
		expect(store.customer.value.data!.balance).toBe(670);
		store.stop();
	});

	it('count a refusal on the second send as done when the first may have got through', async () => {
		let sends = 0;
		const { store, report } = storeWith({ customerToken: jwt('alice') }, (request) => {
			if (!request.url.endsWith(FOLLOW)) return answers(request);
			// The first send is awarded, but its answer is lost on the way back.
			if (++sends == 1) throw new TypeError('connection reset');
			return failure(409, 'already_completed');
		});
		expect(await store.earn('instagram_follow')).toBeUndefined();
		expect(sends).toBe(2);
		expect(report).not.toHaveBeenCalled();
		store.stop();
	});

	it('a refusal on the first send is the server saying no', async () => {
		const { store } = storeWith({ customerToken: jwt('alice') }, (request) =>
			request.url.endsWith(FOLLOW) ? failure(409, 'already_completed') : answers(request),
		);
		await expect(store.earn('instagram_follow')).rejects.toEqual(apiError('already_completed', 409));
		store.stop();
	});
});

describe('a redemption a reload interrupted', () => {
	it('is sent again with its key when the next page opens, once, and its coupon comes with the customer', async () => {
		// The first page: the shopper confirmed, and the page went away before any answer.
		const first = storeWith({ customerToken: jwt('alice') }, (request) =>
			request.url.endsWith('/customer/redemptions') ? new Promise<Response>(() => {}) : answers(request),
		);
		void first.store.redeem('five-off');
		await vi.waitFor(() => expect(first.posts('/customer/redemptions')).toHaveLength(1));
		const key = first.posts('/customer/redemptions')[0].headers.get('idempotency-key');
		first.store.stop();

		const next = storeWith({ customerToken: jwt('alice', { iat: 2 }) });
		await vi.waitFor(() =>
			expect(next.emit).toHaveBeenCalledWith('redeemed', expect.objectContaining({ rewardId: 'five-off', pointsSpent: 500 })),
		);
		expect(next.posts('/customer/redemptions').map((r) => r.headers.get('idempotency-key'))).toEqual([key]);
		// The same body too: a reward without points is asked again without points.
		expect(await next.posts('/customer/redemptions')[0].json()).toEqual({ rewardId: 'five-off' });
		expect(sessionStorage.getItem('rewards:pk_test:alice:redeem')).not.toContain(key);
		next.store.stop();

		// And not again on the page after.
		const after = storeWith({ customerToken: jwt('alice') });
		await new Promise((done) => setTimeout(done, 20));
		expect(after.posts('/customer/redemptions')).toEqual([]);
		after.store.stop();
	});

	it('offline, waits for the connection with the same key', async () => {
		const { store, posts } = storeWith({ customerToken: jwt('alice') }, network);
		goOffline();
		const redemption = store.redeem('five-off');
		await vi.waitFor(() => expect(posts('/customer/redemptions').length).toBeGreaterThan(0));
		goOnline();
		expect(await redemption).toMatchObject({ pointsSpent: 500 });
		expect(new Set(posts('/customer/redemptions').map((r) => r.headers.get('idempotency-key'))).size).toBe(1);
		store.stop();
	});
});
