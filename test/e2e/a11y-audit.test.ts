import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startFixture, type Fixture } from './support/fixture';
import { startRewardsApi, type RewardsApi } from './support/rewards-api';
import { POLL, currentPage, openHostile, tabToLauncher, tabToText } from './support/hostile';
import { textOnPrimary } from './support/contrast';
import { dialog, focusedElement, launcher, openPage } from './support/page';

/*
Issue #6, accessibility audit of the launcher and the panel shell: axe on the closed launcher in
both schemes, reflow at 320 px and 200 % zoom, contrast of text on any brand colour, every page by
keyboard. (The per-page axe runs live in a11y-panel.test.ts.)
*/

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['Home', 'Earn', 'Redeem', 'Refer', 'Activity'];

let browser: Browser;
let api: RewardsApi;
let fixture: Fixture;

beforeAll(async () => {
	fixture = await startFixture({ values: { BRAND: '' } });
	[api, browser] = await Promise.all([startRewardsApi([fixture.url]), launchChromium()]);
	fixture.values.API = api.url;
});

afterAll(async () => {
	await browser?.close();
	await fixture?.close();
	await api?.close();
});

/** plain.html with extra attributes on the tag (fixture values are read per request; files run serially). */
async function openPlain(attrs: string, context: BrowserContextOptions = {}) {
	fixture.values.ATTRS = attrs;
	const watched = await openPage(browser, `${fixture.url}/pages/plain.html`, context);
	await launcher(watched.page).waitFor();
	return watched;
}

interface AxeResult {
	violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown; failureSummary: string }> }>;
	passes: Array<{ id: string }>;
}

async function runAxe(page: Page): Promise<AxeResult> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
		return {
			violations: result.violations.map((v) => ({
				id: v.id,
				impact: v.impact,
				nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
			})),
			passes: result.passes.map((p) => ({ id: p.id })),
		};
	});
}

describe('axe-core on the launcher (panel closed)', () => {
	it.each([
		['light system, colorScheme auto', 'light', '', 'light'],
		['dark system, colorScheme auto', 'dark', '', 'dark'],
		['light system, colorScheme "dark"', 'light', 'data-color-scheme="dark"', 'dark'],
		['dark system, colorScheme "light"', 'dark', 'data-color-scheme="light"', 'light'],
	] as const)('%s: 0 violations', async (_, system, attrs, scheme) => {
		const { page, errors, close } = await openPlain(attrs, { colorScheme: system });
		expect(await page.locator('rewards-widget').getAttribute('data-scheme')).toBe(scheme);
		const result = await runAxe(page);
		expect(result.violations).toEqual([]);
		// The launcher was really audited: its name and contrast rules ran and passed.
		expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['button-name', 'color-contrast', 'target-size']));
		expect(errors).toEqual([]);
		await close();
	});
});

/*
Reflow (WCAG 1.4.10). Browser zoom makes the CSS viewport smaller and the device pixel ratio
larger: a 1280×800 window at 200 % lays out in 640×400 CSS px, at 400 % in 320×200. So each case
is a viewport of that CSS size with the matching deviceScaleFactor, which reflows exactly as zoom
does. Emulation.setPageScaleFactor would not do: it is pinch-zoom, which magnifies without reflow.
*/
describe('reflow: no content lost, no horizontal scroll inside the panel', () => {
	it.each([
		['320 px wide (400 % of 1280×1024), guest', { width: 320, height: 256 }, 4, false],
		['320 px wide (400 % of 1280×1024), member with coupons', { width: 320, height: 256 }, 4, true],
		['200 % zoom (1280×800 → 640×400), guest', { width: 640, height: 400 }, 2, false],
		['200 % zoom (1280×800 → 640×400), member with coupons', { width: 640, height: 400 }, 2, true],
	] as const)('%s, on every page', async (_, viewport, deviceScaleFactor, member) => {
		// Carol has the longest member view: tier, unused codes, a birthday already received.
		const attrs = member ? `data-customer-token="${await api.token('demo-carol', 'carol@example.com')}"` : '';
		const { page, errors, close } = await openPlain(attrs, { viewport, deviceScaleFactor });
		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		for (const name of PAGES) {
			await page.locator('rewards-widget .panel-nav button', { hasText: name }).click();
			expect(await currentPage(page)).toBe(name);
			await page.locator('rewards-widget .panel-body :is(h3, ul, p)').first().waitFor();
			const report = await dialog(page).evaluate((panel) => {
				const root = panel.getRootNode() as ShadowRoot;
				const body = root.querySelector('.panel-body')!;
				const nav = root.querySelector('.panel-nav')!;
				const frame = panel.getBoundingClientRect();
				const overflow = (el: Element) => ({ x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight });
				// Anything with text or a role to play must sit inside the panel's width; only the
				// body may scroll, and only vertically.
				const clipped = [...panel.querySelectorAll<HTMLElement>('*')]
					.filter(
						(el) => el.getClientRects().length > 0 && (el.childElementCount === 0 || el.matches('button,a,input,select,textarea,[role]')),
					)
					.map((el) => ({ el, rect: el.getBoundingClientRect() }))
					.filter(({ rect }) => rect.left < frame.left - 0.5 || rect.right > frame.right + 0.5)
					.map(
						({ el, rect }) =>
							`${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(rect.left)}..${Math.round(rect.right)}`,
					);
				return {
					inViewport: frame.left >= 0 && frame.top >= 0 && frame.right <= innerWidth && frame.bottom <= innerHeight,
					panel: overflow(panel),
					bodyX: overflow(body).x,
					navX: overflow(nav).x,
					clipped,
				};
			});
			expect(report, `${name} at ${viewport.width}×${viewport.height}`).toEqual({
				inViewport: true,
				panel: { x: 0, y: 0 },
				bodyX: 0,
				navX: 0,
				clipped: [],
			});
		}
		expect(errors).toEqual([]);
		await close();
	});
});

