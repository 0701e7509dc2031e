import type { Catalogue, Message, MessageParams } from './message';

export type Translate = (key: string, params?: MessageParams) => string;

/**
Builds `t(key, params)` for one locale. Lookup order: the merchant's overrides for this locale,
the locale's catalogue, then English. A missing key renders as the key, so a gap is visible but harmless.
*/
export function createTranslator(
	locale: string,
	catalogue: Catalogue,
	fallback: Catalogue,
	overrides: Record<string, string> = {},
): Translate {
	const plurals = new Intl.PluralRules(locale);
	const numbers = new Intl.NumberFormat(locale);
	const pick = (message: Message, count: number | undefined): string => {
		if (typeof message === 'string') return message;
		const category = count === undefined ? 'other' : plurals.select(count);
		return message[category] ?? message.other ?? Object.values(message)[0] ?? '';
	};
	return (key, params = {}) => {
		const message = overrides[key] ?? catalogue[key] ?? fallback[key] ?? key;
		const count = typeof params.count === 'number' ? params.count : undefined;
		return pick(message, count).replace(/\{(\w+)\}/g, (whole, name: string) => {
			const value = params[name];
			if (value === undefined) return whole;
			return typeof value === 'number' ? numbers.format(value) : value;
		});
	};
}
