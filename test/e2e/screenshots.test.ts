import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { DEMO_STORE, newCustomerId, startTestServer, storePath, tokenFor, type TestServer } from '../server/support/harness';
import { startFixture, type Fixture } from './support/fixture';
import { dialog, launcher } from './support/page';

/*
Issue #14: pictures of the panel as shoppers see it, taken by the suite so README › Design never
goes stale. Every page for a member and the guest's home, at 1280 and 375 px, in English, French
and Polish, light and dark, into test-results/screenshots/. The README's few go to
public/screenshots/ (SCREENSHOT_DIR overrides it: the "before" pictures were taken with it).
*/

const LOCALES = ['en', 'fr', 'pl'] as const;
const WIDTHS = [1280, 375] as const;
const SCHEMES = ['light', 'dark'] as const;
const PAGE_COUNT = 5;
const README_DIR = process.env.SCREENSHOT_DIR ?? 'public/screenshots';

let browser: Browser;
let fixture: Fixture;
let server: TestServer;
let token: string;

beforeAll(async () => {
	fixture = await startFixture();
	[server, browser] = await Promise.all([startTestServer({ allowedOrigins: [fixture.url] }), launchChromium()]);
	fixture.values.API = server.url;
	// A member with points to spend, a code in "My rewards" and a few ledger lines.
	const customerId = newCustomerId('shots');
	token = await tokenFor(customerId);
	expect((await server.api.get(storePath('/customer'), { token })).status).toBe(200);
	expect((await server.api.order({ orderId: `order-${newCustomerId()}`, customerId, subtotal: 32000 })).status).toBe(200);
	const redeemed = await server.api.post(
		storePath('/customer/redemptions'),
		{ rewardId: 'five-off' },
		{ token, headers: { 'idempotency-key': `shots-${newCustomerId()}` } },
	);
	expect(redeemed.status).toBe(201);
	mkdirSync('test-results/screenshots', { recursive: true });
	mkdirSync(README_DIR, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await fixture?.close();
	await server?.close();
});

const tabs = (page: Page) => page.locator('rewards-widget nav button');

/** Waits until the panel shows data: no skeleton, no pending chunk. */
async function settled(page: Page) {
	await page.locator('rewards-widget [aria-busy="true"]').first().waitFor({ state: 'detached' });
	await page.waitForTimeout(150);
}

async function openPanel(locale: string, width: number, scheme: 'light' | 'dark', member: boolean) {
	const init = { store: DEMO_STORE.key, api: server.url, locale, ...(member ? { customerToken: token } : {}) };
	fixture.values.LANG = locale;
	fixture.values.DIR = 'ltr';
	fixture.values.INIT = JSON.stringify(init);
	const context = await browser.newContext({
		viewport: { width, height: width > 600 ? 860 : 780 },
		colorScheme: scheme,
		reducedMotion: 'reduce',
		deviceScaleFactor: 1,
	});
	const page = await context.newPage();
	await page.goto(`${fixture.url}/pages/i18n.html`);
	await launcher(page).click();
	await dialog(page).waitFor({ state: 'visible' });
	await settled(page);
	return { page, context };
}

/** The README's pictures: English, member home and guest home, desktop and phone, light and dark. */
const forReadme = (locale: string, name: string) => locale == 'en' && (name == 'home' || name == 'guest' || name == 'redeem');

describe.each(LOCALES)('%s', (locale) => {
	it.each(WIDTHS.flatMap((width) => SCHEMES.map((scheme) => [width, scheme] as const)))(
		'every page at %i px, %s',
		async (width, scheme) => {
			const member = await openPanel(locale, width, scheme, true);
			const names = ['home', 'earn', 'redeem', 'refer', 'activity'];
			for (let index = 0; index < PAGE_COUNT; index++) {
				await tabs(member.page).nth(index).click();
				await settled(member.page);
				const file = `${locale}-${names[index]}-${width}-${scheme}.png`;
				await member.page.screenshot({ path: `test-results/screenshots/${file}` });
				if (forReadme(locale, names[index])) await member.page.screenshot({ path: `${README_DIR}/${file}` });
			}
			await member.context.close();
			const guest = await openPanel(locale, width, scheme, false);
			const file = `${locale}-guest-${width}-${scheme}.png`;
			await guest.page.screenshot({ path: `test-results/screenshots/${file}` });
			if (forReadme(locale, 'guest')) await guest.page.screenshot({ path: `${README_DIR}/${file}` });
			await guest.context.close();
		},
	);
});
