import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import type { StaticServer } from '../support/static-server';
import { startApi, type Api } from './support/api';
import { startFixture } from './support/fixture';
import { afterFrames, dialog, focusedElement, launcher, openPage } from './support/page';

/*
Issue #15: the panel opens without touching the page. It is a popover layer holding a
role="dialog" aria-modal="true" panel, with its own focus containment, scroll blocking and page
hiding, instead of showModal() (which restyles the whole page inside the click's task). These tests
hold that design to the accessibility contract showModal() gave for free.
*/

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

interface AXNode {
	nodeId: string;
	ignored: boolean;
	role?: { value: string };
	name?: { value: string };
	parentId?: string;
	childIds?: string[];
}

/**
What a screen reader can reach outside the panel: every node of the browser's accessibility tree
that is not ignored, is not the dialog or inside it, and is not one of the dialog's ancestors (the
document itself and the generic boxes around the widget).
*/
async function exposedOutsidePanel(cdp: CDPSession) {
	const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AXNode[] };
	const byId = new Map(nodes.map((node) => [node.nodeId, node]));
	const dialogNode = nodes.find((node) => !node.ignored && node.role?.value === 'dialog');
	const inside = new Set<string>();
	const ancestors = new Set<string>();
	if (dialogNode) {
		const walk = (id: string) => {
			inside.add(id);
			byId.get(id)?.childIds?.forEach(walk);
		};
		walk(dialogNode.nodeId);
		for (let id = dialogNode.parentId; id; id = byId.get(id)?.parentId) ancestors.add(id);
	}
	const exposed = nodes.filter((node) => !node.ignored && !inside.has(node.nodeId) && !ancestors.has(node.nodeId));
	return {
		dialog: !!dialogNode,
		panelNodes: [...inside].filter((id) => !byId.get(id)!.ignored).length,
		exposed: exposed.map((node) => `${node.role?.value ?? '?'} ${JSON.stringify(node.name?.value ?? '')}`),
		links: exposed.filter((node) => node.role?.value === 'link').length,
	};
}

/** Every element of the page outside the widget with an aria-hidden attribute, and its value. */
const ariaHiddenSnapshot = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll('[aria-hidden]')]
			.filter((el) => el.localName !== 'rewards-widget')
			.map((el) => `${el.localName}${el.id ? `#${el.id}` : ''}=${el.getAttribute('aria-hidden')}`),
	);

const focusInPanel = (page: Page) =>
	page.evaluate(() => {
		const active = document.querySelector('rewards-widget')!.shadowRoot!.activeElement;
		return !!active?.closest('[role="dialog"]');
	});

async function openByKeyboard(page: Page) {
	await launcher(page).focus();
	await page.keyboard.press('Enter');
	await dialog(page).waitFor({ state: 'visible' });
	await expect.poll(() => focusedElement(page)).toMatchObject({ tag: 'h2' });
}

