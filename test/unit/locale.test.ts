import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../../src/i18n/locale';

describe('resolveLocale', () => {
	it('prefers the option, then <html lang>, then navigator.languages, then English', () => {
		expect(resolveLocale('it', 'fr', ['pl'])).toBe('it');
		expect(resolveLocale(undefined, 'fr-CA', ['pl'])).toBe('fr');
		expect(resolveLocale(undefined, 'de', ['de-AT', 'pl-PL'])).toBe('pl');
		expect(resolveLocale('de', '', [])).toBe('en');
	});
});
