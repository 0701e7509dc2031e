import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCustomerId, storePath, tokenFor } from '../server/support/harness';
import { dialog, launcher, openPage, watchRequests, type WatchedPage } from './support/page';
import { shopStage } from './support/stage';

/*
Issue #4: every shopper journey, end to end, in real Chromium against the reference server on a
fresh database. Shoppers are new customers (the token enrols them, with the 100-point signup
bonus), so the numbers below are the program's, not the seed's.
*/

const stage = shopStage();

type RewardsGlobal = { identify(o: { customerToken: string }): void; logout(): void; refresh(): Promise<void> };

/** shop.html: a storefront with [data-rewards-balance] and [data-rewards-earn-for] elements. */
async function openShop(token?: string, query = '', context: BrowserContextOptions = {}): Promise<WatchedPage> {
	stage.fixture.values.ATTRS = token ? `data-customer-token="${token}"` : '';
	const watched = await openPage(stage.browser, `${stage.fixture.url}/pages/shop.html${query}`, {
		permissions: ['clipboard-read', 'clipboard-write'],
		...context,
	});
	// The profile opened by "Follow" is answered here, so no test ever reaches Instagram.
	await watched.page.context().route('https://www.instagram.com/**', (route) => route.fulfill({ body: 'profile' }));
	await launcher(watched.page).waitFor();
	return watched;
}

const body = (page: Page) => page.locator('rewards-widget .panel-body');
/** The list row whose title is exactly `title`. */
const row = (page: Page, title: string) =>
	body(page)
		.locator('li.row')
		.filter({ has: page.locator('p > b').getByText(title, { exact: true }) });
const balance = (page: Page) => body(page).locator('.balance-amount');

async function openPanel(page: Page, tab = 'Home') {
	if (!(await dialog(page).isVisible())) await launcher(page).click();
	await dialog(page).waitFor({ state: 'visible' });
	await page.locator('rewards-widget .panel-nav button', { hasText: tab }).click();
}

/** Points for a shopper through the order webhook, as the merchant's checkout would report them. */
async function order(customerId: string, subtotal: number, extra: Record<string, unknown> = {}) {
	const result = await stage.server.api.order({ orderId: `order-${newCustomerId()}`, customerId, subtotal, ...extra });
	expect(result.status).toBe(200);
	return result.body as { pointsAwarded: number; referralRewarded: boolean };
}

const text = (locator: Locator) => locator.textContent().then((value) => value?.trim());

/** Console errors, less Chromium's network log line for the 409s the journey provokes on purpose. */
const unexpected = (errors: string[]) => errors.filter((error) => !error.includes('status of 409 (Conflict)'));

