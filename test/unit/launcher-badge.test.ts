import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRuntime } from '../../src/embed/runtime';
import { CUSTOMER } from './ui/support';
import { jwt } from './state/support';

// The panel never arrives in these tests: what the launcher shows is its own doing.
const runtime = () => createRuntime({ loadPanel: () => new Promise(() => {}) });
const badge = () => document.querySelector('rewards-widget')!.shadowRoot!.querySelector('.badge')!.textContent;
const keep = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

describe('launcher: the balance from the last page', () => {
	let destroy: (() => void) | undefined;
	afterEach(() => {
		destroy?.();
		localStorage.clear();
		vi.useRealTimers();
	});

	const start = (token?: string, locale = 'en') => {
		const widget = runtime();
		widget.init({ store: 'pk_test', api: 'https://api.example', customerToken: token, locale });
		destroy = widget.destroy;
	};

	it('shows at once what this device saw for this shopper within the hour', () => {
		keep('rewards:pk_test:alice:customer', [Date.now() - 60_000, { ...CUSTOMER, balance: 1234 }]);
		start(jwt('alice'));
		expect(badge()).toBe('1,234');
	});

	it('in the panel’s language', () => {
		keep('rewards:pk_test:alice:customer', [Date.now(), { ...CUSTOMER, balance: 1234 }]);
		start(jwt('alice'), 'fr');
		expect(badge()).toBe(new Intl.NumberFormat('fr').format(1234));
	});

	it('shows nothing for another shopper, a guest, an old or a corrupt entry', () => {
		keep('rewards:pk_test:alice:customer', [Date.now(), CUSTOMER]);
		start(jwt('bob'));
		expect(badge()).toBe('');
		destroy!();
		start(undefined);
		expect(badge()).toBe('');
		destroy!();
		keep('rewards:pk_test:alice:customer', [Date.now() - 3_600_000, CUSTOMER]);
		start(jwt('alice'));
		expect(badge()).toBe('');
		destroy!();
		for (const value of ['{', '[1,{}]', '[9e15,{"balance":"x"}]']) {
			localStorage.setItem('rewards:pk_test:alice:customer', value);
			start(jwt('alice'));
			expect(badge()).toBe('');
			destroy!();
		}
		destroy = undefined;
	});

	it('does without storage', () => {
		vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		start(jwt('alice'));
		expect(badge()).toBe('');
		vi.restoreAllMocks();
	});
});