describe('contrast of text on the brand colour', () => {
	/**
	Text on the brand colour with the panel closed (the launcher), then open on every page (title,
	primary buttons and links). `whileClosed: false` skips the first look.
	*/
	const check = async (page: Page, expectedPrimary: string, whileClosed = true) => {
		await launcher(page).waitFor();
		const closed = whileClosed ? await textOnPrimary(page) : { primary: expectedPrimary, onPrimary: [] };
		expect(closed.primary).toBe(expectedPrimary);
		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		const all = [...closed.onPrimary];
		for (const name of PAGES) {
			await page.locator('rewards-widget .panel-nav button', { hasText: name }).click();
			await page.locator('rewards-widget .panel-body :is(h3, ul, p)').first().waitFor();
			const open = await textOnPrimary(page);
			expect(open.primary).toBe(expectedPrimary);
			all.push(...open.onPrimary);
		}
		// The launcher label, the panel title and primary buttons are among them, so the check is
		// never vacuous.
		expect(all.map((t) => t.what)).toEqual(expect.arrayContaining(['span.label', 'h2.panel-title']));
		expect(all.some((t) => /^(button|a)\./.test(t.what))).toBe(true);
		for (const text of all) expect(text.ratio, `${text.what} ${text.color} on ${expectedPrimary}`).toBeGreaterThanOrEqual(4.5);
	};

	it.each([
		['pale yellow', '#fff4b3', 'rgb(255, 244, 179)'],
		['mid grey', '#808080', 'rgb(128, 128, 128)'],
		['near-black', '#111111', 'rgb(17, 17, 17)'],
	])('theme.primary %s %s: launcher label, panel title and buttons reach 4.5:1', async (_, hex, rgb) => {
		// A member, so the Redeem page draws its primary buttons too.
		const token = await api.token('demo-carol', 'carol@example.com');
		const { page, errors, close } = await openPlain(`data-primary="${hex}" data-customer-token="${token}"`);
		await check(page, rgb);
		expect(errors).toEqual([]);
		await close();
	});

	it('a page-CSS override of --rewards-primary on rewards-widget (inline <style>)', async () => {
		fixture.values.BRAND = '<style>rewards-widget { --rewards-primary: #ffd400; }</style>';
		const { page, errors, close } = await openHostile(browser, fixture, 'hostile-brand');
		await check(page, 'rgb(255, 212, 0)');
		expect(errors).toEqual([]);
		await close();
	});

	it('a page-CSS override in a stylesheet that arrives after the async widget has run', async () => {
		fixture.values.BRAND = '<link rel="stylesheet" href="/pages/assets/hostile-brand.css" />';
		const { page, errors, close } = await openHostile(browser, fixture, 'hostile-brand', {
			// A slow CDN: the widget's async script runs while the theme's stylesheet is in flight.
			setup: (p) =>
				p.route('**/hostile-brand.css', async (route) => {
					await new Promise((done) => setTimeout(done, 600));
					await route.fallback();
				}),
		});
		await check(page, 'rgb(255, 212, 0)');
		expect(errors).toEqual([]);
		await close();
	});
	it('a brand colour the page changes at run time is picked up when the panel opens', async () => {
		fixture.values.BRAND = '<style>rewards-widget { --rewards-primary: #111111; }</style>';
		const { page, errors, close } = await openHostile(browser, fixture, 'hostile-brand');
		await launcher(page).waitFor();
		// An SPA route or a theme switch restyles the widget after load: dark to pale yellow.
		await page.evaluate(() =>
			document.head.append(
				Object.assign(document.createElement('style'), { textContent: 'rewards-widget { --rewards-primary: #fff4b3 }' }),
			),
		);
		await check(page, 'rgb(255, 244, 179)', false);
		expect(errors).toEqual([]);
		await close();
	});
});

