import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Fixture } from './fixture';
import { dialog, focusedElement, launcher, openPage, type WatchedPage } from './page';

/** The merchant's tag, as pasted; `{{WIDGET}}` in a hostile page template is replaced by it. */
export function widgetTag(api: string, attrs = ''): string {
	return `<script src="/dist/rewards.js" data-store="pk_demo" data-api="${api}" ${attrs} async></script>`;
}

export interface HostileVisit {
	/** Leave the widget out, to record what the page does on its own. */
	widget?: boolean;
	/** Extra attributes on the script tag, e.g. `data-offset-y="90"`. */
	attrs?: string;
	context?: BrowserContextOptions;
	/** Runs before navigation: init scripts, routes. */
	setup?: (page: Page) => Promise<unknown>;
}

const ASSET_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
Opens a hostile page template, with or without the widget's tag. Non-HTML files next to the
templates (the AMD loader's module, stylesheets) are answered at /pages/assets/<name> through
request interception, so the shared fixture server stays as it is. The fixture's values are
read at request time, so this sets `WIDGET` just before navigating (E2E files run serially).
*/
export async function openHostile(browser: Browser, fixture: Fixture, name: string, visit: HostileVisit = {}): Promise<WatchedPage> {
	const { widget = true, attrs = '', context: contextOptions = {}, setup } = visit;
	fixture.values.WIDGET = widget ? widgetTag(fixture.values.API, attrs) : '';
	return openPage(browser, `${fixture.url}/pages/${name}.html`, contextOptions, async (page) => {
		await page.route(`${fixture.url}/pages/assets/**`, async (route) => {
			const file = new URL(route.request().url()).pathname.replace('/pages/assets/', '');
			if (!/^hostile-[\w-]+\.(js|css)$/.test(file)) return route.fulfill({ status: 404 });
			const body = await readFile(join('test/e2e/pages', file), 'utf8');
			await route.fulfill({ status: 200, body, headers: { 'content-type': ASSET_TYPES[extname(file)], 'cache-control': 'no-store' } });
		});
		await setup?.(page);
	});
}

/** Polls that wait on the server or a render get room on a busy 2-core machine (vitest's default is 1 s). */
export const POLL = { timeout: 10_000, interval: 50 };

export const PROBE_PROPERTIES = [
	'font-size',
	'line-height',
	'font-family',
	'box-sizing',
	'color',
	'background-color',
	'display',
	'position',
	'z-index',
	'margin-top',
	'padding-left',
	'visibility',
] as const;

/**
Computed styles of the page's own probe elements (`[data-probe]`), to compare with and without
the widget. `html` is left out on purpose: the open dialog locks page scroll with `overflow`.
*/
export function probeStyles(page: Page): Promise<Record<string, Record<string, string>>> {
	return page.evaluate(
		(properties) => {
			const result: Record<string, Record<string, string>> = {};
			for (const element of document.querySelectorAll<HTMLElement>('[data-probe]')) {
				const style = getComputedStyle(element);
				result[element.dataset.probe!] = Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name)]));
			}
			return result;
		},
		[...PROBE_PROPERTIES],
	);
}

/** Computed size and type of the launcher, to compare a hostile page with a plain one. */
export function launcherMetrics(page: Page) {
	return launcher(page).evaluate((button) => {
		const style = getComputedStyle(button);
		const label = getComputedStyle(button.querySelector('.label')!);
		const rect = button.getBoundingClientRect();
		return {
			width: Math.round(rect.width),
			height: Math.round(rect.height),
			fontSize: style.fontSize,
			lineHeight: style.lineHeight,
			fontFamily: style.fontFamily,
			boxSizing: style.boxSizing,
			padding: style.padding,
			display: style.display,
			labelFontSize: label.fontSize,
			labelDisplay: label.display,
		};
	});
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Presses Tab until the launcher has focus, the way a keyboard user reaches it. */
export async function tabToLauncher(page: Page, limit = 25) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const focused = await focusedElement(page);
		if (focused?.className === 'launcher') return;
	}
	throw new Error(`the launcher was not reached with ${limit} Tab presses`);
}

/** Presses Tab until the focused element reads `text` (or is labelled so), then returns. */
export async function tabToText(page: Page, text: string, limit = 20) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const focused = await focusedElement(page);
		if (focused?.text === text || focused?.label === text) return;
	}
	throw new Error(`no control "${text}" reached with ${limit} Tab presses`);
}

/**
The panel by keyboard alone: Tab to the launcher, Enter opens the dialog with focus inside, Tab
reaches the nav and Enter switches page, Escape closes, focus is back on the launcher.
*/
export async function keyboardRoundTrip(page: Page, navigateTo = 'Earn') {
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await tabToLauncher(page);
	await page.keyboard.press('Enter');
	await dialog(page).waitFor({ state: 'visible' });
	await expect.poll(() => focusedElement(page), POLL).toMatchObject({ tag: 'h2' });
	await tabToText(page, navigateTo);
	await page.keyboard.press('Enter');
	await expect.poll(() => currentPage(page), POLL).toBe(navigateTo);
	await page.keyboard.press('Escape');
	await dialog(page).waitFor({ state: 'hidden' });
	await expect.poll(() => focusedElement(page), POLL).toMatchObject({ tag: 'button', className: 'launcher' });
}

export const currentPage = (page: Page) => page.locator('rewards-widget .panel-nav [aria-current="page"]').textContent();

/** What the browser hit-tests at the centre of `locator`, named as `tag#id` (the host for the widget). */
export async function hitAtCentre(page: Page, locator: Locator): Promise<string> {
	const box = (await locator.boundingBox())!;
	return hitAt(page, box.x + box.width / 2, box.y + box.height / 2);
}

export function hitAt(page: Page, x: number, y: number): Promise<string> {
	return page.evaluate(
		([px, py]) => {
			const hit = document.elementFromPoint(px, py);
			return hit ? `${hit.tagName.toLowerCase()}${hit.id ? `#${hit.id}` : ''}` : 'nothing';
		},
		[x, y],
	);
}

/** Counts listeners on window and document through the DevTools protocol. */
export async function listenerCounter(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	return async () => {
		let total = 0;
		for (const expression of ['window', 'document']) {
			const { result } = await cdp.send('Runtime.evaluate', { expression });
			const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
			total += listeners.length;
			await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
		}
		return total;
	};
}