describe('one shopper, from guest to member', () => {
	const customerId = newCustomerId('journey');
	let token: string;
	let shop: WatchedPage;

	beforeAll(async () => {
		token = await tokenFor(customerId);
		shop = await openShop();
	});
	afterAll(() => shop?.close());

	it('1. a guest sees the program at a glance: earn, rewards, the friend offer, Join and Sign in', async () => {
		const { page } = shop;
		const program = (await stage.server.api.get(storePath('/program'))).body;
		await openPanel(page);
		await body(page).getByRole('link', { name: 'Join' }).waitFor();
		expect(await body(page).getByRole('link', { name: 'Join' }).getAttribute('href')).toBe(program.joinUrl);
		expect(await body(page).getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(program.signInUrl);
		expect(await text(row(page, 'Place an order').locator('small').first())).toBe('5 points per $1');
		expect(await text(row(page, '$5 off').locator('small').first())).toBe('500 points');
		expect(await body(page).getByRole('heading', { name: 'Give $10, get 500 points' }).count()).toBe(1);
		// Every way to earn and every reward is there, in the program's order, as a card without an
		// action of its own: Join and Sign in, said once for the whole panel, are the guest's way in.
		const titles = [...program.earnRules, ...program.rewards].map((item: { title: string }) => item.title);
		expect(await body(page).locator('li.row p > b').allTextContents()).toEqual(titles);
		expect(await body(page).locator('li.row').locator('a, button, input, select').count()).toBe(0);
		expect(await body(page).getByRole('link', { name: 'Join' }).count()).toBe(1);
		expect(await body(page).getByRole('link', { name: 'Sign in' }).count()).toBe(1);
		// The storefront's own elements: the order rule for $49.90 (whole dollars earn), no balance.
		expect(await text(page.locator('#earn'))).toBe('Earn 245 points');
		expect(await text(page.locator('#balance'))).toBe('–');
		expect(shop.errors).toEqual([]);
	});

	it('2. signing in on the storefront (identify) turns the open panel into the member view', async () => {
		const { page } = shop;
		await page.evaluate((customerToken) => (window as unknown as { Rewards: RewardsGlobal }).Rewards.identify({ customerToken }), token);
		await expect.poll(() => text(balance(page))).toBe('100 points');
		// The tier card, titled with the member's tier.
		const tier = body(page).getByRole('heading', { name: /\bBronze\b/ });
		expect(await tier.count()).toBe(1);
		// The guest's Join card is gone.
		expect(await body(page).getByRole('link', { name: 'Join' }).count()).toBe(0);
		expect(await text(page.locator('#balance'))).toBe('100');
		expect(await text(page.locator('rewards-widget .launcher .badge'))).toBe('100');
		// Elements the page adds later are filled too.
		await page.evaluate(() =>
			document.getElementById('grid')!.insertAdjacentHTML('beforeend', '<li><span id="late" data-rewards-balance></span></li>'),
		);
		await expect.poll(() => text(page.locator('#late'))).toBe('100');
		expect(shop.errors).toEqual([]);
	});

	it('3. following on Instagram opens the profile safely and brings the points the server awarded; a second try is refused', async () => {
		const { page } = shop;
		// A second tab of the same shopper, opened before the follow: it still offers the action.
		const stale = await openShop(token);
		await openPanel(stale.page, 'Earn');
		await row(stale.page, 'Follow us on Instagram').getByRole('link', { name: 'Follow' }).waitFor();

		await openPanel(page, 'Earn');
		const link = row(page, 'Follow us on Instagram').getByRole('link', { name: 'Follow' });
		expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
		const popup = page.context().waitForEvent('page');
		await link.click();
		const profile = await popup;
		expect(profile.url()).toBe('https://www.instagram.com/mapleandmoss.demo/');
		expect(await profile.evaluate(() => window.opener)).toBeNull();
		await profile.close();
		await row(page, 'Follow us on Instagram').getByText('+50 points').waitFor();
		await openPanel(page, 'Home');
		await expect.poll(() => text(balance(page))).toBe('150 points');

		const popup2 = stale.page.context().waitForEvent('page');
		await row(stale.page, 'Follow us on Instagram').getByRole('link', { name: 'Follow' }).click();
		await (await popup2).close();
		await row(stale.page, 'Follow us on Instagram').getByText('Already done.').waitFor();
		const again = await stage.server.api.post(storePath('/customer/actions/instagram_follow'), undefined, { token });
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe('already_completed');
		expect((await stage.server.api.get(storePath('/customer'), { token })).body.balance).toBe(150);
		expect(unexpected([...shop.errors, ...stale.errors])).toEqual([]);
		await stale.close();
	});

	it('4. a birthday: checked, confirmed as final, then shown locked', async () => {
		const { page } = shop;
		await openPanel(page, 'Earn');
		const birthday = row(page, 'Celebrate your birthday');
		await birthday.getByLabel('Month').selectOption({ label: 'April' });
		await birthday.getByLabel('Day').fill('31');
		await birthday.getByRole('button', { name: 'Save' }).click();
		await birthday.getByText('Check what you entered.').waitFor();
		await birthday.getByLabel('Month').selectOption({ label: 'March' });
		await birthday.getByLabel('Day').fill('5');
		await birthday.getByRole('button', { name: 'Save' }).click();
		await birthday.getByText('Save March 5? It can’t be changed later.').waitFor();
		await birthday.getByRole('button', { name: 'Confirm' }).click();
		await birthday.getByText('March 5 (locked)').waitFor();
		expect(await birthday.locator('input, select').count()).toBe(0);
		expect((await stage.server.api.get(storePath('/customer'), { token })).body.birthday).toEqual({ month: 3, day: 5 });
		expect(shop.errors).toEqual([]);
	});

	it('5. redeeming $5 off: confirm, the code shown and copied; balance and activity follow', async () => {
		const { page } = shop;
		expect((await order(customerId, 10_000)).pointsAwarded).toBe(500);
		await page.evaluate(() => (window as unknown as { Rewards: RewardsGlobal }).Rewards.refresh());
		await openPanel(page, 'Home');
		await expect.poll(() => text(balance(page))).toBe('650 points');
		const events: unknown[] = [];
		await page.exposeFunction('recordRedeemed', (detail: unknown) => events.push(detail));
		await page.evaluate(() =>
			addEventListener('rewards:redeemed', (event) =>
				(window as unknown as { recordRedeemed(d: unknown): void }).recordRedeemed((event as CustomEvent).detail),
			),
		);

		await openPanel(page, 'Redeem');
		const reward = row(page, '$5 off');
		await reward.getByRole('button', { name: 'Redeem' }).click();
		await reward.getByText('Spend 500 points for $5 off?').waitFor();
		await reward.getByRole('button', { name: 'Confirm' }).click();
		const code = (await text(reward.locator('code')))!;
		expect(code).toMatch(/^[A-Z0-9-]{6,}$/);
		await reward.getByRole('button', { name: 'Copy' }).click();
		await reward.getByRole('button', { name: 'Copied' }).waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
		await expect.poll(() => events).toEqual([{ rewardId: 'five-off', code, pointsSpent: 500, balance: 150 }]);
		// My rewards lists the unused code too.
		await expect.poll(() => body(page).locator('code', { hasText: code }).count()).toBe(2);

		await expect.poll(() => text(page.locator('#balance'))).toBe('150');
		await openPanel(page, 'Activity');
		const redeemed = row(page, 'Redeemed $5 off');
		await redeemed.waitFor();
		expect(await text(redeemed.locator('b').last())).toBe('-500');
		expect(await text(redeemed.locator('small'))).toBe(
			new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date()),
		);
		await row(page, 'Follow us on Instagram').waitFor();
		await row(page, 'Welcome bonus').waitFor();
		await openPanel(page, 'Home');
		await expect.poll(() => text(balance(page))).toBe('150 points');
		expect(shop.errors).toEqual([]);
	});

	it('the next page shows the balance on the launcher at once, before any panel code loads', async () => {
		const { page } = shop;
		const badge = page.locator('rewards-widget .launcher .badge');
		const shown = await text(badge);
		expect(shown).toMatch(/^\d+$/);
		stage.fixture.values.ATTRS = `data-customer-token="${token}"`;
		await page.route('**/rewards-panel.js', (route) => route.abort());
		await page.reload();
		await launcher(page).waitFor();
		expect(await text(badge)).toBe(shown);
		// Back to the whole widget, signed in from the tag this time.
		await page.unroute('**/rewards-panel.js');
		await page.reload();
		await openPanel(page);
		await expect.poll(() => text(balance(page))).toBe(`${shown} points`);
	});

	it('logout() goes back to the guest view without a reload, and the device keeps nothing of the shopper', async () => {
		const { page } = shop;
		await page.evaluate(() => (window as unknown as { Rewards: RewardsGlobal }).Rewards.logout());
		await body(page).getByRole('link', { name: 'Join' }).waitFor();
		expect(await text(page.locator('#balance'))).toBe('–');
		expect(await text(page.locator('rewards-widget .launcher .badge'))).toBe('');
		expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => !key.includes(':program:')))).toEqual([]);
	});
});

