import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorefront } from '../../demo/storefront-server';
import en from '../../src/i18n/en';
import fr from '../../src/i18n/fr';
import itCatalogue from '../../src/i18n/it';
import type { Catalogue, Message } from '../../src/i18n/message';
import pl from '../../src/i18n/pl';
import type { StaticServer } from '../support/static-server';
import { launchChromium } from '../support/chromium';
import { DEMO_STORE, newCustomerId, startTestServer, storePath, tokenFor, type TestServer } from '../server/support/harness';
import { startFixture, type Fixture } from './support/fixture';
import { dialog, launcher } from './support/page';

/*
Issue #5, end to end in Chromium against the reference server: the locale chain in a real page,
program texts from the server in the panel's language, merchant overrides, only the active
locale's catalogue on the wire, the demo storefront's language picker, and the layout under a
right-to-left and a 40 %-longer pseudo-locale at 320 px. Screenshots go to test-results/.
*/

let browser: Browser;
let fixture: Fixture;
let storefront: StaticServer;
let server: TestServer;

beforeAll(async () => {
	fixture = await startFixture();
	storefront = await startStorefront({ api: () => server.url, store: DEMO_STORE });
	[server, browser] = await Promise.all([startTestServer({ allowedOrigins: [fixture.url, storefront.url] }), launchChromium()]);
	fixture.values.API = server.url;
	mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await fixture?.close();
	await storefront?.close();
	await server?.close();
});

interface Opened {
	page: Page;
	context: BrowserContext;
	/** Paths under /dist/ the page asked for, in order. */
	scripts: string[];
	/** Accept-Language of every program request. */
	programLanguages: string[];
	errors: string[];
}

/** Opens `url` in a fresh context, recording script and program requests and page errors. */
async function open(url: string, context: BrowserContextOptions = {}): Promise<Opened> {
	const ctx = await browser.newContext({ reducedMotion: 'reduce', ...context });
	const opened: Opened = { page: undefined as unknown as Page, context: ctx, scripts: [], programLanguages: [], errors: [] };
	ctx.on('request', (request) => {
		const { pathname } = new URL(request.url());
		if (pathname.startsWith('/dist/')) opened.scripts.push(pathname);
		if (pathname.endsWith('/program')) opened.programLanguages.push(request.headers()['accept-language']);
	});
	opened.page = await ctx.newPage();
	opened.page.on('pageerror', (error) => opened.errors.push(`pageerror: ${error.message}`));
	opened.page.on('console', (message) => message.type() === 'error' && opened.errors.push(`console.error: ${message.text()}`));
	await opened.page.goto(url);
	await launcher(opened.page).waitFor();
	return opened;
}

/** pages/i18n.html with `<html lang dir>` and the options of its queued `Rewards('init', …)`. */
function openWidget({
	lang = '',
	dir = 'ltr',
	init = {},
	context = {},
}: {
	lang?: string;
	dir?: string;
	init?: Record<string, unknown>;
	context?: BrowserContextOptions;
}) {
	Object.assign(fixture.values, {
		LANG: lang,
		DIR: dir,
		INIT: JSON.stringify({ store: DEMO_STORE.key, api: server.url, ...init }).replace(/</g, '\\u003c'),
	});
	return open(`${fixture.url}/pages/i18n.html`, context);
}

/** A generous wait: the machine is often busy with other test runs. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
/** Text with its no-break spaces as plain ones. */
const spaced = async (text: Promise<string | null>) => ((await text) ?? '').replace(/\s/g, ' ');
const catalogueChunks = (scripts: string[]) =>
	scripts.map((path) => /^\/dist\/chunks\/([a-z]{2})-[\w-]+\.js$/.exec(path)?.[1]).filter(Boolean);
const panelTitle = (page: Page) => page.locator('rewards-widget .panel-title');
const tabs = (page: Page) => page.locator('rewards-widget .panel-nav button');
const body = (page: Page) => page.locator('rewards-widget .panel-body');

