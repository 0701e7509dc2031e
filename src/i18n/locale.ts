/** Locales with a complete catalogue. */
export const SUPPORTED_LOCALES = ['en', 'fr', 'it', 'pl'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** `fr-CA` → `fr`; unknown languages → undefined. */
export function matchLocale(tag: string | null | undefined): SupportedLocale | undefined {
	if (!tag) return undefined;
	const language = tag.trim().toLowerCase().split(/[-_]/)[0];
	return (SUPPORTED_LOCALES as readonly string[]).includes(language) ? (language as SupportedLocale) : undefined;
}

/** The `locale` option, then `<html lang>`, then `navigator.languages`, then English. */
export function resolveLocale(
	option: string | undefined,
	documentLang: string | null | undefined,
	languages: readonly string[] = [],
): SupportedLocale {
	for (const candidate of [option, documentLang, ...languages]) {
		const match = matchLocale(candidate);
		if (match) return match;
	}
	return 'en';
}
