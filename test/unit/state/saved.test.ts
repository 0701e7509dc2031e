import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Customer as CustomerShape } from '../../../src/api/shapes';
import { forget, restore, save, savedKey } from '../../../src/state/saved';
import { CUSTOMER, PROGRAM } from '../ui/support';
import { jwt, storeWith } from './support';

const HOUR = 3_600_000;

beforeEach(() => {
	localStorage.clear();
	sessionStorage.clear();
});
afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
	vi.useRealTimers();
});

describe('what the device keeps: where', () => {
	it('is per store and per shopper (the token’s sub), the same for every token of that shopper', () => {
		const key = savedKey('pk_test', jwt('alice'), 'customer');
		expect(key).toBe('rewards:pk_test:alice:customer');
		expect(savedKey('pk_test', jwt('alice', { iat: 1, exp: 2, email: 'a@example.com' }), 'customer')).toBe(key);
		expect(savedKey('pk_other', jwt('alice'), 'customer')).not.toBe(key);
		expect(savedKey('pk_test', jwt('bob'), 'customer')).not.toBe(key);
	});

	it('reads base64url payloads (the - and _ that atob alone refuses)', () => {
		// A sub whose base64 needs + and /, which base64url writes as - and _.
		const sub = 'ü>>>??~~~';
		expect(jwt(sub).split('.')[1]).toMatch(/[-_]/);
		expect(savedKey('pk_test', jwt(sub), 'x')).toMatch(/^rewards:pk_test:.+:x$/);
	});

	it('is nowhere for guests and for tokens that are not JWTs', () => {
		expect(savedKey('pk_test', undefined, 'customer')).toBeUndefined();
		expect(savedKey('pk_test', 'opaque-token', 'customer')).toBeUndefined();
		expect(savedKey('pk_test', 'a.%%%.b', 'customer')).toBeUndefined();
		expect(savedKey('pk_test', jwt(''), 'customer')).toBeUndefined();
	});
});

describe('what the device keeps: reading and writing', () => {
	it('gives back what was saved, while it is younger than its age limit', () => {
		vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
		save('k', CUSTOMER);
		expect(restore('k', CustomerShape, HOUR)).toEqual(CUSTOMER);
		vi.setSystemTime(1_000_000 + HOUR - 1);
		expect(restore('k', CustomerShape, HOUR)).toEqual(CUSTOMER);
		vi.setSystemTime(1_000_000 + HOUR);
		expect(restore('k', CustomerShape, HOUR)).toBeUndefined();
	});

	it('ignores corrupt, foreign or outdated entries', () => {
		for (const value of [
			'{',
			'null',
			'42',
			'"text"',
			'[]',
			JSON.stringify([Date.now()]),
			JSON.stringify([Date.now(), { ...CUSTOMER, balance: 'lots' }]),
			JSON.stringify({ time: Date.now(), data: CUSTOMER }),
		]) {
			localStorage.setItem('k', value);
			expect(restore('k', CustomerShape, HOUR), value).toBeUndefined();
		}
		expect(restore(undefined, CustomerShape, HOUR)).toBeUndefined();
	});

	it('never throws when storage is full or cannot be reached at all', () => {
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		expect(() => save('k', CUSTOMER)).not.toThrow();
		vi.restoreAllMocks();
		// Sandboxed iframes and some private modes throw on the property itself.
		vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		expect(() => save('k', CUSTOMER)).not.toThrow();
		expect(restore('k', CustomerShape, HOUR)).toBeUndefined();
		expect(() => forget('k')).not.toThrow();
	});
});

describe('the store: instant first paint on the next page', () => {
	const never = () => new Promise<Response>(() => {});

	it('shows the program and the shopper’s summary from the last page at once, then the server’s', async () => {
		const first = storeWith({ customerToken: jwt('alice') });
		await first.store.refresh();
		first.store.stop();

		// The next page, another token for the same shopper, and a server that has not answered yet.
		const next = storeWith({ customerToken: jwt('alice', { iat: 2 }) }, never);
		// The summary from the start (the launcher already shows its balance), the program once asked for.
		expect(next.store.customer.value.data).toEqual(CUSTOMER);
		void next.store.refresh();
		expect(next.store.program.value.data).toEqual(PROGRAM);
		expect(next.store.customer.value.data).toEqual(CUSTOMER);
		await vi.waitFor(() =>
			expect(next.seen.map((r) => new URL(r.url).pathname).sort()).toEqual(['/v1/stores/pk_test/customer', '/v1/stores/pk_test/program']),
		);
		next.store.stop();
	});

	it('never keeps the token, and shows nothing of another shopper, another store or an old visit', async () => {
		vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
		const token = jwt('alice');
		const { store } = storeWith({ customerToken: token });
		await store.refresh();
		store.stop();
		const everything = Object.keys(localStorage)
			.map((key) => key + localStorage.getItem(key))
			.join('\n');
		expect(everything).toContain('"balance":620');
		expect(everything).not.toContain(token);
		expect(everything).not.toContain(token.split('.')[1]);

		const bob = storeWith({ customerToken: jwt('bob') }, never).store;
		void bob.refresh();
		expect(bob.customer.value.data).toBeUndefined();
		bob.stop();
		const otherStore = storeWith({ store: 'pk_other', customerToken: jwt('alice') }, never).store;
		void otherStore.refresh();
		expect(otherStore.customer.value.data).toBeUndefined();
		expect(otherStore.program.value.data).toBeUndefined();
		otherStore.stop();

		// An hour later the summary is too old to show; the program (a day) still is.
		vi.setSystemTime(1_000_000 + HOUR);
		const later = storeWith({ customerToken: jwt('alice') }, never).store;
		void later.refresh();
		expect(later.customer.value.data).toBeUndefined();
		expect(later.program.value.data).toEqual(PROGRAM);
		later.stop();
	});

	it('forgets the shopper’s summary when they sign out', async () => {
		const { store } = storeWith({ customerToken: jwt('alice') });
		await store.refresh();
		expect(localStorage.getItem('rewards:pk_test:alice:customer')).toContain('"balance"');
		store.identify(undefined);
		expect(localStorage.getItem('rewards:pk_test:alice:customer')).toBeNull();
		store.stop();
	});

	it('works the same without storage', async () => {
		vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		const { store } = storeWith({ customerToken: jwt('alice') });
		await store.refresh();
		expect(store.customer.value.data).toEqual(CUSTOMER);
		store.stop();
	});
});