async function openPanel(page: Page) {
	await launcher(page).click();
	await dialog(page).waitFor({ state: 'visible' });
}

/** Switches the panel's language the way a storefront does: `<html lang>` and init({ locale }). */
const switchTo = (page: Page, locale: string) =>
	page.evaluate((next) => {
		document.documentElement.lang = next;
		(window as unknown as { Rewards: { init(o: object): void } }).Rewards.init({ locale: next });
	}, locale);

describe('locale choice in a real page', () => {
	it.each([
		['the locale option first', { init: { locale: 'it' }, lang: 'fr-CA', context: { locale: 'pl-PL' } }, 'Premi'],
		['then <html lang>, a regional variant falling back (fr-CA → fr)', { lang: 'fr-CA', context: { locale: 'pl-PL' } }, 'Récompenses'],
		['then navigator.languages', { lang: 'de', context: { locale: 'pl-PL' } }, 'Nagrody'],
		['then English', { lang: 'de', context: { locale: 'de-DE' } }, 'Rewards'],
	])('%s', async (_, options, label) => {
		const opened = await openWidget(options);
		expect(await launcher(opened.page).textContent()).toBe(label);
		// Before any intent, only the launcher script: no panel, no catalogue.
		expect(opened.scripts).toEqual(['/dist/rewards.js']);
		await openPanel(opened.page);
		// Already in the shopper's language when it first shows: no English first.
		expect(await panelTitle(opened.page).textContent()).toBe(label);
		expect(opened.errors).toEqual([]);
		await opened.context.close();
	});
});

