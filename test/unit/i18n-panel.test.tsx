import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedConfig } from '../../src/config/defaults';
import { validateOptions } from '../../src/config/validate';
import { LAUNCHER_ICONS } from '../../src/config/launcher-icons';
import { safeUrl } from '../../src/config/safe-url';
import { savedKey } from '../../src/state/saved-key';
import en from '../../src/i18n/en';
import type { Catalogue } from '../../src/i18n/message';
import { createTranslator } from '../../src/i18n/translate';
import { createStore } from '../../src/state/store';
import { formatDate, formatMoney } from '../../src/ui/format';
import { createI18n } from '../../src/ui/i18n';
import { mountPanel } from '../../src/ui/panel';
import type { PanelController } from '../../src/ui/panel-host';
import { PROGRAM } from './ui/support';

/*
Issue #5: the panel's language end to end in one document. The program's texts come from the
server in the language of the panel's catalogue (Accept-Language), again whenever it changes, and
an answer in a language the shopper has left never wins over the newer one.
*/

const TITLES: Record<string, string> = { en: 'Free shipping', fr: 'Livraison offerte', it: 'Spedizione gratuita', pl: 'Darmowa dostawa' };

/** The program in the request's language; `hold` keeps answers for a language until released. */
function fakeServer() {
	const languages: string[] = [];
	const held = new Map<string, () => void>();
	const hold = new Set<string>();
	vi.stubGlobal(
		'fetch',
		vi.fn(async (request: Request) => {
			const language = request.headers.get('accept-language') ?? 'en';
			if (!request.url.endsWith('/program')) return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
			languages.push(language);
			if (hold.has(language)) await new Promise<void>((resolve) => held.set(language, resolve));
			const program = { ...PROGRAM, locale: language, rewards: [{ ...PROGRAM.rewards[1], title: TITLES[language] }] };
			return new Response(JSON.stringify(program), { status: 200, headers: { 'content-type': 'application/json' } });
		}),
	);
	return { languages, hold, release: (language: string) => held.get(language)?.() };
}

let controller: PanelController | undefined;
afterEach(() => {
	controller?.destroy();
	controller = undefined;
	document.body.replaceChildren();
	vi.unstubAllGlobals();
});

function mount(locale: string, options: Record<string, unknown> = {}) {
	const element = document.createElement('div');
	document.body.append(element);
	const root = element.attachShadow({ mode: 'open' });
	const config = validateOptions({ store: 'pk_test', api: 'http://127.0.0.1:9', locale, ...options }).config as ResolvedConfig;
	controller = mountPanel({
		root,
		config,
		locale,
		launcher: null,
		setStyles: () => {},
		repickOnPrimary: () => {},
		emit: () => {},
		report: () => {},
		onOpenChange: () => {},
		setBadge: () => {},
		shared: { safeUrl, savedKey, launcherIcons: LAUNCHER_ICONS },
	});
	controller.open('redeem');
	const text = () => root.querySelector('.panel')?.textContent ?? '';
	return { root, config, text };
}

describe('the program follows the panel language', () => {
	it('paints in the panel’s language from the first frame, and asks for the program in it from the first request', async () => {
		const server = fakeServer();
		const { root, text } = mount('fr');
		// Every title the panel ever shows: never "Rewards" first, then "Récompenses".
		const titles: string[] = [];
		const observer = new MutationObserver(() => titles.push(root.querySelector('.panel-title')?.textContent ?? ''));
		observer.observe(root, { subtree: true, childList: true, characterData: true });
		await waitFor(() => expect(text()).toContain('Livraison offerte'));
		observer.disconnect();
		expect(text()).toContain('Échanger');
		expect(new Set(titles.filter(Boolean))).toEqual(new Set(['Récompenses']));
		// The panel says which language it speaks, whatever the page's <html lang>.
		expect(root.querySelector('[role="dialog"]')!.getAttribute('lang')).toBe('fr');
		expect(server.languages).toEqual(['fr']);
	});

	it('destroyed before its catalogue arrived, it neither paints nor asks', async () => {
		const server = fakeServer();
		const { root } = mount('it');
		controller!.destroy();
		controller = undefined;
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(root.querySelector('.panel')).toBeNull();
		expect(server.languages).toEqual([]);
	});

	it('fetches the program again when init() switches the language, and shows the new titles', async () => {
		const server = fakeServer();
		const { root, text, config } = mount('fr');
		await waitFor(() => expect(text()).toContain('Livraison offerte'));
		controller!.update({ ...config, locale: 'pl' }, 'pl');
		await waitFor(() => expect(text()).toContain('Darmowa dostawa'));
		expect(text()).toContain('Wymieniaj');
		expect(root.querySelector('[role="dialog"]')!.getAttribute('lang')).toBe('pl');
		expect(server.languages.at(-1)).toBe('pl');
	});

	it('an answer in the language the shopper left never replaces the newer one', async () => {
		const server = fakeServer();
		const { text, config } = mount('en');
		await waitFor(() => expect(text()).toContain('Free shipping'));
		server.hold.add('pl');
		controller!.update({ ...config, locale: 'pl' }, 'pl');
		await waitFor(() => expect(server.languages).toContain('pl'));
		controller!.update({ ...config, locale: 'it' }, 'it');
		await waitFor(() => expect(text()).toContain('Spedizione gratuita'));
		server.release('pl');
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(text()).toContain('Spedizione gratuita');
		expect(text()).not.toContain('Darmowa dostawa');
	});
});

