import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedConfig } from '../../src/config/defaults';
import { validateOptions } from '../../src/config/validate';
import { countImpression } from '../../src/embed/impression';

const configWith = (options: Record<string, unknown> = {}) =>
	validateOptions({ store: 'pk_demo', api: 'https://loyalty.example.com/', ...options }).config as ResolvedConfig;

describe('countImpression (launcher_shown)', () => {
	let beacon: ReturnType<typeof vi.fn>;
	beforeEach(() => {
		sessionStorage.clear();
		beacon = vi.fn(() => true);
		Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
		// Idle at once: the page has loaded (happy-dom's readyState is "complete").
		vi.stubGlobal('requestIdleCallback', (task: () => void) => (task(), 1));
	});
	afterEach(() => {
		vi.unstubAllGlobals();
		Reflect.deleteProperty(navigator, 'sendBeacon');
	});

	it('sends one plain-text beacon to the events endpoint per session and store', () => {
		countImpression(configWith());
		countImpression(configWith());
		expect(beacon).toHaveBeenCalledTimes(1);
		const [url, body] = beacon.mock.calls[0];
		expect(url).toBe('https://loyalty.example.com/v1/stores/pk_demo/events');
		expect(typeof body).toBe('string');
		expect(JSON.parse(body)).toEqual({ events: [{ type: 'launcher_shown' }] });
		countImpression(configWith({ store: 'pk_other' }));
		expect(beacon).toHaveBeenCalledTimes(2);
	});

	it('tries again on the next page when the browser refused the beacon', () => {
		beacon.mockReturnValueOnce(false);
		countImpression(configWith());
		countImpression(configWith());
		expect(beacon).toHaveBeenCalledTimes(2);
	});

	it('counts nothing for a launcher that is not shown', () => {
		countImpression(configWith({ hideLauncher: true }));
		const phone = (matches: boolean) => vi.stubGlobal('matchMedia', () => ({ matches }));
		phone(false);
		countImpression(configWith({ showOn: 'mobile' }));
		phone(true);
		countImpression(configWith({ showOn: 'desktop' }));
		expect(beacon).not.toHaveBeenCalled();
		countImpression(configWith({ showOn: 'mobile' }));
		expect(beacon).toHaveBeenCalledTimes(1);
	});

	it('never throws when storage or beacons are switched off', () => {
		vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		expect(() => countImpression(configWith())).not.toThrow();
		vi.restoreAllMocks();
		Reflect.deleteProperty(navigator, 'sendBeacon');
		expect(() => countImpression(configWith())).not.toThrow();
	});

	it('cancels before idle time', () => {
		vi.stubGlobal(
			'requestIdleCallback',
			vi.fn(() => 7),
		);
		const cancel = vi.fn();
		vi.stubGlobal('cancelIdleCallback', cancel);
		countImpression(configWith())();
		expect(cancel).toHaveBeenCalledWith(7);
		expect(beacon).not.toHaveBeenCalled();
	});
});
