import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../demo/server/app';
import { DEMO_STORE } from '../../demo/server/seed/demo-store';
import { startStorefront } from '../../demo/storefront-server';
import { launchChromium } from '../support/chromium';
import type { StaticServer } from '../support/static-server';
import { dialog, launcher, openPage } from './support/page';

// The demo exactly as `npm run demo` wires it (seeded server, storefront pages, signed test
// orders), on free ports and an in-memory database. It also takes the README's screenshot.
let browser: Browser;
let api: Awaited<ReturnType<typeof startServer>>;
let storefront: StaticServer;

beforeAll(async () => {
	let apiUrl = '';
	storefront = await startStorefront({ api: () => apiUrl, store: DEMO_STORE });
	api = await startServer({
		port: 0,
		seed: true,
		devTokens: true,
		allowedOrigins: [storefront.url],
		storefrontUrl: storefront.url,
		rateLimit: false,
	});
	apiUrl = api.url;
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await storefront?.close();
	await api?.close();
});

describe('demo storefront', () => {
	it('signs a demo shopper in, shows their points and opens the panel', async () => {
		const { page, errors, close } = await openPage(browser, `${storefront.url}/account/login`, { viewport: { width: 1280, height: 800 } });
		await page.getByRole('button', { name: /Alice/ }).click();
		await page.waitForURL(`${storefront.url}/`);
		await launcher(page).waitFor();
		await expect.poll(() => page.locator('.hero [data-rewards-balance]').textContent(), { timeout: 15_000 }).toMatch(/^\d[\d,]*$/);
		await expect.poll(() => page.locator('[data-rewards-earn-for]').first().textContent(), { timeout: 15_000 }).toMatch(/\d+/);
		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		await expect.poll(() => dialog(page).textContent(), { timeout: 15_000 }).toMatch(/Gold|Silver|Bronze/);
		await page.waitForTimeout(400); // let the open animation settle for the picture
		mkdirSync('public', { recursive: true });
		await page.screenshot({ path: 'public/screenshot.png' });
		expect(errors).toEqual([]);
		await close();
	});

	it('places a signed test order and the balance grows', async () => {
		const { page, close } = await openPage(browser, `${storefront.url}/account/login`);
		await page.getByRole('button', { name: /Bob/ }).click();
		await page.waitForURL(`${storefront.url}/`);
		const balance = page.locator('.hero [data-rewards-balance]');
		await expect.poll(() => balance.textContent(), { timeout: 15_000 }).toMatch(/^\d[\d,]*$/);
		const before = Number((await balance.textContent())!.replace(/\D/g, ''));
		await page.getByRole('button', { name: /test order/ }).click();
		await expect.poll(async () => Number((await balance.textContent())!.replace(/\D/g, '')), { timeout: 15_000 }).toBe(before + 300);
		await close();
	});
});
