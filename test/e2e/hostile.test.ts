import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startFixture, type Fixture } from './support/fixture';
import { startRewardsApi, type RewardsApi } from './support/rewards-api';
import {
	POLL,
	currentPage,
	hitAt,
	hitAtCentre,
	intersects,
	keyboardRoundTrip,
	launcherMetrics,
	listenerCounter,
	openHostile,
	probeStyles,
	type HostileVisit,
} from './support/hostile';
import { afterFrames, dialog, focusedElement, launcher, openPage } from './support/page';

/*
Issue #6, hostile storefronts: for each page, the launcher shows where configured and takes a
click, the panel works by keyboard, the page's own elements keep their computed styles, and the
page's console gets no error it would not have had without the widget.
*/

const NONCE = 'e2e-hostile-nonce-4f9c1a';
// 'self' for the page, the widget and its panel chunk; the nonce for inline code; no unsafe-*.
// connect-src allows the local API on any port (the test server's port is only known later).
const CSP = `default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self' 'nonce-${NONCE}'; connect-src 'self' http://127.0.0.1:*; img-src 'self'; base-uri 'none'; object-src 'none'`;

let browser: Browser;
let api: RewardsApi;
let fixture: Fixture;
let cspFixture: Fixture;

beforeAll(async () => {
	// Pages first: the API's CORS list needs their origins; pages read values.API per request.
	fixture = await startFixture({ values: { PREACT_UMD: readFileSync('node_modules/preact/dist/preact.min.umd.js', 'utf8') } });
	cspFixture = await startFixture({ values: { NONCE }, headers: { 'content-security-policy': CSP } });
	[api, browser] = await Promise.all([startRewardsApi([fixture.url, cspFixture.url]), launchChromium()]);
	fixture.values.API = cspFixture.values.API = api.url;
});

afterAll(async () => {
	await browser?.close();
	await fixture?.close();
	await cspFixture?.close();
	await api?.close();
});

interface Baseline {
	styles: Record<string, Record<string, string>>;
	errors: string[];
}

/** The page on its own: its probes' computed styles and whatever it logs by itself. */
async function baseline(name: string, visit: HostileVisit = {}, on: Fixture = fixture): Promise<Baseline> {
	const bare = await openHostile(browser, on, name, { ...visit, widget: false });
	await afterFrames(bare.page);
	const result = { styles: await probeStyles(bare.page), errors: [...bare.errors] };
	await bare.close();
	return result;
}

/**
The checks every hostile page shares: launcher in its corner and on top at its centre, a click
opens the panel, probes unchanged after mount and with the panel open, keyboard round trip.
*/
async function exerciseWidget(
	page: Page,
	before: Baseline,
	corner: { right?: number; left?: number; bottom: number } = { right: 20, bottom: 20 },
) {
	await launcher(page).waitFor();
	// A pointer left over the launcher by an earlier click lifts it 2px on hover: move it away.
	await page.mouse.move(0, 0);
	await launcher(page).evaluate((button) => Promise.all(button.getAnimations().map((animation) => animation.finished)));
	expect(await probeStyles(page), 'page styles after the widget mounted').toEqual(before.styles);
	const box = (await launcher(page).boundingBox())!;
	const viewport = page.viewportSize()!;
	if (corner.right !== undefined) expect(viewport.width - (box.x + box.width)).toBeCloseTo(corner.right, 0);
	if (corner.left !== undefined) expect(box.x).toBeCloseTo(corner.left, 0);
	expect(viewport.height - (box.y + box.height)).toBeCloseTo(corner.bottom, 0);
	expect(box.height).toBeGreaterThanOrEqual(44);
	expect(await hitAtCentre(page, launcher(page))).toBe('rewards-widget');

	// Playwright's click checks the element is visible, stable and receives the pointer there.
	await launcher(page).click();
	await dialog(page).waitFor({ state: 'visible' });
	expect(await page.locator('rewards-widget .panel-nav button').count()).toBe(5);
	expect(await probeStyles(page), 'page styles with the panel open').toEqual(before.styles);
	await page.keyboard.press('Escape');
	await dialog(page).waitFor({ state: 'hidden' });

	await keyboardRoundTrip(page);
	expect(await probeStyles(page), 'page styles after closing').toEqual(before.styles);
}

