import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { shopifyLiquid } from '../support/shopify-liquid';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { DEMO_STORE, newCustomerId, startTestServer, type TestServer } from '../server/support/harness';
import { dialog, launcher, openPage } from './support/page';

/*
Issue #12: the README's Shopify snippet, exactly as a merchant pastes it (demo/platforms/shopify/
rewards.liquid), rendered by a Liquid engine with Shopify's hmac_sha256 filter for a signed-in
customer and for a guest, and loaded in Chromium against the reference server.
*/

let browser: Browser;
let server: TestServer;
let storefront: StaticServer;
/** What the theme renders for the next page: undefined is a guest. */
let customer: { id: number; email: string } | undefined;

beforeAll(async () => {
	const snippet = await readFile('demo/platforms/shopify/rewards.liquid', 'utf8');
	const liquid = shopifyLiquid();
	storefront = await startStaticServer({ '/dist/': 'dist' }, [
		async (request, response) => {
			if (new URL(request.url ?? '/', 'http://x').pathname !== '/') return false;
			const settings = {
				rewards_script_url: '/dist/rewards.js',
				rewards_store_key: DEMO_STORE.key,
				rewards_api_url: server.url,
				rewards_identity_secret: DEMO_STORE.identitySecret,
			};
			const tag = await liquid.parseAndRender(snippet, { settings, customer });
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
			response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Liquid theme</title></head>
				<body><h1>Maple &amp; Moss</h1><p>You have <span id="balance" data-rewards-balance>–</span> points</p>${tag}</body></html>`);
			return true;
		},
	]);
	[server, browser] = await Promise.all([startTestServer({ allowedOrigins: [storefront.url] }), launchChromium()]);
});

afterAll(async () => {
	await browser?.close();
	await storefront?.close();
	await server?.close();
});

const body = (page: Page) => page.locator('rewards-widget .panel-body');
const text = async (locator: ReturnType<Page['locator']>) => (await locator.textContent())?.trim();

describe('the Shopify theme snippet, rendered by Liquid', () => {
	it('signs in a signed-in customer: the panel shows their balance, with no token and no merchant server', async () => {
		const id = Number(String(Date.now()).slice(-9));
		customer = { id, email: `liquid-${newCustomerId()}@example.com` };
		const requests: Array<Record<string, string>> = [];
		const shop = await openPage(browser, storefront.url, {}, async (page) =>
			page.on('request', (request) => request.url().includes('/customer') && requests.push(request.headers())),
		);
		try {
			const { page } = shop;
			const tag = page.locator('script[data-customer-digest]');
			expect(await tag.getAttribute('data-customer-id')).toBe(String(id));
			expect(await tag.getAttribute('data-customer-digest')).toMatch(/^[0-9a-f]{64}$/);
			await launcher(page).click();
			await dialog(page).waitFor({ state: 'visible' });
			await expect.poll(() => text(body(page).locator('.balance-amount'))).toBe('100 points');
			await expect.poll(() => text(page.locator('#balance'))).toBe('100');
			expect(await body(page).getByRole('link', { name: 'Join' }).count()).toBe(0);
			// Named by the digest alone: no bearer token travels.
			expect(requests.length).toBeGreaterThan(0);
			expect(requests.every((headers) => headers['x-rewards-customer']?.startsWith(`id=${id}&`) && !headers.authorization)).toBe(true);
			const [row] = await server.query<{ email: string }>('select email from customers where external_id = $1', [String(id)]);
			expect(row.email).toBe(customer.email);
			expect(shop.errors).toEqual([]);
		} finally {
			await shop.close();
		}
	});

	it('renders the plain tag for a guest: the panel shows the guest view', async () => {
		customer = undefined;
		const shop = await openPage(browser, storefront.url);
		try {
			const { page } = shop;
			expect(await page.locator('script[data-customer-id]').count()).toBe(0);
			await launcher(page).click();
			await dialog(page).waitFor({ state: 'visible' });
			await body(page).getByRole('link', { name: 'Join' }).waitFor();
			expect(await text(page.locator('#balance'))).toBe('–');
			expect(shop.errors).toEqual([]);
		} finally {
			await shop.close();
		}
	});
});
