import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRuntime } from '../../src/embed/runtime';
import type { MountPanel, PanelHost } from '../../src/ui/panel-host';
import { jwt } from './state/support';

const badge = () => document.querySelector('rewards-widget')!.shadowRoot!.querySelector('.badge')!.textContent;
const keep = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));
const KEY = 'rewards:pk_test:alice:badge';

describe('launcher: the balance badge from the last page', () => {
	let destroy: (() => void) | undefined;
	afterEach(() => {
		vi.restoreAllMocks();
		destroy?.();
		destroy = undefined;
		localStorage.clear();
	});

	/** A widget whose panel never arrives: what the launcher shows is its own doing. */
	const start = (token?: string, locale = 'en') => {
		const widget = createRuntime({ loadPanel: () => new Promise(() => {}) });
		widget.init({ store: 'pk_test', api: 'https://api.example', customerToken: token, locale });
		destroy = widget.destroy;
		return widget;
	};

	it('shows at once what this device showed this shopper within the hour, without formatting a number', () => {
		// The first Intl.NumberFormat of a page starts ICU up: the launcher must not pay for it.
		const formats = vi.spyOn(Intl, 'NumberFormat');
		keep(KEY, { at: Date.now() - 60_000, text: '1,234', locale: 'en' });
		start(jwt('alice'));
		expect(badge()).toBe('1,234');
		expect(formats).not.toHaveBeenCalled();
	});

	it('only in the language it was shown in (the panel formats it again)', () => {
		keep(KEY, { at: Date.now(), text: '1,234', locale: 'en' });
		start(jwt('alice'), 'fr');
		expect(badge()).toBe('');
	});

	it('shows nothing for another shopper, a guest, an old or a corrupt entry', () => {
		keep(KEY, { at: Date.now(), text: '1,234', locale: 'en' });
		start(jwt('bob'));
		expect(badge()).toBe('');
		destroy!();
		start(undefined);
		expect(badge()).toBe('');
		destroy!();
		keep(KEY, { at: Date.now() - 3_600_000, text: '1,234', locale: 'en' });
		start(jwt('alice'));
		expect(badge()).toBe('');
		destroy!();
		for (const value of ['{', '{}', '{"at":9e15,"text":5,"locale":"en"}', 'null']) {
			localStorage.setItem(KEY, value);
			start(jwt('alice'));
			expect(badge()).toBe('');
			destroy!();
		}
	});

	it('does without storage', () => {
		vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		start(jwt('alice'));
		expect(badge()).toBe('');
	});

	it('keeps what the panel shows for the next page, and forgets it when the shopper leaves', async () => {
		let host!: PanelHost;
		const mountPanel: MountPanel = (given) => {
			host = given;
			return { open() {}, close() {}, isOpen: () => false, update() {}, identify() {}, refresh: async () => {}, destroy() {} };
		};
		const widget = createRuntime({ loadPanel: async () => ({ mountPanel }) });
		widget.init({ store: 'pk_test', api: 'https://api.example', customerToken: jwt('alice') });
		destroy = widget.destroy;
		widget.open();
		await vi.waitFor(() => expect(host).toBeDefined());

		host.setBadge('1,250');
		expect(badge()).toBe('1,250');
		expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual({ at: expect.any(Number), text: '1,250', locale: 'en' });
		host.setBadge(null);
		expect(localStorage.getItem(KEY)).toBeNull();

		host.setBadge('1,250');
		widget.identify({ customerToken: jwt('bob') });
		expect(localStorage.getItem(KEY)).toBeNull();
		host.setBadge('80');
		widget.logout();
		expect(localStorage.length).toBe(0);
	});
});
