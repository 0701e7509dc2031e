import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import type { StaticServer } from '../support/static-server';
import { startFixture } from './support/fixture';
import { afterFrames, dialog, focusedElement, launcher, openPage } from './support/page';
import { startApi, type Api } from './support/api';

let browser: Browser;
let api: Api;
let fixture: StaticServer;

beforeAll(async () => {
	api = await startApi();
	fixture = await startFixture({ api: api.url, values: { ATTRS: '' } });
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await fixture?.close();
	await api?.close();
});

describe('script-tag install', () => {
	it('shows one launcher bottom-right in a shadow root, with no global but Rewards', async () => {
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/plain.html`);
		await launcher(page).waitFor();
		const box = (await launcher(page).boundingBox())!;
		const viewport = page.viewportSize()!;
		expect(viewport.width - (box.x + box.width)).toBeCloseTo(20, 0);
		expect(viewport.height - (box.y + box.height)).toBeCloseTo(20, 0);
		const state = await page.evaluate(() => ({
			hosts: document.querySelectorAll('rewards-widget').length,
			mode: document.querySelector('rewards-widget')!.shadowRoot ? 'open' : 'closed',
			rewards: typeof (window as unknown as { Rewards: unknown }).Rewards,
			define: typeof (window as unknown as { define: unknown }).define,
			// Only our global may be added: compare against a pristine iframe's window.
			extraGlobals: (() => {
				const frame = document.createElement('iframe');
				document.body.append(frame);
				const pristine = new Set(Object.getOwnPropertyNames(frame.contentWindow!));
				frame.remove();
				return Object.getOwnPropertyNames(window).filter((name) => !pristine.has(name));
			})(),
		}));
		expect(state).toMatchObject({ hosts: 1, mode: 'open', rewards: 'function', define: 'undefined' });
		expect(state.extraGlobals).toEqual(['Rewards']);
		// The panel chunk is not fetched until there is intent.
		const scripts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((e) => e.name)
				.filter((n) => n.includes('rewards-panel')),
		);
		expect(scripts).toEqual([]);
		expect(errors).toEqual([]);
		await close();
	});

	it('replays the snippet stub queue: init first, then on/open in order', async () => {
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/stub.html`);
		await dialog(page).waitFor({ state: 'visible' });
		const events = await page.evaluate(() => (window as unknown as { events: string[] }).events);
		expect(events).toEqual(['ready', 'open:earn']);
		const box = (await launcher(page).boundingBox())!;
		expect(box.x).toBeCloseTo(20, 0);
		expect(errors).toEqual([]);
		await close();
	});

	it('warns once and mounts one launcher when the tag is included twice', async () => {
		const { page, errors, warnings, close } = await openPage(browser, `${fixture.url}/pages/double.html`);
		await launcher(page).waitFor();
		// The second tag has run once it has warned; then there is still one launcher.
		await expect.poll(() => warnings.filter((w) => w.includes('included more than once')).length).toBe(1);
		await afterFrames(page);
		expect(await page.locator('rewards-widget').count()).toBe(1);
		expect(warnings.filter((w) => w.includes('included more than once'))).toHaveLength(1);
		expect(errors).toEqual([]);
		await close();
	});
});