describe('a referral between two shoppers', () => {
	it('6. link → the friend claims the gift → their first order → the referrer gets 500 points', async () => {
		const referrerId = newCustomerId('referrer');
		const referrer = await openShop(await tokenFor(referrerId));
		const shared: unknown[] = [];
		await referrer.page.exposeFunction('recordShare', (detail: unknown) => shared.push(detail));
		await referrer.page.evaluate(() =>
			addEventListener('rewards:referral-shared', (event) =>
				(window as unknown as { recordShare(d: unknown): void }).recordShare((event as CustomEvent).detail),
			),
		);
		await openPanel(referrer.page, 'Refer');
		await body(referrer.page).getByRole('heading', { name: 'Give $10, get 500 points' }).waitFor();
		const link = await body(referrer.page).getByLabel('Your link').inputValue();
		await body(referrer.page).getByRole('button', { name: 'Copy' }).click();
		expect(await referrer.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
		await expect.poll(() => shared).toEqual([{ channel: 'copy' }]);
		// Headless Chromium on Linux has no share sheet: an email with the prefilled message instead.
		const email = body(referrer.page).getByRole('link', { name: 'Email' });
		expect(await email.getAttribute('href')).toBe(`mailto:?body=${encodeURIComponent(`Get $10 off at Maple & Moss ${link}`)}`);
		const code = new URL(link).searchParams.get('ref')!;

		// The friend lands with ?ref=CODE: the panel welcomes them with the gift.
		const friendEmail = `${newCustomerId('friend')}@example.com`;
		const friend = await openShop(undefined, `?ref=${code}`);
		const welcome = body(friend.page).locator('.card', { hasText: 'Your friend sent you $10 off' });
		await welcome.waitFor();
		await welcome.getByLabel('Email').fill(friendEmail);
		await welcome.getByRole('button', { name: 'Claim' }).click();
		const gift = (await text(welcome.locator('code')))!;
		expect(gift).toBeTruthy();

		// On another device, the referrer's own email and a second claim for the friend's email get the
		// server's answers: the first leaves the form to try again, the second says where the code went.
		const again = await openShop(undefined, `?ref=${code}`);
		const retry = body(again.page).locator('.card', { hasText: 'Your friend sent you $10 off' });
		await retry.getByLabel('Email').fill(`${referrerId}@example.com`);
		await retry.getByRole('button', { name: 'Claim' }).click();
		await retry.getByText('That’s your own link.').waitFor();
		await retry.getByLabel('Email').fill(friendEmail);
		await retry.getByRole('button', { name: 'Claim' }).click();
		await retry.getByText('This email already claimed its gift. The code is on the device you claimed it on.').waitFor();
		expect(await retry.locator('code').count()).toBe(0);

		// The friend's first order arrives through the merchant's webhook, with the gift applied.
		expect((await order(newCustomerId('guest'), 5000, { email: friendEmail, couponCodes: [gift] })).referralRewarded).toBe(true);
		await referrer.page.evaluate(() => (window as unknown as { Rewards: RewardsGlobal }).Rewards.refresh());
		await openPanel(referrer.page, 'Home');
		await expect.poll(() => text(balance(referrer.page))).toBe('600 points');
		await openPanel(referrer.page, 'Activity');
		const referred = body(referrer.page).locator('li.row', { hasText: /^Referred \S+@example\.com/ });
		await referred.waitFor();
		expect(await text(referred.locator('b').last())).toBe('+500');
		expect(unexpected([...referrer.errors, ...friend.errors, ...again.errors])).toEqual([]);
		await Promise.all([referrer.close(), friend.close(), again.close()]);
	});
});

describe('never spends twice', () => {
	it('7. a double click on Redeem only asks; a double click on Confirm redeems once (server ledger)', async () => {
		const customerId = newCustomerId('double');
		const token = await tokenFor(customerId);
		await stage.server.api.get(storePath('/customer'), { token }); // enrols: 100 points
		await order(customerId, 10_000); // +500
		const { page, errors, close } = await openShop(token);
		const redemptions = watchRequests(page, '/customer/redemptions');
		await openPanel(page, 'Redeem');
		const reward = row(page, '$5 off');
		await reward.getByRole('button', { name: 'Redeem' }).dblclick();
		await reward.getByText('Spend 500 points for $5 off?').waitFor();
		// A redemption would have been sent by the click handlers, before the confirmation showed.
		expect(redemptions.sent).toBe(0);
		expect((await stage.server.api.get(storePath('/customer'), { token })).body.balance).toBe(600);
		await reward.getByRole('button', { name: 'Confirm' }).dblclick();
		await reward.locator('code').waitFor();
		// Whatever the double click sent has been answered before the ledger is read.
		await expect.poll(() => redemptions.inFlight).toBe(0);
		expect(redemptions.sent).toBeGreaterThan(0);
		const ledger = (await stage.server.api.get(storePath('/customer/activity'), { token })).body.items as Array<{
			kind: string;
			points: number;
		}>;
		expect(ledger.filter((entry) => entry.kind === 'redemption')).toEqual([expect.objectContaining({ points: -500 })]);
		expect((await stage.server.api.get(storePath('/customer'), { token })).body.balance).toBe(100);
		expect(errors).toEqual([]);
		await close();
	});
});
