// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The package's declarations (dist/types, built by `npm run build`) must not point at files the
// package lacks: dist/types/api/client.d.ts imports ./schema, generated from the contract.
function declarations(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? declarations(path) : name.endsWith('.d.ts') ? [path] : [];
	});
}

describe('package type declarations', () => {
	it('every relative import in dist/types resolves to a declaration file in the package', () => {
		if (!existsSync('dist/types/index.d.ts')) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).');
		const missing: string[] = [];
		for (const file of declarations('dist/types'))
			for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
				const base = resolve(dirname(file), specifier.replace(/\.js$/, ''));
				if (![`${base}.d.ts`, join(base, 'index.d.ts')].some(existsSync)) missing.push(`${file} → ${specifier}`);
			}
		expect(missing).toEqual([]);
	});
});
