import { signal, type ReadonlySignal } from '@preact/signals';
import en from '../i18n/en';
import type { Catalogue } from '../i18n/message';
import { createTranslator, type Translate } from '../i18n/translate';

// English ships inside the panel chunk; other locales are separate chunks fetched on demand.
const LOADERS: Record<string, () => Promise<{ default: Catalogue }>> = {
	fr: () => import('../i18n/fr'),
	it: () => import('../i18n/it'),
	pl: () => import('../i18n/pl'),
};

export interface I18n {
	locale: ReadonlySignal<string>;
	t: ReadonlySignal<Translate>;
	/** Switches language; resolves once the catalogue is in. */
	setLocale(locale: string, overrides?: Record<string, Record<string, string>>): Promise<void>;
	/** Resolves once the first language's catalogue is in (at once for English). */
	ready: Promise<void>;
}

export function createI18n(
	initialLocale: string,
	initialOverrides: Record<string, Record<string, string>>,
	report: (error: unknown) => void,
): I18n {
	const english: Catalogue = en;
	const locale = signal('en');
	const t = signal<Translate>(createTranslator('en', english, english, initialOverrides.en));
	let request = 0;
	const setLocale = async (next: string, overrides = initialOverrides) => {
		const mine = ++request;
		let catalogue = english;
		if (LOADERS[next]) {
			try {
				catalogue = (await LOADERS[next]()).default;
			} catch (error) {
				report(error);
				next = 'en';
			}
		} else next = 'en';
		if (mine !== request) return;
		locale.value = next;
		t.value = createTranslator(next, catalogue, english, overrides[next]);
	};
	return { locale, t, setLocale, ready: setLocale(initialLocale) };
}
