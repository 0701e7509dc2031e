import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { newCustomerId, startTestServer, storePath, tokenFor, type TestServer } from '../server/support/harness';
import { runAxe } from './support/axe';
import { lowContrastInPanel } from './support/contrast';
import { startFixture, type Fixture } from './support/fixture';
import { dialog, launcher, openPage } from './support/page';

/*
axe-core (WCAG 2.0–2.2, A and AA) on every page of the panel with its data loaded, for a guest and
a member, in the light and the dark scheme; plus the states a shopper steps through (a referral
welcome, a redemption's confirmation and its code). Nothing may be found.
*/

const PAGES = ['Home', 'Earn', 'Redeem', 'Refer', 'Activity'];

let browser: Browser;
let fixture: Fixture;
let server: TestServer;
let memberToken: string;

beforeAll(async () => {
	fixture = await startFixture();
	[server, browser] = await Promise.all([startTestServer({ allowedOrigins: [fixture.url] }), launchChromium()]);
	fixture.values.API = server.url;
	// A member with points to spend, a redeemed code and some activity.
	const customerId = newCustomerId('a11y');
	memberToken = await tokenFor(customerId);
	await server.api.get(storePath('/customer'), { token: memberToken });
	await server.api.order({ orderId: `order-${customerId}`, customerId, subtotal: 30_000 });
});

afterAll(async () => {
	await browser?.close();
	await fixture?.close();
	await server?.close();
});

const body = (page: Page) => page.locator('rewards-widget .panel-body');

/** Waits until the page shows data: no skeleton left. */
const settled = (page: Page) =>
	page.waitForFunction(() => !document.querySelector('rewards-widget')!.shadowRoot!.querySelector('.panel-body [aria-busy="true"]'));

async function expectClean(page: Page, what: string) {
	await settled(page);
	const { violations, passes } = await runAxe(page);
	expect(violations, what).toEqual([]);
	// The panel was really looked at: its controls' names and contrast were checked.
	expect(passes).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
	expect(await lowContrastInPanel(page), what).toEqual([]);
}

describe.each(['light', 'dark'] as const)('%s scheme', (scheme) => {
	it.each([
		['guest', ''],
		['member', 'member'],
	])('%s: every page is clean', async (_, who) => {
		fixture.values.ATTRS = who ? `data-customer-token="${memberToken}"` : '';
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/shop.html`, { colorScheme: scheme });
		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		expect(await page.locator('rewards-widget').getAttribute('data-scheme')).toBe(scheme);
		for (const name of PAGES) {
			await page.locator('rewards-widget .panel-nav button', { hasText: name }).click();
			await expectClean(page, `${who || 'guest'} ${name} (${scheme})`);
		}
		if (who) {
			// A redemption's confirmation, then its code.
			await page.locator('rewards-widget .panel-nav button', { hasText: 'Redeem' }).click();
			await settled(page);
			await body(page).getByRole('button', { name: 'Redeem' }).first().click();
			await expectClean(page, `confirm (${scheme})`);
			await body(page).getByRole('button', { name: 'Confirm' }).click();
			await body(page).locator('code').first().waitFor();
			await expectClean(page, `coupon (${scheme})`);
		}
		expect(errors).toEqual([]);
		await close();
	});

	it('a referred visitor: the welcome and its claim form are clean', async () => {
		fixture.values.ATTRS = '';
		const { page, errors, close } = await openPage(browser, `${fixture.url}/pages/shop.html?ref=ALICEMOSS`, { colorScheme: scheme });
		await dialog(page).waitFor({ state: 'visible' });
		await body(page).getByText('Your friend sent you $10 off').waitFor();
		await expectClean(page, `welcome (${scheme})`);
		expect(errors).toEqual([]);
		await close();
	});
});
