import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// The npm entry, as published: the built dist/esm bundle, not the sources.
describe('npm package (dist/esm)', () => {
	it('exports the documented API and types', () => {
		expect(existsSync('dist/esm/index.js')).toBe(true);
		const types = readFileSync('dist/types/index.d.ts', 'utf8');
		for (const name of ['RewardsOptions', 'RewardsEventMap', 'PageName', 'ThemeOptions']) expect(types).toContain(name);
	});

	it('mounts, opens the code-split panel and destroys cleanly', async () => {
		// Typed by the sources; loaded from the build.
		const built = '../../dist/esm/index.js';
		const widget: typeof import('../../src/index') = await import(/* @vite-ignore */ built);
		expect(Object.keys(widget).sort()).toEqual(
			['close', 'destroy', 'identify', 'init', 'logout', 'off', 'on', 'open', 'refresh', 'toggle', 'version'].sort(),
		);
		const opened = vi.fn();
		widget.on('open', opened);
		widget.init({ store: 'pk_demo', api: 'http://127.0.0.1:9' });
		expect(document.querySelectorAll('rewards-widget')).toHaveLength(1);
		widget.open('earn');
		// The first open imports and evaluates the built panel chunk in happy-dom: about 0.3 s alone, and past
		// vi.waitFor's 1 s default on a 2-core machine running the other lanes (a failed run of ten in a row).
		await vi.waitFor(() => expect(opened).toHaveBeenCalledWith({ page: 'earn' }), { timeout: 15_000 });
		widget.destroy();
		expect(document.querySelectorAll('rewards-widget')).toHaveLength(0);
	});
});