describe('which answer the store keeps', () => {
	it('the program still arrives when the shopper signs in while it loads', async () => {
		const server = fakeServer();
		server.hold.add('en');
		const config = validateOptions({ store: 'pk_test', api: 'http://127.0.0.1:9' }).config as ResolvedConfig;
		const store = createStore({ config: () => config, locale: () => 'en', emit: () => {}, report: () => {} });
		const refreshed = store.refresh();
		await waitFor(() => expect(server.languages).toEqual(['en']));
		store.identify('token');
		server.release('en');
		await refreshed;
		expect(store.program.value.data?.rewards[0].title).toBe('Free shipping');
		expect(store.program.value.loading).toBeFalsy();
	});
});

describe('merchant overrides', () => {
	it('replace any message per locale, and only in that locale', () => {
		const english: Catalogue = en;
		const t = createTranslator('fr', { panelTitle: 'Récompenses', closePanel: 'Fermer les récompenses' }, english, {
			panelTitle: 'Mes avantages',
			points: '{count} étoiles',
		});
		expect(t('panelTitle')).toBe('Mes avantages');
		expect(t('closePanel')).toBe('Fermer les récompenses');
		expect(t('points', { count: 1200 })).toBe('1\u202f200 étoiles');
		// A key the locale lacks falls back to English.
		expect(t('navLabel')).toBe('Rewards sections');
	});

	it('reach the panel through init({ text }) and follow a language switch', async () => {
		const i18n = createI18n('fr', { fr: { panelTitle: 'Mes avantages' }, it: { panelTitle: 'I miei vantaggi' } }, () => {});
		await waitFor(() => expect(i18n.locale.value).toBe('fr'));
		expect(i18n.t.value('panelTitle')).toBe('Mes avantages');
		expect(i18n.t.value('navHome')).toBe('Accueil');
		await i18n.setLocale('it');
		expect(i18n.t.value('panelTitle')).toBe('I miei vantaggi');
		await i18n.setLocale('en');
		expect(i18n.t.value('panelTitle')).toBe('Rewards');
	});

	it('show in the open panel', async () => {
		fakeServer();
		const { text } = mount('fr', { text: { fr: { panelTitle: 'Mes avantages', navRedeem: 'Mes cadeaux' } } });
		await waitFor(() => expect(text()).toContain('Mes avantages'));
		expect(text()).toContain('Mes cadeaux');
	});
});

describe('plural forms through the real catalogues', () => {
	it.each([
		['fr', 0, '0 point'],
		['fr', 1, '1 point'],
		['fr', 2, '2 points'],
		['fr', 1_000_000, '1\u202f000\u202f000 de points'],
		['it', 1, '1 punto'],
		['it', 1_500, '1500 punti'],
		['it', 1_000_000, '1.000.000 di punti'],
		['en', 1, '1 point'],
		['en', 1_500, '1,500 points'],
	])('%s %i → %s', async (locale, count, expected) => {
		const i18n = createI18n(locale, {}, () => {});
		await waitFor(() => expect(i18n.locale.value).toBe(locale));
		expect(i18n.t.value('points', { count })).toBe(expected);
	});
});

describe('numbers, money and dates through Intl, in the panel’s language', () => {
	it.each([
		['en', '$49.90', '$1', 'February 14', '12,345'],
		['fr', '49,90\u00a0$US', '1\u00a0$US', '14 février', '12\u202f345'],
		['it', '49,90\u00a0USD', '1\u00a0USD', '14 febbraio', '12.345'],
		['pl', '49,90\u00a0USD', '1\u00a0USD', '14 lutego', '12\u00a0345'],
	])('%s: %s, %s, %s, %s', async (locale, subtotal, unit, birthday, balance) => {
		// The store's currency comes from the program (USD for the demo store), whatever the language.
		expect(formatMoney(locale, 4990, 'USD')).toBe(subtotal);
		expect(formatMoney(locale, 100, 'USD')).toBe(unit);
		expect(formatDate(locale, '2026-02-14T00:00:00Z', { month: 'long', day: 'numeric' })).toBe(birthday);
		const i18n = createI18n(locale, {}, () => {});
		await waitFor(() => expect(i18n.locale.value).toBe(locale));
		expect(i18n.t.value('perUnit', { points: i18n.t.value('points', { count: 12_345 }), amount: unit })).toContain(balance);
	});
});
