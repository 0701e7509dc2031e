import { describe, expect, it, vi } from 'vitest';
import { guard } from '../../src/embed/report';

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('guard()', () => {
	it('reports a synchronous throw and returns undefined', () => {
		const report = vi.fn();
		const error = new Error('sync');
		expect(
			guard(report, () => {
				throw error;
			})(),
		).toBeUndefined();
		expect(report).toHaveBeenCalledWith(error);
	});

	it('reports an async rejection', async () => {
		const report = vi.fn();
		const error = new Error('async');
		void guard(report, async () => {
			throw error;
		})();
		await tick();
		expect(report).toHaveBeenCalledWith(error);
	});

	// Old polyfills and zone.js replace window.Promise; async functions still return native
	// promises, which then fail `instanceof Promise` and their rejections used to escape.
	it('reports an async rejection when the page has replaced the global Promise', async () => {
		const report = vi.fn();
		const error = new Error('async under a Promise polyfill');
		const NativePromise = globalThis.Promise;
		const wrapped = guard(report, async () => {
			throw error;
		});
		globalThis.Promise = function PolyfillPromise() {} as unknown as PromiseConstructor;
		try {
			void wrapped();
		} finally {
			globalThis.Promise = NativePromise;
		}
		await tick();
		expect(report).toHaveBeenCalledWith(error);
	});

	it('leaves a thenable result to the caller and reports its rejection', async () => {
		const report = vi.fn();
		const error = new Error('thenable');
		const thenable = { then: (_: unknown, reject: (e: unknown) => void) => reject(error) };
		expect(guard(report, () => thenable)()).toBe(thenable);
		await tick();
		expect(report).toHaveBeenCalledWith(error);
	});
});
