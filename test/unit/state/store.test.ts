import { afterEach, describe, expect, it, vi } from 'vitest';
import { CUSTOMER as FULL_CUSTOMER } from '../ui/support';
import { apiError, json, storeWith } from './support';

afterEach(() => vi.unstubAllGlobals());

// A complete customer as the contract describes it, so shape checks on answers accept it.
const CUSTOMER = { ...FULL_CUSTOMER, id: 'c1', balance: 300 };

describe('store', () => {
	it('renews an expired token through onTokenExpired and retries once', async () => {
		const onTokenExpired = vi.fn(async () => 'fresh');
		const { store, seen } = storeWith({ customerToken: 'stale', onTokenExpired }, (request) =>
			request.headers.get('authorization') == 'Bearer fresh'
				? json(200, CUSTOMER)
				: json(401, { error: { code: 'token_expired', message: '' } }),
		);
		await store.loadCustomer();
		await vi.waitFor(() => expect(store.customer.value.data).toEqual(CUSTOMER));
		expect(onTokenExpired).toHaveBeenCalledTimes(1);
		expect(store.token.value).toBe('fresh');
		expect(seen.filter((r) => r.url.endsWith('/customer'))).toHaveLength(2);
	});

	it('falls back to the guest view, asking to sign in again, when no fresh token comes', async () => {
		const { store } = storeWith({ customerToken: 'stale', onTokenExpired: () => undefined }, () =>
			json(401, { error: { code: 'token_expired', message: '' } }),
		);
		store.loadCustomer();
		await vi.waitFor(() => expect(store.expired.value).toBe(true));
		expect(store.token.value).toBeUndefined();
		expect(store.customer.value).toEqual({});
	});

	it('identify switches shopper and drops answers meant for the previous one', async () => {
		let release!: () => void;
		const gate = new Promise<void>((done) => (release = done));
		const { store } = storeWith({ customerToken: 'A' }, () => json(200, CUSTOMER));
		vi.stubGlobal(
			'fetch',
			vi.fn(async (request: Request) => {
				if (request.headers.get('authorization') == 'Bearer A') await gate;
				return json(200, { ...CUSTOMER, id: request.headers.get('authorization') });
			}),
		);
		store.loadCustomer();
		store.identify('B');
		await vi.waitFor(() => expect(store.customer.value.data?.id).toBe('Bearer B'));
		release();
		await new Promise((done) => setTimeout(done, 20));
		expect(store.customer.value.data?.id).toBe('Bearer B');
		store.identify(undefined);
		expect(store.customer.value).toEqual({});
	});

	it('an action sets the balance it answered, emits earned, and re-reads the customer', async () => {
		const { store, emit, seen } = storeWith({ customerToken: 'T' }, (request) =>
			request.method == 'POST'
				? json(201, { ruleKey: 'instagram_follow', awarded: 50, balance: 350, lifetimePoints: 350 })
				: json(200, { ...CUSTOMER, balance: 350 }),
		);
		store.customer.value = { data: CUSTOMER };
		await store.earn('instagram_follow');
		expect(store.customer.value.data!.balance).toBe(350);
		expect(emit).toHaveBeenCalledWith('earned', { action: 'instagram_follow', points: 50, balance: 350 });
		await vi.waitFor(() => expect(seen.some((r) => r.method == 'GET' && r.url.endsWith('/customer'))).toBe(true));
	});

	it('reports failures to onError except the server’s business answers (409)', async () => {
		const { store, report } = storeWith({ customerToken: 'T' }, (request) =>
			request.method == 'POST'
				? json(409, { error: { code: 'already_completed', message: '' } })
				: json(500, { error: { code: 'internal_error', message: '' } }),
		);
		await expect(store.earn('instagram_follow')).rejects.toEqual(apiError('already_completed', 409));
		expect(report).not.toHaveBeenCalledWith(expect.objectContaining({ status: 409 }));
		await store.refresh();
		expect(report).toHaveBeenCalledWith(apiError('internal_error', 500));
		expect(store.program.value.error).toEqual(apiError('internal_error', 500));
	});
});
