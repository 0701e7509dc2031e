import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedConfig } from '../../../src/config/defaults';
import { validateOptions } from '../../../src/config/validate';
import { LAUNCHER_ICONS } from '../../../src/config/launcher-icons';
import { safeUrl } from '../../../src/config/safe-url';
import { savedKey } from '../../../src/state/saved-key';
import { mountPanel } from '../../../src/ui/panel';
import type { PanelController } from '../../../src/ui/panel-host';
import { PROGRAM } from './support';

/*
Issue #13: a brand colour changed in the merchant console reaches every storefront with the
program; init()'s theme.primary still wins over it, and only a #rrggbb value reaches a style sheet.
*/

let controller: PanelController | undefined;
afterEach(() => {
	controller?.destroy();
	controller = undefined;
	document.body.replaceChildren();
	vi.unstubAllGlobals();
});

function mountWithBrand(primaryColor: string, options: Record<string, unknown> = {}) {
	vi.stubGlobal(
		'fetch',
		vi.fn(async (request: Request) => {
			const body = request.url.endsWith('/program') ? { ...PROGRAM, brand: { primaryColor } } : {};
			return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
		}),
	);
	const styles = new Map<string, string>();
	const repick = vi.fn();
	const root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
	const config = validateOptions({ store: 'pk_test', api: 'http://127.0.0.1:9', locale: 'en', ...options }).config as ResolvedConfig;
	controller = mountPanel({
		root,
		config,
		locale: 'en',
		launcher: null,
		setStyles: (id, css) => styles.set(id, css),
		repickOnPrimary: repick,
		emit: () => {},
		report: () => {},
		onOpenChange: () => {},
		setBadge: () => {},
		shared: { safeUrl, savedKey, launcherIcons: LAUNCHER_ICONS },
	});
	return { styles, repick };
}

describe('the program’s brand colour', () => {
	it('becomes the primary colour, and the text colour on it is picked again', async () => {
		const { styles, repick } = mountWithBrand('#2f6b4f');
		await waitFor(() => expect(styles.get('brand')).toBe(':host{--rewards-primary:#2f6b4f}'));
		expect(repick).toHaveBeenCalled();
	});

	it('gives way to init()’s theme.primary', async () => {
		const { styles, repick } = mountWithBrand('#2f6b4f', { theme: { primary: '#aa0000' } });
		await waitFor(() => expect(repick.mock.calls.length).toBeGreaterThan(1));
		expect(styles.get('brand')).toBe('');
	});

	it('never writes anything but #rrggbb into a style sheet', async () => {
		const { styles, repick } = mountWithBrand('red}:host{display:none');
		await waitFor(() => expect(repick.mock.calls.length).toBeGreaterThan(1));
		expect(styles.get('brand')).toBe('');
	});
});
