import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../demo/server/app';
import { DEMO_SHOPPERS, DEMO_STORE } from '../../demo/server/seed/demo-store';
import { startStorefront } from '../../demo/storefront-server';
import { launchChromium } from '../support/chromium';
import type { StaticServer } from '../support/static-server';
import { dialog, launcher, openPage } from './support/page';

// The demo's whole coupon loop, as `npm run demo` wires it: a redemption in the panel is announced
// to the storefront by a signed coupon.issued webhook, "Apply to cart" applies it in the demo's
// cart, the order is placed with the discount (the checkout marks the code used through the
// merchant endpoint) and reported by the order webhook, which awards points.
let browser: Browser;
let api: Awaited<ReturnType<typeof startServer>>;
let storefront: StaticServer;
/** coupon.issued events the storefront received, seen from the server's outbox. */
const delivered = async () =>
	(await api.query<{ n: number }>('select count(*)::int as n from coupon_webhook_outbox where delivered_at is not null'))[0].n;

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
		coupons: { pollMs: 200 },
	});
	apiUrl = api.url;
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await storefront?.close();
	await api?.close();
});

const merchantLookup = async (code: string) => {
	const response = await fetch(`${api.url}/v1/stores/${DEMO_STORE.key}/admin/coupons/${code}`, {
		headers: { authorization: `Bearer ${DEMO_STORE.adminKey}` },
	});
	return response.json();
};

describe('demo cart and coupons', () => {
	it('redeem in the panel → Apply to cart → the cart shows the discount → order → points, and the code is used', async () => {
		const { page, errors, close } = await openPage(browser, `${storefront.url}/account/login`, { viewport: { width: 1280, height: 900 } });
		await page.getByRole('button', { name: /Alice/ }).click();
		await page.waitForURL(`${storefront.url}/`);
		const balance = page.locator('.hero [data-rewards-balance]');
		await expect.poll(() => balance.textContent(), { timeout: 15_000 }).toMatch(/^\d[\d,]*$/);

		// $89.00 in the cart.
		await page.locator('#products .card').first().getByRole('button', { name: 'Add to cart' }).click();
		await expect.poll(() => page.locator('#cart-subtotal').textContent()).toBe('$89.00');

		await launcher(page).click();
		await dialog(page).waitFor({ state: 'visible' });
		await page.locator('rewards-widget .panel-nav button', { hasText: 'Redeem' }).click();
		// The catalogue's card for $5 off (a row whose title is exactly that).
		const reward = page
			.locator('rewards-widget .panel-body li.row')
			.filter({ has: page.locator('p > b').getByText('$5 off', { exact: true }) });
		await reward.getByRole('button', { name: 'Redeem' }).click();
		await reward.getByRole('button', { name: 'Confirm' }).click();
		const code = (await reward.locator('code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		const afterRedeeming = Number((await balance.textContent({ timeout: 15_000 }))!.replace(/\D/g, ''));

		// The storefront learns the code from the signed coupon.issued webhook.
		await expect.poll(delivered, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
		expect(await merchantLookup(code)).toMatchObject({ code, status: 'active', customerId: DEMO_SHOPPERS.alice.customerId });

		await reward.getByRole('button', { name: 'Apply to cart' }).click();
		await expect.poll(() => page.locator('#cart-discount').textContent(), { timeout: 15_000 }).toBe('−$5.00');
		expect(await page.locator('#cart-discount-label').textContent()).toBe(`Discount (${code})`);
		expect(await page.locator('#cart-total').textContent()).toBe('$84.00');
		if (await dialog(page).isVisible()) await page.keyboard.press('Escape');

		await page.getByRole('button', { name: 'Place order' }).click();
		// $84 after the discount at 5 points per dollar.
		await expect.poll(() => page.locator('#checkout-result').textContent(), { timeout: 15_000 }).toBe('Order placed: 420 points earned.');
		await expect
			.poll(async () => Number((await balance.textContent())!.replace(/\D/g, '')), { timeout: 15_000 })
			.toBe(afterRedeeming + 420);

		const used = await merchantLookup(code);
		expect(used).toMatchObject({ code, status: 'used' });
		expect(used.usedOrderId).toMatch(/^demo-\d+$/);
		const [order] = await api.query<{ subtotal: number }>('select subtotal::int as subtotal from orders where order_id = $1', [
			used.usedOrderId,
		]);
		expect(order.subtotal).toBe(8400);

		// The used code no longer applies.
		await page.locator('#discount-code').fill(code);
		await page.getByRole('button', { name: 'Apply', exact: true }).click();
		await expect.poll(() => page.locator('#discount-message').textContent()).toBe('This code was already used.');
		// Chromium logs that refusal's 422 as a console error; nothing else may be there.
		expect(errors.filter((error) => !error.includes('status of 422'))).toEqual([]);
		await close();
	});
});