describe('keyboard only', () => {
	it('opens from the launcher, reaches every page, closes with Escape, focus returns', async () => {
		const { page, errors, close } = await openPlain('');
		await tabToLauncher(page);
		await page.keyboard.press('Enter');
		await dialog(page).waitFor({ state: 'visible' });
		await expect.poll(() => focusedElement(page), POLL).toMatchObject({ tag: 'h2' });
		for (const [i, name] of [...PAGES.slice(1), PAGES[0]].entries()) {
			await tabToText(page, name);
			// Enter and Space both activate the nav buttons.
			await page.keyboard.press(i % 2 ? 'Space' : 'Enter');
			await expect.poll(() => currentPage(page), POLL).toBe(name);
			await expect.poll(() => focusedElement(page), POLL).toMatchObject({ tag: 'button', text: name });
		}
		await page.keyboard.press('Escape');
		await dialog(page).waitFor({ state: 'hidden' });
		await expect.poll(() => focusedElement(page), POLL).toMatchObject({ tag: 'button', className: 'launcher' });
		expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
		expect(errors).toEqual([]);
		await close();
	});
});

describe('screen reader announcements and a keyboard redeem journey (signed-in shopper)', () => {
	/** The live region as assistive technology sees it, from Chromium's accessibility tree. */
	async function liveRegions(page: Page) {
		const cdp = await page.context().newCDPSession(page);
		const { nodes } = await cdp.send('Accessibility.getFullAXTree');
		await cdp.detach();
		return nodes
			.filter((node) => node.properties?.some((p) => p.name === 'live' && p.value.value !== 'off') && node.role?.value === 'status')
			.map((node) => ({ role: node.role?.value, live: node.properties!.find((p) => p.name === 'live')!.value.value }));
	}
	const announced = (page: Page) => page.locator('rewards-widget .panel > [role="status"]').textContent();

	it('redeems by keyboard alone; the balance change and "Copied" are announced politely', async () => {
		const token = await api.token('demo-alice', 'alice@example.com');
		const { page, errors, close } = await openPlain(`data-customer-token="${token}"`, {
			permissions: ['clipboard-read', 'clipboard-write'],
		});
		await tabToLauncher(page);
		await page.keyboard.press('Enter');
		await dialog(page).waitFor({ state: 'visible' });
		// The live region is there, polite, before anything is said in it.
		expect(await liveRegions(page)).toContainEqual({ role: 'status', live: 'polite' });
		await tabToText(page, 'Redeem');
		await page.keyboard.press('Enter');
		await expect.poll(() => currentPage(page), POLL).toBe('Redeem');
		await page.locator('rewards-widget .panel-body button', { hasText: 'Redeem' }).first().waitFor();
		// From the nav, Tab on to the first reward's Redeem button, then confirm on the same button.
		await tabToText(page, 'Redeem');
		expect(
			await page.evaluate(() => document.querySelector('rewards-widget')!.shadowRoot!.activeElement!.closest('.panel-body') !== null),
		).toBe(true);
		await page.keyboard.press('Enter');
		await expect.poll(() => focusedElement(page), POLL).toMatchObject({ tag: 'button', text: 'Confirm' });
		await page.keyboard.press('Enter');
		await expect.poll(() => announced(page), POLL).toMatch(/^Balance: [\d,]+ points/);
		// The issued code has focus (its Redeem button is gone); Tab reaches Copy.
		await tabToText(page, 'Copy');
		await page.keyboard.press('Enter');
		await expect.poll(() => announced(page), POLL).toMatch(/^Copied/);
		const code = await page.locator('rewards-widget .panel-body code').first().textContent();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
		await page.keyboard.press('Escape');
		await dialog(page).waitFor({ state: 'hidden' });
		await expect.poll(() => focusedElement(page), POLL).toMatchObject({ tag: 'button', className: 'launcher' });
		expect(errors).toEqual([]);
		await close();
	});
});
