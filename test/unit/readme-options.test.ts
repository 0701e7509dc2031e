// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Option name → @default, read from the JSDoc of `RewardsOptions`, the API's documentation. */
function documentedDefaults(): Map<string, string> {
	const source = readFileSync('src/config/options.ts', 'utf8');
	const body = source.slice(source.indexOf('export interface RewardsOptions {'));
	const interfaceBody = body.slice(0, body.indexOf('\n}\n'));
	const defaults = new Map<string, string>();
	for (const [, doc, name] of interfaceBody.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(\w+)\?:/g)) {
		const value = /@default (.+)/.exec(doc)?.[1].trim() ?? '';
		defaults.set(name, value === 'undefined (required)' ? 'required' : value.replace(/ \(.*\)$/, ''));
	}
	return defaults;
}

function readmeDefaults(): Map<string, string> {
	const readme = readFileSync('README.md', 'utf8');
	const table = readme.slice(readme.indexOf('<!-- options-table:start -->'), readme.indexOf('<!-- options-table:end -->'));
	const rows = new Map<string, string>();
	for (const line of table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| Group'))) {
		const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
		rows.set(cells[2].replace(/`/g, ''), cells[4].replace(/`/g, ''));
	}
	return rows;
}

describe('README options table', () => {
	it('lists every option with the default its JSDoc documents, and nothing else', () => {
		const documented = documentedDefaults();
		expect(documented.size).toBeGreaterThan(15);
		expect(Object.fromEntries(readmeDefaults())).toEqual(Object.fromEntries(documented));
	});
});
