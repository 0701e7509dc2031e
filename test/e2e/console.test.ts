import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOPPERS, DEMO_STORE } from '../../demo/server/seed/demo-store';
import { mintCustomerToken } from '../../demo/server/token';
import { startStorefront } from '../../demo/storefront-server';
import { startTestServer, type TestServer } from '../server/support/harness';
import { launchChromium } from '../support/chromium';
import type { StaticServer } from '../support/static-server';
import { runAxe } from './support/axe';
import { dialog, launcher } from './support/page';

// The merchant console as `npm run demo` serves it: the reference server (seeded demo store, its
// 12 months of history) serves /admin/ from dist/console and the widget from dist/; the demo
// storefront runs the same server's widget. One merchant session goes through every screen.
let browser: Browser;
let api: TestServer;
let storefront: StaticServer;
let merchant: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const RENAMED = `Five dollars off, renamed ${Date.now().toString(36)}`;
const BRAND = '#8a2be2';
const BRAND_RGB = 'rgb(138, 43, 226)';
const REASON = 'Sorry for the late parcel <b>not bold</b>';

const admin = (path: string) => `${api.url}/v1/stores/${DEMO_STORE.key}/admin${path}`;
async function adminGet<T>(path: string): Promise<T> {
	const response = await fetch(admin(path), { headers: { Authorization: `Bearer ${DEMO_STORE.adminKey}` } });
	expect(response.status).toBe(200);
	return (await response.json()) as T;
}

// The console's CSP refuses inline scripts, so axe goes in through the debugging protocol, which
// the page's CSP does not govern (runAxe then finds it there).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function expectNoAxeViolations(target: Page, screen: string) {
	if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(`${axeSource};0`);
	const { violations } = await runAxe(target);
	expect(violations, `axe on the ${screen} screen`).toEqual([]);
}

beforeAll(async () => {
	let apiUrl = '';
	storefront = await startStorefront({ api: () => apiUrl, store: DEMO_STORE });
	api = await startTestServer({ devTokens: true, allowedOrigins: [storefront.url], storefrontUrl: storefront.url });
	apiUrl = api.url;
	browser = await launchChromium();
	merchant = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
	page = await merchant.newPage();
	page.on('pageerror', (error) => pageErrors.push(error.message));
	// Refusals the test provokes (wrong key 401, invalid draft 400, stale version 412) are logged by
	// Chromium as failed loads; anything else is an error.
	page.on('console', (message) => {
		if (message.type() === 'error' && !/status of (400|401|412) /.test(message.text())) pageErrors.push(message.text());
	});
});

afterAll(async () => {
	await browser?.close();
	await storefront?.close();
	await api?.close();
});

