import type { LocalizedText } from './definition';

/**
Picks the best of `available` for an Accept-Language header (q-values honoured, `fr-CA`
falling back to `fr`), else `fallback`.
*/
export function negotiateLocale(header: string | undefined, available: readonly string[], fallback: string): string {
	if (!header) return fallback;
	const wanted = header
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
			return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
		})
		.filter(({ tag, q }) => tag && tag !== '*' && q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	const lower = available.map((locale) => locale.toLowerCase());
	for (const { tag } of wanted) {
		const exact = lower.indexOf(tag);
		if (exact >= 0) return available[exact];
		const language = lower.indexOf(tag.split('-')[0]);
		if (language >= 0) return available[language];
	}
	return fallback;
}

/** The text in `locale`, else in `fallback`, else any. */
export function localize(text: LocalizedText | undefined | null, locale: string, fallback: string): string {
	if (!text) return '';
	return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
