import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../server/support/harness';
import { startFixture, type Fixture } from './support/fixture';
import { afterFrames, launcher, openPage } from './support/page';

/*
The top of the merchant's funnel on a real shop: the launcher itself counts `launcher_shown` (the
console's program health reads it), once per browser session, with a beacon when the page is idle,
for guests too and without loading the panel. A plain-text beacon needs no CORS preflight.
*/

let browser: Browser;
let fixture: Fixture;
let server: TestServer;

beforeAll(async () => {
	fixture = await startFixture();
	[server, browser] = await Promise.all([startTestServer({ allowedOrigins: [fixture.url] }), launchChromium()]);
	fixture.values.API = server.url;
});

afterAll(async () => {
	await browser?.close();
	await fixture?.close();
	await server?.close();
});

const shown = async () =>
	Number((await server.query<{ count: string }>(`select count(*) as count from events where type = 'launcher_shown'`))[0].count);

/** The page's requests to the events endpoint, and any preflight. */
function watchEvents(page: Page) {
	const requests: Request[] = [];
	page.on('request', (request) => {
		if (request.url().includes('/events')) requests.push(request);
	});
	return requests;
}

/** Resolves once the page has been idle after its load: a beacon queued for idle time has been sent by then. */
const afterIdle = (page: Page) =>
	page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => setTimeout(done, 50), { timeout: 5000 })));

describe('launcher_shown', () => {
	it('a guest: one beacon per session, counted by the server, no preflight and no panel', async () => {
		fixture.values.ATTRS = '';
		const before = await shown();
		let requests: Request[] = [];
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/plain.html`, {}, async (page) => {
			requests = watchEvents(page);
		});
		await launcher(page).waitFor();
		await expect.poll(shown, { timeout: 15_000 }).toBe(before + 1);
		expect(requests.map((request) => request.method())).toEqual(['POST']);
		expect(requests[0].headers()['content-type']).toMatch(/^text\/plain/);
		expect(JSON.parse(requests[0].postData()!)).toEqual({ events: [{ type: 'launcher_shown' }] });
		// The panel chunk was never fetched for it.
		expect(await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('rewards-panel')))).toBe(
			false,
		);

		// The next page of the same visit counts nothing more.
		await page.reload({ waitUntil: 'load' });
		await launcher(page).waitFor();
		await afterIdle(page);
		await afterFrames(page);
		expect(requests).toHaveLength(1);
		expect(await shown()).toBe(before + 1);
		expect(errors).toEqual([]);
		await close();
	});

	it('a hidden launcher (hideLauncher, or showOn for the other kind of screen) counts nothing', async () => {
		for (const [attributes, viewport] of [
			['data-hide-launcher="true"', { width: 1280, height: 800 }],
			['data-show-on="mobile"', { width: 1280, height: 800 }],
			['data-show-on="desktop"', { width: 375, height: 700 }],
		] as const) {
			fixture.values.ATTRS = attributes;
			let requests: Request[] = [];
			const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/plain.html`, { viewport }, async (page) => {
				requests = watchEvents(page);
			});
			await page.waitForFunction(() => !!document.querySelector('rewards-widget')?.shadowRoot);
			await afterIdle(page);
			await afterFrames(page);
			expect(requests, attributes).toEqual([]);
			expect(errors).toEqual([]);
			await close();
		}
	});
});