describe('panel dialog', () => {
	it('opens and closes by keyboard only: focus moves in, Tab wraps, Escape closes, focus returns', async () => {
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/plain.html`);
		await launcher(page).waitFor();
		await page.keyboard.press('Tab'); // the page's own link
		await page.keyboard.press('Tab'); // the page's button
		await page.keyboard.press('Tab'); // our launcher, last in the document
		expect(await focusedElement(page)).toMatchObject({ tag: 'button', className: 'launcher' });
		await page.keyboard.press('Enter');
		await dialog(page).waitFor({ state: 'visible' });
		expect(await dialog(page).getAttribute('aria-modal')).toBe('true');
		expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
		expect(await focusedElement(page)).toMatchObject({ tag: 'h2' });
		const labelledBy = await dialog(page).getAttribute('aria-labelledby');
		expect(await page.locator(`rewards-widget #${labelledBy}`).textContent()).toBe('Rewards');

		// Tab through every control and check that it wraps back to the first one.
		await page.keyboard.press('Tab');
		const first = await focusedElement(page);
		expect(first).toMatchObject({ label: 'Close rewards' });
		const seen = [first];
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Tab');
			const now = await focusedElement(page);
			if (now?.label === 'Close rewards') break;
			seen.push(now);
		}
		expect(await focusedElement(page)).toMatchObject({ label: 'Close rewards' });
		expect(seen.length).toBeGreaterThan(2);
		await page.keyboard.press('Shift+Tab');
		expect(await focusedElement(page)).toEqual(seen[seen.length - 1]);

		// The page behind does not scroll while the dialog is open.
		await page.mouse.wheel(0, 800);
		await afterFrames(page);
		expect(await page.evaluate(() => window.scrollY)).toBe(0);

		await page.keyboard.press('Escape');
		await dialog(page).waitFor({ state: 'hidden' });
		expect(await focusedElement(page)).toMatchObject({ tag: 'button', className: 'launcher' });
		expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
		expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
		expect(errors).toEqual([]);
		await close();
	});

	it.each([
		['?rewards=redeem', 'Redeem'],
		['#rewards-activity', 'Activity'],
	])('deep link %s opens that page', async (suffix, tab) => {
		const { page, close } = await openPage(browser, `${fixture.url}/pages/plain.html${suffix}`);
		await dialog(page).waitFor({ state: 'visible' });
		expect(await page.locator('rewards-widget .panel-nav [aria-current="page"]').textContent()).toBe(tab);
		await close();
	});

	it('Rewards.open(page) and the hash change open pages too', async () => {
		const { page, close } = await openPage(browser, `${fixture.url}/pages/plain.html`);
		await launcher(page).waitFor();
		await page.evaluate(() => (window as unknown as { Rewards: { open(p: string): void } }).Rewards.open('refer'));
		await dialog(page).waitFor({ state: 'visible' });
		expect(await page.locator('rewards-widget .panel-nav [aria-current="page"]').textContent()).toBe('Refer');
		await page.keyboard.press('Escape');
		await page.evaluate(() => (location.hash = '#rewards-earn'));
		await dialog(page).waitFor({ state: 'visible' });
		expect(await page.locator('rewards-widget .panel-nav [aria-current="page"]').textContent()).toBe('Earn');
		await close();
	});

	it('goes full-screen on a 375×667 phone, without animation when reduced motion is preferred', async () => {
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/plain.html`, {
			viewport: { width: 375, height: 667 },
			isMobile: true,
			hasTouch: true,
			reducedMotion: 'reduce',
		});
		await launcher(page).waitFor();
		const button = (await launcher(page).boundingBox())!;
		expect(button.width).toBeGreaterThanOrEqual(44);
		await launcher(page).tap();
		await dialog(page).waitFor({ state: 'visible' });
		expect(await dialog(page).evaluate((el) => el.getAnimations().length)).toBe(0);
		const box = (await dialog(page).boundingBox())!;
		expect(box).toEqual({ x: 0, y: 0, width: 375, height: 667 });
		const overflow = await page.locator('rewards-widget .panel-body').evaluate((el) => el.scrollWidth - el.clientWidth);
		expect(overflow).toBe(0);
		expect(errors).toEqual([]);
		await close();
	});
});

describe('destroy()', () => {
	it('removes every node and listener it added, across init/destroy cycles', async () => {
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/plain.html`);
		await launcher(page).waitFor();
		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		type Rewards = { destroy(): void; init(o: object): void; open(): void };
		const destroyed = await page.evaluate(() => {
			(window as unknown as { Rewards: Rewards }).Rewards.destroy();
			return { hosts: document.querySelectorAll('rewards-widget').length, overflow: document.documentElement.style.overflow };
		});
		expect(destroyed).toEqual({ hosts: 0, overflow: '' });

		// Listeners on window and document, counted by the DevTools protocol; nodes by the DOM.
		const cdp = await page.context().newCDPSession(page);
		const footprint = async () => {
			let listeners = 0;
			for (const expression of ['window', 'document']) {
				const { result } = await cdp.send('Runtime.evaluate', { expression });
				listeners += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })).listeners.length;
			}
			return { listeners, nodes: await page.evaluate(() => document.getElementsByTagName('*').length) };
		};
		const before = await footprint();
		await page.evaluate(async () => {
			const rewards = (window as unknown as { Rewards: Rewards }).Rewards;
			const api = document.querySelector('script[data-api]')!.getAttribute('data-api')!;
			for (let i = 0; i < 5; i++) {
				rewards.init({ store: 'pk_demo', api });
				rewards.open();
				await new Promise((resolve) => setTimeout(resolve, 50));
				rewards.destroy();
			}
		});
		expect(await footprint()).toEqual(before);
		expect(errors).toEqual([]);
		await close();
	});
});