describe('hostile storefronts', () => {
	it('aggressive global CSS (preflight, reboot, !important rules) changes neither the page nor the launcher', async () => {
		const before = await baseline('hostile-css');
		expect(before.errors).toHaveLength(1); // the theme's own lazy-load error

		const plain = await openPage(browser, `${fixture.url}/pages/plain.html`);
		await launcher(plain.page).waitFor();
		const plainLauncher = await launcherMetrics(plain.page);
		await plain.close();

		const { page, errors, close } = await openHostile(browser, fixture, 'hostile-css');
		await launcher(page).waitFor();
		expect(await launcherMetrics(page)).toEqual(plainLauncher);
		await exerciseWidget(page, before);
		// The panel's text keeps its own size and rhythm, not the page's 22px / line-height 3.
		await launcher(page).click();
		const title = await page
			.locator('rewards-widget .panel-title')
			.evaluate((el) => ({ fontSize: getComputedStyle(el).fontSize, lineHeight: getComputedStyle(el).lineHeight }));
		expect(title).toEqual({ fontSize: '18px', lineHeight: '23.4px' });
		expect(errors).toEqual(before.errors);
		await close();
	});

	it.each([
		['transform', 'body { transform: translateZ(0); }'],
		['filter', 'body { filter: saturate(1.1); }'],
		['will-change', 'body { will-change: transform; }'],
		['contain', 'body { contain: paint; }'],
	])('a <body> with %s (a containing block for fixed elements) still gets a viewport-fixed launcher', async (_, css) => {
		fixture.values.BODY_CSS = css;
		const { page, errors, close } = await openHostile(browser, fixture, 'hostile-trap');
		await launcher(page).waitFor();
		// The host moved out of the trapping body, and the launcher stays put when the page scrolls.
		expect(await page.evaluate(() => document.querySelector('rewards-widget')!.parentElement!.tagName)).toBe('HTML');
		await page.mouse.wheel(0, 1500);
		await expect.poll(() => page.evaluate(() => scrollY), POLL).toBeGreaterThan(1000);
		const box = (await launcher(page).boundingBox())!;
		const viewport = page.viewportSize()!;
		expect([viewport.width - (box.x + box.width), viewport.height - (box.y + box.height)].map(Math.round)).toEqual([20, 20]);
		expect(await hitAtCentre(page, launcher(page))).toBe('rewards-widget');
		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		await page.keyboard.press('Escape');
		await dialog(page).waitFor({ state: 'hidden' });
		expect(errors).toEqual([]);
		await close();
	});

	it('RequireJS page (define.amd): the widget never calls define, no anonymous-define mismatch', async () => {
		const before = await baseline('hostile-amd');
		const { page, errors, close } = await openHostile(browser, fixture, 'hostile-amd');
		await exerciseWidget(page, before);
		const amd = await page.evaluate(
			() => (window as unknown as { amdLog: { defines: unknown[]; mismatches: unknown[]; loaded: string[] } }).amdLog,
		);
		// The only define() is the page's own module, loaded by its loader.
		expect(amd.defines).toEqual([{ name: null, script: `${fixture.url}/pages/assets/hostile-amd-module.js` }]);
		expect(amd.mismatches).toEqual([]);
		expect(await page.locator('#amd-status').textContent()).toBe('cart module loaded');
		expect(await page.evaluate(() => typeof (window as unknown as { Rewards: unknown }).Rewards)).toBe('function');
		expect(errors).toEqual(before.errors);
		await close();
	});

	it('old-library patches (Array#toJSON, wrapped fetch, replaced Promise): the widget still works', async () => {
		const before = await baseline('hostile-legacy');
		const { page, errors, close } = await openHostile(browser, fixture, 'hostile-legacy');
		await exerciseWidget(page, before);
		// The patches are still in place: the widget neither removed nor replaced them.
		const patched = await page.evaluate(() => ({
			polyfill: (Promise as unknown as { isPolyfill?: boolean }).isPolyfill === true,
			doubleEncodes: JSON.stringify({ a: [1] }),
			fetchWrapped: !/native code/.test(String(window.fetch)),
		}));
		expect(patched).toEqual({ polyfill: true, doubleEncodes: '{"a":"[1]"}', fetchWrapped: true });
		// Opening the panel queued engagement events; their batch went out through the page's
		// wrapped fetch with the array intact (Array#toJSON would make it a string), and was taken.
		type Logged = { url: string; method: string; body: string | null; status?: number };
		const batch = async () =>
			(await page.evaluate(() => (window as unknown as { fetchLog: Logged[] }).fetchLog)).find(
				(call) => call.url.endsWith('/events') && call.body,
			);
		await expect.poll(batch, POLL).toBeTruthy();
		const sent = JSON.parse((await batch())!.body!) as { events: unknown };
		expect(Array.isArray(sent.events)).toBe(true);
		expect(sent.events).toContainEqual(expect.objectContaining({ type: 'launcher_open' }));
		expect(errors).toEqual(before.errors);
		await close();
	});

	it('strict CSP with a nonce (data-nonce): styles apply, no violation, no console error', async () => {
		const recordViolations = async (page: Page) => {
			await page.addInitScript(() => {
				const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
				// Violations in the shadow root are composed, so the document hears them too.
				document.addEventListener(
					'securitypolicyviolation',
					(event) => seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`),
					true,
				);
			});
		};
		const before = await baseline('hostile-csp', { setup: recordViolations }, cspFixture);
		const { page, errors, close } = await openHostile(browser, cspFixture, 'hostile-csp', {
			attrs: `data-nonce="${NONCE}"`,
			setup: recordViolations,
		});
		await exerciseWidget(page, before);
		// The styles really are in effect (a blocked sheet would leave an unstyled button).
		const styled = await launcher(page).evaluate((button) => {
			const root = button.getRootNode() as ShadowRoot;
			const sheets = [...root.querySelectorAll('style')];
			return {
				position: getComputedStyle(button).position,
				radius: getComputedStyle(button).borderRadius,
				styleElements: sheets.length > 0,
				nonced: sheets.every((s) => s.nonce),
				adopted: root.adoptedStyleSheets.length,
			};
		});
		// With a nonce the sheets are <style nonce> elements, not constructable sheets.
		expect(styled).toEqual({ position: 'fixed', radius: '99px', styleElements: true, nonced: true, adopted: 0 });
		const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
		expect(await violations()).toEqual([]);
		expect(errors).toEqual(before.errors);
		// The recorder does hear violations: an inline style without the nonce is one.
		await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'p{color:red}' })));
		await expect.poll(violations, POLL).toHaveLength(1);
		await close();
	});

	it('strict CSP, nonce only on the script tag (no data-nonce): the widget takes it from there', async () => {
		const { page, errors, close } = await openHostile(browser, cspFixture, 'hostile-csp', { attrs: `nonce="${NONCE}"` });
		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		const sheets = await launcher(page).evaluate((button) =>
			[...(button.getRootNode() as ShadowRoot).querySelectorAll('style')].map((s) => s.nonce),
		);
		expect(sheets.length).toBeGreaterThan(0);
		expect(new Set(sheets)).toEqual(new Set([NONCE]));
		expect(errors).toEqual([]);
		await close();
	});

	it("the page's own Preact and a React global are neither used nor clobbered", async () => {
		const before = await baseline('hostile-globals');
		const { page, errors, close } = await openHostile(browser, fixture, 'hostile-globals');
		await launcher(page).waitFor();
		const pageState = () =>
			page.evaluate(() => {
				const w = window as unknown as {
					preact: { options: Record<string, unknown> };
					pagePreact: unknown;
					pageOptionsHook: unknown;
					pageLog: Record<string, number>;
					React: { version: string };
				};
				return {
					same: w.preact === w.pagePreact,
					hook: w.preact.options.vnode === w.pageOptionsHook,
					optionKeys: Object.keys(w.preact.options).sort(),
					log: { ...w.pageLog },
					react: w.React.version,
				};
			});
		const start = await pageState();
		await exerciseWidget(page, before);
		// Open again and visit every page, so the panel renders plenty of vnodes.
		await launcher(page).click();
		for (const name of ['Earn', 'Redeem', 'Refer', 'Activity', 'Home']) {
			await page.locator('rewards-widget .panel-nav button', { hasText: name }).click();
			expect(await currentPage(page)).toBe(name);
		}
		await page.keyboard.press('Escape');
		// None of the widget's rendering went through the page's Preact, React or devtools hook.
		expect(await pageState()).toEqual(start);
		// The page's own Preact app still works.
		await page.locator('#cart-add').click();
		expect(await page.locator('#cart-add').textContent()).toBe('Items in cart: 1');
		const after = await pageState();
		expect(after.log.renders).toBe(start.log.renders + 1);
		expect(after.log).toMatchObject({ reactCalls: 0, devtools: 0 });
		expect(errors).toEqual(before.errors);
		await close();
	});

	describe('sticky add-to-cart bar and max-z-index chat bubble in the same corner', () => {
		const boxes = async (page: Page) => ({
			launcher: (await launcher(page).boundingBox())!,
			bar: (await page.locator('#cart-bar').boundingBox())!,
			bubble: (await page.locator('#chat-bubble').boundingBox())!,
		});

		it('with default options they overlap: the bubble covers the launcher', async () => {
			const { page, close } = await openHostile(browser, fixture, 'hostile-corner');
			await launcher(page).waitFor();
			const b = await boxes(page);
			expect(intersects(b.launcher, b.bar)).toBe(true);
			expect(intersects(b.launcher, b.bubble)).toBe(true);
			// At the centre of their overlap (inside the round bubble), the bubble is on top.
			const left = Math.max(b.launcher.x, b.bubble.x);
			const top = Math.max(b.launcher.y, b.bubble.y);
			const x = (left + Math.min(b.launcher.x + b.launcher.width, b.bubble.x + b.bubble.width)) / 2;
			const y = (top + Math.min(b.launcher.y + b.launcher.height, b.bubble.y + b.bubble.height)) / 2;
			expect(await hitAt(page, x, y)).toBe('button#chat-bubble');
			await close();
		});

		it('offset { y: 90 } and zIndex clear both: no intersection, the launcher is hit at its centre', async () => {
			const before = await baseline('hostile-corner');
			const { page, errors, close } = await openHostile(browser, fixture, 'hostile-corner', {
				attrs: 'data-offset-y="90" data-z-index="2147483647"',
			});
			await exerciseWidget(page, before, { right: 20, bottom: 90 });
			const b = await boxes(page);
			expect(intersects(b.launcher, b.bar)).toBe(false);
			expect(intersects(b.launcher, b.bubble)).toBe(false);
			expect(await hitAtCentre(page, launcher(page))).toBe('rewards-widget');
			// The page's own controls stay reachable where they were.
			expect(await hitAtCentre(page, page.locator('#chat-bubble'))).toBe('button#chat-bubble');
			expect(await hitAtCentre(page, page.locator('#add-to-cart'))).toBe('button#add-to-cart');
			expect(errors).toEqual(before.errors);
			await close();
		});

		it('zIndex decides the stacking against the bar: below it the launcher is covered', async () => {
			const { page, close } = await openHostile(browser, fixture, 'hostile-corner', {
				attrs: 'data-position="bottom-left" data-z-index="10"',
			});
			await launcher(page).waitFor();
			expect(await hitAtCentre(page, launcher(page))).toBe('div#cart-bar');
			await page.evaluate(() => (window as unknown as { Rewards: { init(o: object): void } }).Rewards.init({ zIndex: 2000 }));
			expect(await hitAtCentre(page, launcher(page))).toBe('rewards-widget');
			await close();
		});
	});

	describe('single-page app', () => {
		const hosts = (page: Page) =>
			page.evaluate(() => {
				const all = [...document.querySelectorAll('rewards-widget')];
				return {
					count: all.length,
					same: all[0] === (window as unknown as { firstHost: Element }).firstHost,
					inBody: all[0]?.parentElement === document.body,
				};
			});

		it('survives pushState navigation, body content replaced and the body element replaced', async () => {
			const before = await baseline('hostile-spa');
			const { page, errors, close } = await openHostile(browser, fixture, 'hostile-spa');
			await launcher(page).waitFor();
			await page.evaluate(() => ((window as unknown as { firstHost: Element }).firstHost = document.querySelector('rewards-widget')!));
			type Router = { push(path: string, html: string): void; replaceBodyContent(html: string): void; replaceBody(html: string): void };
			const router = (call: (r: Router) => void) => page.evaluate(`(${call.toString()})(window.router)`);

			await router((r) => r.push('/pages/hostile-spa.html?product=1', '<h1 data-probe="h1">Product</h1>'));
			expect(await hosts(page)).toEqual({ count: 1, same: true, inBody: true });

			await router((r) =>
				r.replaceBodyContent('<main id="view"><h1 data-probe="h1">Cart</h1><a href="#top" id="home-link">Home</a></main>'),
			);
			await expect.poll(() => hosts(page), POLL).toEqual({ count: 1, same: true, inBody: true });
			await exerciseWidget(page, before);

			await router((r) => r.replaceBody('<main id="view"><h1 data-probe="h1">Checkout</h1><a href="#top" id="home-link">Home</a></main>'));
			await expect.poll(() => hosts(page), POLL).toEqual({ count: 1, same: true, inBody: true });
			await exerciseWidget(page, before);
			expect(errors).toEqual(before.errors);
			await close();
		});

		it('an SPA that swaps the body while the panel is open gets the panel back as a modal', async () => {
			const { page, errors, close } = await openHostile(browser, fixture, 'hostile-spa');
			await launcher(page).click();
			await dialog(page).waitFor({ state: 'visible' });
			/*
			What makes the panel modal without showModal() (see src/ui/Dialog.tsx): its layer is in the top
			layer (above any z-index of the page) and, open, covers the viewport and takes the pointer;
			focus is inside the dialog; every element of the page is hidden from assistive technology.
			*/
			const state = () =>
				page.evaluate(() => {
					const host = document.querySelector('rewards-widget')!;
					const root = host.shadowRoot!;
					const layer = root.querySelector('.panel-layer')!;
					const panel = root.querySelector('[role="dialog"]')!;
					const pageElements = [...document.body.children].filter((element) => element !== host && element.localName !== 'script');
					return {
						open: panel.checkVisibility({ visibilityProperty: true }),
						topLayer: layer.matches(':popover-open'),
						// A corner of the viewport, outside the panel: the backdrop's, not the page's.
						pointer: document.elementFromPoint(2, 2) === host,
						focusInside: panel.contains(root.activeElement),
						pageHidden: pageElements.length > 0 && pageElements.every((element) => element.getAttribute('aria-hidden') === 'true'),
					};
				});
			const modal = { open: true, topLayer: true, pointer: true, focusInside: true, pageHidden: true };
			// Page hiding comes after the panel's first paint.
			await expect.poll(state, POLL).toEqual(modal);
			/** The page behind does not scroll: a wheel over the backdrop, then a scrolling key. */
			const pageScrolls = async () => {
				await page.mouse.move(2, 300);
				await page.mouse.wheel(0, 800);
				await page.keyboard.press('PageDown');
				await afterFrames(page);
				return page.evaluate(() => scrollY > 0);
			};
			// A tall page, so that it could scroll: a route change re-renders the body under the open
			// panel, then replaces the body element itself.
			const tall = (title: string) => `<main style="height: 4000px"><h1>${title}</h1><a href="#top">Top</a></main>`;
			await page.evaluate(
				(html) => (window as unknown as { router: { replaceBodyContent(html: string): void } }).router.replaceBodyContent(html),
				tall('Cart'),
			);
			await expect.poll(state, POLL).toEqual(modal);
			expect(await pageScrolls()).toBe(false);
			await page.evaluate(
				(html) => (window as unknown as { router: { replaceBody(html: string): void } }).router.replaceBody(html),
				tall('Checkout'),
			);
			await expect.poll(state, POLL).toEqual(modal);
			expect(await pageScrolls()).toBe(false);
			// Still a working modal: Escape closes, focus returns, the page is exposed and scrolls again.
			await page.keyboard.press('Escape');
			await dialog(page).waitFor({ state: 'hidden' });
			await expect.poll(() => focusedElement(page), POLL).toMatchObject({ tag: 'button', className: 'launcher' });
			expect(await state()).toEqual({ open: false, topLayer: true, pointer: false, focusInside: false, pageHidden: false });
			expect(await pageScrolls()).toBe(true);
			expect(errors).toEqual([]);
			await close();
		});

		it('destroy() and init() cycles across navigations leak no nodes or listeners, and a destroyed widget stays gone', async () => {
			const { page, errors, close } = await openHostile(browser, fixture, 'hostile-spa');
			await launcher(page).waitFor();
			await launcher(page).click();
			await dialog(page).waitFor({ state: 'visible' });
			const countListeners = await listenerCounter(page);
			const cycle = () =>
				page.evaluate(async () => {
					type R = { destroy(): void; init(o: object): void; open(): void };
					const w = window as unknown as { Rewards: R; router: { replaceBody(html: string): void } };
					const api =
						document.querySelector('script[data-api]')?.getAttribute('data-api') ?? (window as unknown as { apiBase: string }).apiBase;
					(window as unknown as { apiBase: string }).apiBase = api;
					w.Rewards.destroy();
					const nodes = () => document.getElementsByTagName('*').length;
					const afterDestroy = nodes();
					for (let i = 0; i < 5; i++) {
						w.Rewards.init({ store: 'pk_demo', api });
						w.Rewards.open();
						await new Promise((r) => setTimeout(r, 40));
						// The new body is the old markup without our host (the router re-renders the app).
						const markup = document.body.cloneNode(true) as HTMLElement;
						markup.querySelectorAll('rewards-widget').forEach((host) => host.remove());
						w.router.replaceBody(markup.innerHTML);
						await new Promise((r) => setTimeout(r, 20));
						w.Rewards.destroy();
					}
					return {
						afterDestroy,
						afterCycles: nodes(),
						hosts: document.querySelectorAll('rewards-widget').length,
						overflow: document.documentElement.style.overflow,
					};
				});
			const first = await cycle();
			const listeners = await countListeners();
			const second = await cycle();
			expect(second.afterCycles).toBe(second.afterDestroy);
			expect({ hosts: second.hosts, overflow: second.overflow }).toEqual({ hosts: 0, overflow: '' });
			expect(first.hosts).toBe(0);
			expect(await countListeners()).toBe(listeners);
			// Once destroyed, the body-watching observer is gone: a new body does not bring it back.
			await page.evaluate(() => (window as unknown as { router: { replaceBody(html: string): void } }).router.replaceBody('<p>after</p>'));
			await afterFrames(page);
			expect(await page.locator('rewards-widget').count()).toBe(0);
			expect(errors).toEqual([]);
			await close();
		});
	});
});