describe('merchant console', () => {
	it('keeps a wrong admin key on the sign-in screen, and opens with the right one (kept in sessionStorage only)', async () => {
		await page.goto(`${api.url}/admin/?store=${DEMO_STORE.key}`);
		const heading = page.getByRole('heading', { level: 1 });
		await expect.poll(() => heading.textContent()).toBe('Sign in to your rewards console');
		await expectNoAxeViolations(page, 'sign-in');

		await page.getByLabel('Admin key').fill('sk_admin_wrong_key_0000000000000');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('was not accepted');
		expect(await heading.textContent()).toBe('Sign in to your rewards console');

		await page.getByLabel('Admin key').fill('');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('Enter your admin key');

		await page.getByLabel('Admin key').fill(DEMO_STORE.adminKey);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe('Overview');
		const storage = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
		expect(storage.session).toContain(DEMO_STORE.adminKey);
		expect(storage.local).not.toContain(DEMO_STORE.adminKey);
	});

	it('shows the four metrics as the API computes them, with charts and their tables; takes the README screenshot', async () => {
		// A fresh load of the overview, timed from navigation to the charts drawn (README › Merchant console).
		await page.goto(`${api.url}/admin/#/overview`);
		await page.reload();
		await page.waitForSelector('html[data-overview="rendered"]', { timeout: 30_000 });
		const renderedAt = await page.evaluate(() => performance.getEntriesByName('console:overview-rendered').at(-1)?.startTime ?? NaN);
		console.log(`[console] overview rendered ${renderedAt.toFixed(0)} ms after navigation (demo data, 12 months by month)`);
		expect(renderedAt).toBeGreaterThan(0);

		const section = page.locator('section[data-period-from]');
		const from = await section.getAttribute('data-period-from');
		const to = await section.getAttribute('data-period-to');
		type Metrics = {
			currency: string;
			metrics: Record<'all' | 'members' | 'nonMembers', Record<string, number | null>>;
			series: unknown[];
		};
		const expected = await adminGet<Metrics>(`/analytics/metrics?from=${from}&to=${to}&interval=month`);
		const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
		const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
		const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: expected.currency });
		const formats: Record<string, (value: number) => string> = {
			guestCheckoutRate: (value) => percent.format(value),
			purchaseFrequency: (value) => decimal.format(value),
			averageOrderValue: (value) => money.format(Math.round(value) / 100),
			repeatPurchaseRate: (value) => percent.format(value),
		};
		const shown: Record<string, string> = {};
		for (const [metric, format] of Object.entries(formats)) {
			for (const split of ['all', 'members', 'nonMembers'] as const) {
				const value = expected.metrics[split][metric];
				const text = await page.locator(`[data-metric="${metric}"] [data-value="${split}"]`).textContent();
				expect(text, `${metric} (${split})`).toBe(value === null ? '—' : format(value));
				shown[`${metric}.${split}`] = text!;
			}
		}
		console.log(`[console] the four metrics on the demo data, ${from} to ${to}: ${JSON.stringify(shown)}`);
		expect(expected.metrics.all.orders).toBeGreaterThan(0);

		// Six line charts (four metrics, points, outstanding) and two funnels, each an SVG with a table.
		await expect.poll(() => page.locator('.chart-plot[data-rendered="true"]:has(svg)').count()).toBe(8);
		expect(await page.locator('.chart-table table').count()).toBe(8);
		const firstTable = page.locator('.chart-table').first();
		await firstTable.locator('summary').click();
		expect(await firstTable.locator('tbody tr').count()).toBe(expected.series.length);

		await page.evaluate(() => window.scrollTo(0, 0));
		mkdirSync('public', { recursive: true });
		await page.screenshot({ path: 'public/console-overview.png', fullPage: true });
		await expectNoAxeViolations(page, 'overview');
	});

	it('renames a reward and changes the brand colour: the live preview shows both; after saving, with no restart, the public program and the storefront widget show both', async () => {
		await page.getByRole('link', { name: 'Program' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Program');
		const reward = page.locator('fieldset[data-reward]').first();
		await reward.waitFor();
		const rewardId = await reward.getAttribute('data-reward');
		const preview = page.frameLocator('iframe[title^="Live preview"]');
		await expect.poll(() => preview.locator('rewards-widget .panel[role="dialog"]').textContent(), { timeout: 20_000 }).toMatch(/\S/);
		await expectNoAxeViolations(page, 'program editor');

		// A problem is named by its field (the server's JSON Pointer), and clears once fixed.
		await page.getByLabel('Brand colour (#rrggbb)').fill('green');
		const colourField = page.getByLabel('Brand colour (#rrggbb)');
		await expect.poll(() => colourField.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
		await expect.poll(() => page.locator('[data-problems]').textContent()).toContain('brand › primaryColor');

		await reward.getByLabel('Title (en)').fill(RENAMED);
		await colourField.fill(BRAND);
		await expect.poll(() => colourField.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe(null);
		await expect.poll(() => preview.locator('rewards-widget .panel[role="dialog"]').textContent(), { timeout: 20_000 }).toContain(RENAMED);
		await expect
			.poll(() => preview.locator('rewards-widget .launcher').evaluate((element) => getComputedStyle(element).backgroundColor), {
				timeout: 10_000,
			})
			.toBe(BRAND_RGB);

		await page.getByRole('button', { name: 'Save program' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved as version' }).count(), { timeout: 15_000 }).toBe(1);

		const publicProgram = (await (await fetch(`${api.url}/v1/stores/${DEMO_STORE.key}/program`)).json()) as {
			rewards: Array<{ id: string; title: string }>;
			brand?: { primaryColor?: string };
		};
		expect(publicProgram.rewards.find((item) => item.id === rewardId)?.title).toBe(RENAMED);
		expect(publicProgram.brand?.primaryColor).toBe(BRAND);

		// A shopper arriving now (the server was not restarted) sees the new program.
		const shopper = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		try {
			const store = await shopper.newPage();
			await store.goto(`${storefront.url}/`);
			await launcher(store).waitFor();
			await launcher(store).click();
			await dialog(store).waitFor({ state: 'visible' });
			await expect.poll(() => dialog(store).textContent(), { timeout: 15_000 }).toContain(RENAMED);
			// The program's brand colour is the widget's primary colour once the panel has the program.
			await expect
				.poll(() => launcher(store).evaluate((element) => getComputedStyle(element).backgroundColor), { timeout: 10_000 })
				.toBe(BRAND_RGB);
		} finally {
			await shopper.close();
		}
	});

	it('refuses a save over a version someone else saved meanwhile (412), and reloads', async () => {
		await page.reload();
		const reward = page.locator('fieldset[data-reward]').first();
		await reward.waitFor();
		// The editor has the version it loaded, and its first check of the draft is back, before anything changes.
		const hint = page.locator('.editor .hint').first();
		await expect.poll(() => hint.textContent(), { timeout: 15_000 }).toContain('No unsaved changes.');
		await expect.poll(() => page.locator('.preview .hint').textContent(), { timeout: 15_000 }).toContain('Your widget, with the draft');
		// Someone else saves a version through the API while this editor has the previous one.
		const current = await fetch(admin('/program'), { headers: { Authorization: `Bearer ${DEMO_STORE.adminKey}` } });
		const body = (await current.json()) as { program: Record<string, unknown> };
		const replaced = await fetch(admin('/program'), {
			method: 'PUT',
			headers: {
				Authorization: `Bearer ${DEMO_STORE.adminKey}`,
				'Content-Type': 'application/json',
				'If-Match': current.headers.get('ETag')!,
			},
			body: JSON.stringify({ program: body.program, note: 'a colleague' }),
		});
		expect(replaced.status).toBe(200);

		await reward.getByLabel('Title (en)').fill(`${RENAMED} again`);
		// Said before the click, so that a lost edit fails here, by name, not as a disabled button.
		await expect.poll(() => hint.textContent(), { timeout: 10_000 }).toContain('You have unsaved changes.');
		await page.getByRole('button', { name: 'Save program' }).click();
		await expect
			.poll(() => page.getByRole('alert').filter({ hasText: 'Someone else changed the program' }).count(), { timeout: 15_000 })
			.toBe(1);
		await page.getByRole('button', { name: 'Reload the program' }).click();
		await expect.poll(() => page.locator('fieldset[data-reward]').first().getByLabel('Title (en)').inputValue()).toBe(RENAMED);
	});

	it("adjusts a member's points with a reason, shown as text, and the shopper's activity has it", async () => {
		const bob = DEMO_SHOPPERS.bob;
		await page.getByRole('link', { name: 'Members', exact: true }).click();
		await page.getByLabel('Search by email or customer id').fill(bob.email);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.getByRole('link', { name: bob.email }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(bob.email);
		const balanceBefore = Number((await page.locator('[data-member-field="balance"] dd').textContent())!.replace(/\D/g, ''));
		await expectNoAxeViolations(page, 'member');

		await page.getByLabel('Points (negative to take away)').fill('250');
		await page.getByLabel('Reason (the shopper sees it)').fill(REASON);
		await page.getByRole('button', { name: 'Adjust points' }).click();
		await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Added 250 points');
		await expect
			.poll(async () => Number((await page.locator('[data-member-field="balance"] dd').textContent())!.replace(/\D/g, '')))
			.toBe(balanceBefore + 250);
		// The merchant's words are text, never markup.
		const entry = page.locator('tr[data-entry-kind="adjustment"]').first();
		expect(await entry.textContent()).toContain(REASON);
		expect(await entry.locator('b').count()).toBe(0);

		// The shopper's activity, as the widget reads it, and in the panel.
		const token = await mintCustomerToken({
			storeKey: DEMO_STORE.key,
			secret: DEMO_STORE.secret,
			customerId: bob.customerId,
			email: bob.email,
			ttlSeconds: 300,
		});
		const activity = (await (
			await fetch(`${api.url}/v1/stores/${DEMO_STORE.key}/customer/activity`, { headers: { Authorization: `Bearer ${token}` } })
		).json()) as { items: Array<{ kind: string; points: number; reference: { note?: string } }> };
		expect(activity.items[0]).toMatchObject({ kind: 'adjustment', points: 250, reference: { note: REASON } });

		const shopper = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		try {
			const store = await shopper.newPage();
			await store.goto(`${storefront.url}/account/login`);
			await store.getByRole('button', { name: /Bob/ }).click();
			await store.waitForURL(`${storefront.url}/`);
			await launcher(store).waitFor();
			await store.evaluate(() => (window as unknown as { Rewards: { open(page: string): void } }).Rewards.open('activity'));
			await dialog(store).waitFor({ state: 'visible' });
			await expect.poll(() => dialog(store).textContent(), { timeout: 15_000 }).toMatch(/Adjustment[\s\S]*\+250/);
		} finally {
			await shopper.close();
		}
	});

	it('passes axe on the members list, and the console raised no errors', async () => {
		await page.getByRole('link', { name: 'Members', exact: true }).click();
		await page.locator('tr[data-member]').first().waitFor();
		await expectNoAxeViolations(page, 'members');
		expect(pageErrors).toEqual([]);
	});
});
