import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedConfig } from '../../src/config/defaults';
import { validateOptions } from '../../src/config/validate';
import { countImpression } from '../../src/embed/impression';

const configWith = (options: Record<string, unknown> = {}) =>
	validateOptions({ store: 'pk_demo', api: 'https://loyalty.example.com/', ...options }).config as ResolvedConfig;

let visibility: DocumentVisibilityState = 'visible';

/** The shopper leaves the page, or switches tab or app: `visibilitychange` to hidden. */
function hidePage() {
	visibility = 'hidden';
	document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
	visibility = 'visible';
}

describe('countImpression (launcher_shown)', () => {
	let beacon: ReturnType<typeof vi.fn>;
	const cancels: Array<() => void> = [];
	const count = (options?: Record<string, unknown>) => cancels.push(countImpression(configWith(options)));
	beforeEach(() => {
		sessionStorage.clear();
		beacon = vi.fn(() => true);
		Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
		vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
	});
	afterEach(() => {
		cancels.splice(0).forEach((cancel) => cancel());
		vi.unstubAllGlobals();
		vi.restoreAllMocks();
		Reflect.deleteProperty(navigator, 'sendBeacon');
	});

	it('sends nothing while the page is in use, then one plain-text beacon when it is hidden', () => {
		count();
		document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
		expect(beacon).not.toHaveBeenCalled();
		hidePage();
		expect(beacon).toHaveBeenCalledTimes(1);
		const [url, body] = beacon.mock.calls[0];
		expect(url).toBe('https://loyalty.example.com/v1/stores/pk_demo/events');
		expect(typeof body).toBe('string');
		expect(JSON.parse(body)).toEqual({ events: [{ type: 'launcher_shown' }] });
		// Once per page: hiding it again sends nothing more.
		hidePage();
		expect(beacon).toHaveBeenCalledTimes(1);
	});

	it('once per session and store: the next page of the visit sends nothing, another store counts', () => {
		count();
		hidePage();
		count();
		hidePage();
		expect(beacon).toHaveBeenCalledTimes(1);
		count({ store: 'pk_other' });
		hidePage();
		expect(beacon).toHaveBeenCalledTimes(2);
	});

	it('tries again on the next page when the browser refused the beacon', () => {
		beacon.mockReturnValueOnce(false);
		count();
		hidePage();
		count();
		hidePage();
		expect(beacon).toHaveBeenCalledTimes(2);
	});

	it('counts nothing for a launcher that is not shown', () => {
		count({ hideLauncher: true });
		const phone = (matches: boolean) => vi.stubGlobal('matchMedia', () => ({ matches }));
		phone(false);
		count({ showOn: 'mobile' });
		phone(true);
		count({ showOn: 'desktop' });
		hidePage();
		expect(beacon).not.toHaveBeenCalled();
		count({ showOn: 'mobile' });
		hidePage();
		expect(beacon).toHaveBeenCalledTimes(1);
	});

	it('never throws when storage or beacons are switched off', () => {
		vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		count();
		expect(() => hidePage()).not.toThrow();
		vi.mocked(Storage.prototype.getItem).mockRestore();
		Reflect.deleteProperty(navigator, 'sendBeacon');
		count();
		expect(() => hidePage()).not.toThrow();
	});

	it('cancelled (destroy()), it sends nothing', () => {
		countImpression(configWith())();
		hidePage();
		expect(beacon).not.toHaveBeenCalled();
	});
});
