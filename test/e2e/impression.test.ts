import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { afterFrames, launcher, openPage } from './support/page';
import { shopStage } from './support/stage';

/*
The top of the merchant's funnel on a real shop: the launcher itself counts `launcher_shown` (the
console's program health reads it), once per browser session, with a beacon when the page is
hidden (here: the shopper goes to another page), for guests too and without loading the panel.
A plain-text beacon needs no CORS preflight.
*/

const stage = shopStage();

const shown = async () =>
	Number((await stage.server.query<{ count: string }>(`select count(*) as count from events where type = 'launcher_shown'`))[0].count);

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
	it('a guest: nothing while the page is in use, one beacon when it is left, once per session, counted by the server', async () => {
		stage.fixture.values.ATTRS = '';
		const before = await shown();
		let requests: Request[] = [];
		const url = `${stage.fixture.url}/pages/plain.html`;
		const { page, errors, close } = await openPage(stage.browser, url, {}, async (page) => {
			requests = watchEvents(page);
		});
		await launcher(page).waitFor();
		await afterIdle(page);
		expect(requests).toEqual([]);
		// The panel chunk was never fetched for it.
		expect(await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('rewards-panel')))).toBe(
			false,
		);

		// The shopper goes to the next page: the first one is hidden and says the launcher was shown.
		await page.goto(url, { waitUntil: 'load' });
		await expect.poll(shown, { timeout: 15_000 }).toBe(before + 1);

		// Leaving the second page of the same visit counts nothing more.
		await launcher(page).waitFor();
		await page.goto(url, { waitUntil: 'load' });
		await launcher(page).waitFor();
		expect(await shown()).toBe(before + 1);
		// None of it was an event request of the page in use (a beacon of a page being left is not the page's).
		expect(requests).toEqual([]);
		expect(errors).toEqual([]);
		await close();
	});

	it('a hidden launcher (hideLauncher, or showOn for the other kind of screen) counts nothing; a shown one does', async () => {
		const url = `${stage.fixture.url}/pages/plain.html`;
		for (const [attributes, viewport, counted] of [
			['data-hide-launcher="true"', { width: 1280, height: 800 }, 0],
			['data-show-on="mobile"', { width: 1280, height: 800 }, 0],
			['data-show-on="desktop"', { width: 375, height: 700 }, 0],
			// The control, left the same way: a launcher on its kind of screen is counted.
			['data-show-on="desktop"', { width: 1280, height: 800 }, 1],
		] as const) {
			stage.fixture.values.ATTRS = attributes;
			const before = await shown();
			const { page, errors, close } = await openPage(stage.browser, url, { viewport });
			await page.waitForFunction(() => !!document.querySelector('rewards-widget')?.shadowRoot);
			// Left twice: by the time the third page has loaded, a beacon from the first would have arrived.
			for (let left = 0; left < 2; left++) {
				await page.goto(url, { waitUntil: 'load' });
				await page.waitForFunction(() => !!document.querySelector('rewards-widget')?.shadowRoot);
			}
			await expect.poll(shown, { timeout: 10_000 }).toBe(before + counted);
			expect(await shown(), attributes).toBe(before + counted);
			expect(errors).toEqual([]);
			await close();
		}
	});
});
