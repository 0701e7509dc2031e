import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en';
import fr from '../../src/i18n/fr';
import itCatalogue from '../../src/i18n/it';
import type { Catalogue, Message } from '../../src/i18n/message';
import pl from '../../src/i18n/pl';
import { createTranslator } from '../../src/i18n/translate';

const catalogues: Record<string, Catalogue> = { en, fr, it: itCatalogue, pl };

const placeholders = (message: Message) =>
	[
		...new Set(
			(typeof message === 'string' ? [message] : Object.values(message)).flatMap((text) =>
				[...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
			),
		),
	].sort();

describe('message catalogues', () => {
	it.each(['fr', 'it', 'pl'])('%s has exactly the English keys', (locale) => {
		expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(en).sort());
	});

	it.each(['fr', 'it', 'pl'])('%s uses the same placeholders as English in every message', (locale) => {
		const mismatches = Object.keys(en).filter(
			(key) => JSON.stringify(placeholders(catalogues[locale][key])) !== JSON.stringify(placeholders(catalogues.en[key])),
		);
		expect(mismatches).toEqual([]);
	});

	it.each(['en', 'fr', 'it', 'pl'])('%s gives every plural message all the categories its language needs', (locale) => {
		const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
		const incomplete = Object.entries(catalogues[locale])
			.filter(([, message]) => typeof message !== 'string')
			.filter(([, message]) => needed.some((category) => !(message as Record<string, string>)[category]))
			.map(([key]) => key);
		expect(incomplete).toEqual([]);
	});

	// Messages that are English word for word on purpose: words the language shares.
	const SAME_AS_ENGLISH: Record<string, string[]> = {
		fr: [],
		it: ['navHome', 'email', 'perUnit'],
		pl: [],
	};
	/** A message with no words of its own, only placeholders and signs: the same in every language. */
	const wordless = (message: Message) =>
		(typeof message === 'string' ? [message] : Object.values(message)).every(
			(text) => !/\p{L}/u.test((text ?? '').replace(/\{\w+\}/g, '')),
		);

	const untranslatedKeys = (locale: string, catalogue: Catalogue) =>
		Object.entries(catalogue)
			.filter(([key, message]) => JSON.stringify(message) === JSON.stringify(catalogues.en[key]))
			.filter(([key, message]) => !wordless(message) && !SAME_AS_ENGLISH[locale].includes(key))
			.map(([key]) => key);

	it.each(['fr', 'it', 'pl'])('%s has no message empty or left in English by accident', (locale) => {
		const empty = Object.entries(catalogues[locale])
			.filter(([, message]) => (typeof message === 'string' ? [message] : Object.values(message)).some((text) => !text?.trim()))
			.map(([key]) => key);
		expect(empty).toEqual([]);
		expect(untranslatedKeys(locale, catalogues[locale])).toEqual([]);
	});

	it('the untranslated check catches a message copied from English', () => {
		expect(untranslatedKeys('fr', { ...catalogues.fr, join: catalogues.en.join })).toEqual(['join']);
	});
});

describe('plurals', () => {
	// The shipped Polish catalogue, not a copy of it.
	const t = (locale: string) => createTranslator(locale, catalogues[locale], en);
	it.each([
		[1, '1 punkt'],
		[2, '2 punkty'],
		[5, '5 punktów'],
		[22, '22 punkty'],
		[25, '25 punktów'],
		[12, '12 punktów'],
		// Polish groups digits only from five digits up, with a no-break space.
		[1000, '1000 punktów'],
		[10000, '10\u00a0000 punktów'],
	])('Polish: %i → %s', (count, text) => {
		expect(t('pl')('points', { count })).toBe(text);
	});

	it.each([
		['pl', 1, 'one'],
		['pl', 3, 'few'],
		['pl', 5, 'many'],
		['pl', 24, 'few'],
		['fr', 0, 'one'],
		['fr', 1, 'one'],
		['fr', 2, 'other'],
		['it', 1, 'one'],
		['it', 2, 'other'],
	])('%s %i is %s through Intl.PluralRules', (locale, count, category) => {
		expect(new Intl.PluralRules(locale).select(count)).toBe(category);
	});

	it('Polish catalogue points message declines 1, 2, 5, 22 and 25', () => {
		const points = catalogues.pl.points;
		if (!points) return expect.fail('pl.points is missing');
		const translate = createTranslator('pl', pl, en);
		expect([1, 2, 5, 22, 25].map((count) => translate('points', { count }))).toEqual([
			'1 punkt',
			'2 punkty',
			'5 punktów',
			'22 punkty',
			'25 punktów',
		]);
	});
});

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx$/.test(name) ? [path] : [];
	});
}

// Attributes a person reads or hears; others (class, type, href…) are code.
const HUMAN_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);

/** JSX text and human-facing attribute strings, found with the TypeScript parser. */
function literalsIn(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
		if (ts.isJsxAttribute(node) && HUMAN_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
			const value = ts.isStringLiteral(node.initializer)
				? node.initializer
				: ts.isJsxExpression(node.initializer) && node.initializer.expression && ts.isStringLiteralLike(node.initializer.expression)
					? node.initializer.expression
					: undefined;
			if (value && /\p{L}/u.test(value.text)) found.push(`${node.name.getText(source)}="${value.text}"`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found.map((literal) => `${file}: ${literal}`);
}

describe('components', () => {
	it('contain no user-visible literals: every string comes from a catalogue', () => {
		expect(sourceFiles('src/ui').flatMap(literalsIn)).toEqual([]);
	});

	it('the literal scan itself catches text and labels', () => {
		const probe = join(tmpdir(), 'probe.tsx');
		writeFileSync(probe, 'export const A = () => <button aria-label="Close" title={"Help"}>Save now</button>;');
		expect(literalsIn(probe).map((l) => l.split(': ')[1])).toEqual(['aria-label="Close"', 'title="Help"', 'Save now']);
	});
});