describe('French, Italian and Polish panels', () => {
	it('fr: French messages, French titles from the server, the fr catalogue alone, and the merchant’s own words', async () => {
		const { page, scripts, programLanguages, errors, context } = await openWidget({
			lang: 'en',
			init: { locale: 'fr', text: { fr: { launcherLabel: 'Mes avantages', panelTitle: 'Club Maple & Moss' } } },
		});
		expect(await launcher(page).textContent()).toBe('Mes avantages');
		await openPanel(page);
		expect(await panelTitle(page).textContent()).toBe('Club Maple & Moss');
		expect(await tabs(page).allTextContents()).toEqual(['Accueil', 'Gagner', 'Échanger', 'Parrainer', 'Historique']);
		// The page is English; the panel says it is French, so a screen reader reads it in French.
		expect(await dialog(page).getAttribute('lang')).toBe('fr');
		await tabs(page).nth(2).click();
		await body(page).getByText('Livraison offerte', { exact: true }).waitFor();
		await body(page).getByText('Convertissez vos points en dollars', { exact: true }).waitFor();
		expect(await body(page).getByText('800 points', { exact: true }).count()).toBe(1);
		// Money in the store's currency (USD), written the French way.
		expect(await spaced(body(page).textContent())).toContain('100 points pour 1 $US');
		expect(programLanguages.length).toBeGreaterThan(0);
		expect(new Set(programLanguages)).toEqual(new Set(['fr']));
		// English ships with the panel; exactly one more catalogue chunk, French, and no other.
		expect(scripts.filter((path) => path === '/dist/rewards-panel.js')).toHaveLength(1);
		expect(catalogueChunks(scripts)).toEqual(['fr']);

		// The browser's plural rules are the ones the catalogues were written for.
		const categories = await page.evaluate(() =>
			Object.fromEntries(
				['en', 'fr', 'it', 'pl'].map((locale) => [locale, new Intl.PluralRules(locale).resolvedOptions().pluralCategories]),
			),
		);
		const catalogues: Record<string, Catalogue> = { en, fr, it: itCatalogue, pl };
		for (const [locale, needed] of Object.entries(categories))
			expect(Object.keys(catalogues[locale].points as object)).toEqual(expect.arrayContaining(needed));

		// Switching language refetches the program in the new one; the override was French only.
		await switchTo(page, 'it');
		await poll(() => tabs(page).allTextContents()).toEqual(['Home', 'Guadagna', 'Riscatta', 'Invita', 'Attività']);
		await body(page).getByText('Spedizione gratuita', { exact: true }).waitFor();
		expect(await panelTitle(page).textContent()).toBe('Premi');
		expect(await launcher(page).textContent()).toBe('Premi');
		expect(programLanguages.at(-1)).toBe('it');
		expect(catalogueChunks(scripts)).toEqual(['fr', 'it']);

		await switchTo(page, 'pl');
		await body(page).getByText('Darmowa dostawa', { exact: true }).waitFor();
		expect(await body(page).getByText('800 punktów', { exact: true }).count()).toBe(1);
		expect(await spaced(body(page).textContent())).toContain('100 punktów za 1 USD');
		expect(await tabs(page).allTextContents()).toEqual(['Start', 'Zbieraj', 'Wymieniaj', 'Polecaj', 'Historia']);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('the demo storefront’s language picker switches the open panel between the four languages', async () => {
		const { page, errors, context, programLanguages } = await open(`${storefront.url}/`);
		await page.locator('#open-rewards').click();
		await dialog(page).waitFor({ state: 'visible' });
		await poll(() => panelTitle(page).textContent()).toBe('Rewards');
		for (const [locale, title, redeemTab, reward] of [
			['pl', 'Nagrody', 'Wymieniaj', 'Darmowa dostawa'],
			['fr', 'Récompenses', 'Échanger', 'Livraison offerte'],
			['it', 'Premi', 'Riscatta', 'Spedizione gratuita'],
			['en', 'Rewards', 'Redeem', 'Free shipping'],
		]) {
			// The picker sits behind the modal panel: close it, pick, open it again.
			await page.keyboard.press('Escape');
			await dialog(page).waitFor({ state: 'hidden' });
			await page.locator('#language').selectOption(locale);
			await page.locator('#open-rewards').click();
			await poll(() => panelTitle(page).textContent()).toBe(title);
			expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
			await tabs(page).filter({ hasText: redeemTab }).click();
			await body(page).getByText(reward, { exact: true }).waitFor();
			expect(programLanguages.at(-1)).toBe(locale);
		}
		expect(errors).toEqual([]);
		await context.close();
	});
});

// ---------------------------------------------------------------------------------------------
// Pseudo-locales: every English message transformed, supplied through the merchant overrides.

type Transform = (text: string) => string;

/** Applies `transform` to the words of a message, never to its {placeholders}. */
const words = (transform: Transform) => (text: string) =>
	text
		.split(/(\{\w+\})/)
		.map((part, index) => (index % 2 ? part : part.replace(/[\p{L}’']+/gu, transform)))
		.join('');

const ACCENTED: Record<string, string> = {
	a: 'á',
	e: 'é',
	i: 'î',
	o: 'ö',
	u: 'ü',
	c: 'ç',
	n: 'ñ',
	s: 'š',
	z: 'ž',
	y: 'ý',
	A: 'Å',
	E: 'É',
	I: 'Î',
	O: 'Ö',
	U: 'Ü',
};
/** German-length: every word 60 % longer, so that every message is at least 40 % longer, accented. */
const longer = words((word) =>
	[...`${word}${word.repeat(3).slice(1, 1 + Math.ceil(word.length * 0.6))}`].map((c) => ACCENTED[c] ?? c).join(''),
);
/** Right-to-left: every word in a right-to-left override (U+202E … U+202C), so it reads mirrored. */
const rtl = words((word) => `\u202e${word}\u202c`);

function pseudoCatalogue(transform: Transform): Record<string, Message> {
	const transformed = (message: Message): Message =>
		typeof message === 'string'
			? transform(message)
			: Object.fromEntries(Object.entries(message).map(([category, text]) => [category, transform(text!)]));
	return Object.fromEntries(Object.entries(en).map(([key, message]) => [key, transformed(message)]));
}

const PAGES = ['home', 'earn', 'redeem', 'refer', 'activity'] as const;

/**
Runs in the page: text that overflows its box (scrollWidth > clientWidth where nothing scrolls on
purpose), text outside the panel, text boxes that overlap, horizontal scrolling, and which side
the close button and the first tab are on.
*/
function auditLayout() {
	const root = document.querySelector('rewards-widget')!.shadowRoot!;
	const panel = root.querySelector('.panel[role="dialog"]')!;
	const box = panel.getBoundingClientRect();
	const problems: string[] = [];
	const name = (element: Element) =>
		`${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).replace(/ /g, '.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
	const hiddenOnPurpose = (element: Element) => !!element.closest('.visually-hidden, select, option, svg, [aria-hidden="true"]');

	for (const element of [panel, ...panel.querySelectorAll('.panel-header, .panel-nav, .panel-body')]) {
		if (element.scrollWidth > element.clientWidth + 1)
			problems.push(`scrolls sideways: ${name(element)} ${element.scrollWidth} > ${element.clientWidth}`);
	}

	const texts: { node: Text; rect: DOMRect }[] = [];
	const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
		const parent = node.parentElement!;
		if (!node.data.trim() || hiddenOnPurpose(parent)) continue;
		const range = document.createRange();
		range.selectNodeContents(node);
		for (const rect of range.getClientRects()) {
			if (rect.width < 1 || rect.height < 1) continue;
			texts.push({ node, rect });
			if (rect.left < box.left - 1 || rect.right > box.right + 1) problems.push(`text outside the panel: ${name(parent)}`);
		}
	}

	// Every box that holds text: nothing spills out sideways, nor is cut off at the bottom.
	const holders = new Set<Element>(texts.map(({ node }) => node.parentElement!));
	for (const element of [...panel.querySelectorAll('button, a, label, input, output, small, p, b, h2, h3, li')]) holders.add(element);
	for (const element of holders) {
		if (hiddenOnPurpose(element)) continue;
		const style = getComputedStyle(element);
		// Inline boxes have no scroll box; their block container is checked instead.
		if (style.display === 'inline' || style.display === 'contents') continue;
		if (element instanceof HTMLInputElement) continue; // an input scrolls its own value on purpose
		if (['auto', 'scroll'].includes(style.overflowX)) continue;
		if (element.scrollWidth > element.clientWidth + 1)
			problems.push(`text overflows: ${name(element)} ${element.scrollWidth} > ${element.clientWidth}`);
		if (style.overflowY !== 'visible' && style.overflowY !== 'auto' && element.scrollHeight > element.clientHeight + 1)
			problems.push(`text cut off: ${name(element)}`);
	}

	for (let i = 0; i < texts.length; i++) {
		for (let j = i + 1; j < texts.length; j++) {
			const a = texts[i].rect;
			const b = texts[j].rect;
			const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
			const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
			if (texts[i].node !== texts[j].node && overlapX > 2 && overlapY > 2)
				problems.push(`text overlaps: "${texts[i].node.data.trim().slice(0, 30)}" and "${texts[j].node.data.trim().slice(0, 30)}"`);
		}
	}

	const close = root.querySelector('.icon-button')!.getBoundingClientRect();
	const title = root.querySelector('.panel-title')!.getBoundingClientRect();
	const [first, second] = [...root.querySelectorAll('.panel-nav button')].map((tab) => tab.getBoundingClientRect());
	return {
		problems: [...new Set(problems)],
		direction: getComputedStyle(panel).direction,
		closeOnTheLeft: close.right <= title.left + 1,
		firstTabOnTheLeft: first.top == second.top ? first.left < second.left : undefined,
		sideways: panel.scrollWidth - panel.clientWidth,
		texts: texts.length,
	};
}

describe('layout under pseudo-locales at 320 px, member signed in', () => {
	let token: string;

	beforeAll(async () => {
		const customerId = newCustomerId('i18n');
		token = await tokenFor(customerId);
		expect((await server.api.get(storePath('/customer'), { token })).status).toBe(200);
		// Enough points for every reward, a coupon in "My rewards" and a few ledger lines.
		expect((await server.api.order({ orderId: `order-${newCustomerId()}`, customerId, subtotal: 40000 })).status).toBe(200);
		const redeemed = await server.api.post(
			storePath('/customer/redemptions'),
			{ rewardId: 'five-off' },
			{ token, headers: { 'idempotency-key': `i18n-${newCustomerId()}` } },
		);
		expect(redeemed.status).toBe(201);
	});

	it('the pseudo-locales transform every message, and the long one is ≥ 40 % longer', () => {
		const english = en as unknown as Record<string, Message>;
		const long = pseudoCatalogue(longer);
		expect(Object.keys(long)).toEqual(Object.keys(english));
		const texts = (message: Message) => (typeof message === 'string' ? [message] : (Object.values(message) as string[]));
		for (const key of Object.keys(english)) {
			texts(english[key]).forEach((text, index) => {
				const bare = (value: string) => value.replace(/\{\w+\}/g, '');
				if (/\p{L}/u.test(bare(text)))
					expect(bare(texts(long[key])[index]).length, key).toBeGreaterThanOrEqual(Math.ceil(bare(text).length * 1.4));
			});
		}
		expect(pseudoCatalogue(rtl).closePanel).toBe('\u202eClose\u202c \u202erewards\u202c');
	});

	it.each([
		['rtl', 'rtl', rtl],
		['long', 'ltr', longer],
	] as const)('%s: every page fits at 320 px, nothing clipped or overlapping, mirrored in RTL', async (label, dir, transform) => {
		const { page, errors, context } = await openWidget({
			lang: 'en',
			dir,
			init: { locale: 'en', customerToken: token, text: { en: pseudoCatalogue(transform) } },
			context: { viewport: { width: 320, height: 720 } },
		});
		await openPanel(page);
		const found: Record<string, string[]> = {};
		for (const [index, name] of PAGES.entries()) {
			await tabs(page).nth(index).click();
			await poll(() => tabs(page).nth(index).getAttribute('aria-current')).toBe('page');
			await body(page).locator('[aria-busy="true"]').waitFor({ state: 'detached' });
			await body(page)
				.locator(name === 'home' ? '.balance-amount' : name === 'refer' ? 'input[readonly]' : 'li')
				.first()
				.waitFor();
			const audit = await page.evaluate(auditLayout);
			expect(audit.texts, name).toBeGreaterThan(5);
			expect(audit.sideways, name).toBeLessThanOrEqual(0);
			expect(audit.direction, name).toBe(dir);
			expect(audit.closeOnTheLeft, `${name}: close button on the ${dir == 'rtl' ? 'left' : 'right'}`).toBe(dir == 'rtl');
			if (audit.firstTabOnTheLeft !== undefined) expect(audit.firstTabOnTheLeft, `${name}: first tab at the start`).toBe(dir == 'ltr');
			if (audit.problems.length) found[name] = audit.problems;
			// For people: the whole page of the panel in one picture, the window as tall as its content.
			const height = await page.evaluate(() => {
				const root = document.querySelector('rewards-widget')!.shadowRoot!;
				return ['.panel-header', '.panel-nav'].reduce(
					(sum, selector) => sum + root.querySelector(selector)!.getBoundingClientRect().height,
					root.querySelector('.panel-body')!.scrollHeight,
				);
			});
			await page.setViewportSize({ width: 320, height: Math.max(720, Math.ceil(height) + 2) });
			await page.screenshot({ path: `test-results/i18n-${label}-${name}-320.png` });
			await page.setViewportSize({ width: 320, height: 720 });
		}
		expect(found).toEqual({});
		expect(errors).toEqual([]);
		await context.close();
	});
});