describe('opening without touching the page', () => {
	it('while open, a screen reader reaches only the panel (CDP Accessibility.getFullAXTree); closing restores every aria-hidden exactly', async () => {
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/busy-page.html`);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Accessibility.enable');
		await launcher(page).waitFor();
		const before = await ariaHiddenSnapshot(page);
		expect(before).toEqual(['nav#menu=false', 'div#promo=true']);
		const closed = await exposedOutsidePanel(cdp);
		expect(closed.dialog).toBe(false);
		expect(closed.links).toBeGreaterThanOrEqual(61);

		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		// Page hiding comes after the panel's first paint.
		await expect.poll(async () => (await exposedOutsidePanel(cdp)).exposed, { timeout: 5000 }).toEqual([]);
		const open = await exposedOutsidePanel(cdp);
		expect(open.dialog).toBe(true);
		expect(open.panelNodes).toBeGreaterThan(10);
		// Nothing of the page's own styles changed (no overflow on <html>, no inert).
		expect(await page.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style')])).toEqual([
			null,
			null,
		]);
		expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);

		// An SPA adds a top-level element and re-renders another while the panel is open.
		await page.evaluate(() => {
			document.body.insertAdjacentHTML('afterbegin', '<div id="late-banner"><a href="#sale">Late sale</a></div>');
			const fresh = document.createElement('main');
			fresh.id = 'products';
			fresh.innerHTML = '<h1>Products again</h1><a href="#again">Again</a>';
			document.getElementById('products')!.replaceWith(fresh);
		});
		await expect.poll(async () => (await exposedOutsidePanel(cdp)).exposed).toEqual([]);

		await page.keyboard.press('Escape');
		await dialog(page).waitFor({ state: 'hidden' });
		expect(await ariaHiddenSnapshot(page)).toEqual(before);
		const after = await exposedOutsidePanel(cdp);
		expect(after.dialog).toBe(false);
		expect(after.links).toBeGreaterThanOrEqual(3);
		expect(errors).toEqual([]);
		await close();
	});

	it('Shift+Tab from the focused title wraps to the last control; Tab from the last wraps to the first', async () => {
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/plain.html`);
		await launcher(page).waitFor();
		await openByKeyboard(page);
		await page.keyboard.press('Shift+Tab');
		expect(await focusInPanel(page)).toBe(true);
		const last = await focusedElement(page);
		expect(last).not.toMatchObject({ tag: 'h2' });
		await page.keyboard.press('Tab');
		expect(await focusedElement(page)).toMatchObject({ label: 'Close rewards' });
		await page.keyboard.press('Shift+Tab');
		expect(await focusedElement(page)).toEqual(last);
		expect(errors).toEqual([]);
		await close();
	});

	it('the page behind does not scroll by wheel, touch or keys, while the panel body still scrolls', async () => {
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/plain.html`, { viewport: { width: 1280, height: 520 } });
		await launcher(page).waitFor();
		await openByKeyboard(page);
		await page.locator('rewards-widget .panel-nav button', { hasText: 'Earn' }).click();
		await page.locator('rewards-widget .panel-body :is(h3, ul, p)').first().waitFor();
		await page.locator('rewards-widget .panel-title').focus();
		// Over the backdrop, then over the panel.
		await page.mouse.move(200, 200);
		await page.mouse.wheel(0, 600);
		const body = page.locator('rewards-widget .panel-body');
		const box = (await body.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 400);
		for (const key of ['PageDown', 'End', 'Space', 'ArrowDown']) await page.keyboard.press(key);
		await page.waitForTimeout(200);
		expect(await page.evaluate(() => scrollY)).toBe(0);
		const scrollable = await body.evaluate((el) => el.scrollHeight > el.clientHeight);
		expect(scrollable).toBe(true);
		expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
		// From a control inside the body, scrolling keys scroll the body (and still never the page).
		await body.evaluate((el) => (el.scrollTop = 0));
		await body.locator('a, button').first().focus();
		for (const key of ['PageDown', 'ArrowDown']) await page.keyboard.press(key);
		await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
		await page.keyboard.press('End');
		await page.keyboard.press('PageDown');
		await afterFrames(page);
		expect(await page.evaluate(() => scrollY)).toBe(0);

		await page.keyboard.press('Escape');
		await dialog(page).waitFor({ state: 'hidden' });
		await page.mouse.wheel(0, 600);
		await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		await close();
	});

	it('is rendered, hidden, on intent: the click only reveals it', async () => {
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/plain.html`);
		await launcher(page).hover();
		await page.locator('rewards-widget .panel-body :is(h3, ul, p)').first().waitFor({ state: 'attached' });
		expect(await dialog(page).isVisible()).toBe(false);
		// A screen reader does not meet the hidden panel.
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Accessibility.enable');
		expect((await exposedOutsidePanel(cdp)).dialog).toBe(false);
		const nodes = () => page.evaluate(() => document.querySelector('rewards-widget')!.shadowRoot!.querySelectorAll('*').length);
		const rendered = await nodes();
		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		expect(await nodes()).toBe(rendered);
		expect(errors).toEqual([]);
		await close();
	});
});
