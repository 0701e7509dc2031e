// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_HOST } from '../../src/config/safe-url';
import { brotliBytesByGroup, brotliSize } from '../support/bytes-by-source';

// Budgets of the built widget, brotli at maximum quality as a CDN would serve it: a 6 KB launcher and a 28 KB
// ceiling for the whole widget (issues #14 and #15), with a 22 KB target that is reported, not asserted.
// README › Size has the history (they held again on 2026-12-02, after four rounds of size work and two
// feature trades), the parts, and the next levers.
const LAUNCHER_BUDGET = 6 * 1024;
const WIDGET_TARGET = 22 * 1024;
const WIDGET_CEILING = 28 * 1024;

const brotli = (file: string) => brotliSize(readFileSync(file));

/** Files the panel pulls in for English: the panel module and the static imports it names. */
function panelFiles(): string[] {
	const files = ['dist/rewards-panel.js'];
	const source = readFileSync(files[0], 'utf8');
	for (const [, path] of source.matchAll(/\bimport\s*(?:[\w{},\s*]+from\s*)?["'](\.\/chunks\/[^"']+)["']/g)) files.push(join('dist', path));
	return files;
}

describe('size budget (built output, brotli)', () => {
	beforeAll(() => {
		if (!existsSync('dist/rewards.js')) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).');
	});

	it('launcher payload (everything before the first interaction) stays within 6 KB', () => {
		// The launcher's CSS is inside rewards.js: nothing else is requested before intent.
		const launcher = brotli('dist/rewards.js');
		console.log(`launcher payload: ${launcher} B brotli (budget ${LAUNCHER_BUDGET} B, ${LAUNCHER_BUDGET - launcher} B to spare)`);
		expect(launcher).toBeLessThanOrEqual(LAUNCHER_BUDGET);
	});

	it('whole widget after the panel opened stays within its 28 KB ceiling (the 22 KB target is reported)', () => {
		const files = ['dist/rewards.js', ...panelFiles()];
		const total = files.reduce((sum, file) => sum + brotli(file), 0);
		console.log(
			`whole widget: ${total} B brotli (ceiling ${WIDGET_CEILING} B, ${WIDGET_CEILING - total} B to spare; target ${WIDGET_TARGET} B, ${total - WIDGET_TARGET} B over): ${files.join(', ')}`,
		);
		expect(total).toBeLessThanOrEqual(WIDGET_CEILING);
	});

	it('bundles no runtime package but preact, @preact/signals and ky, and none in the launcher', () => {
		const launcher = brotliBytesByGroup('dist/rewards.js');
		const panel = brotliBytesByGroup('dist/rewards-panel.js');
		const line = (groups: Map<string, number>) => [...groups].map(([name, bytes]) => `${name} ${bytes}`).join(', ');
		// Where the bytes go (README › Size): each group's share, brotli, as the file minus that group.
		console.log(`launcher by source: ${line(launcher)}\npanel by source: ${line(panel)}`);
		const packages = (groups: Map<string, number>) => [...groups.keys()].filter((name) => !name.startsWith('src/')).sort();
		expect(packages(launcher)).toEqual([]);
		expect(packages(panel)).toEqual(['@preact/signals', '@preact/signals-core', 'ky', 'preact']);
		// One brotli pass at quality 11 per group and file: 5–7 s on a busy 2-core machine, past the default 5 s.
	}, 30_000);

	it('ships what the launcher hands the panel (PanelHost.shared) in the launcher only', () => {
		const sources = (file: string) => (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources.join('\n');
		for (const module of ['src/state/saved-key.ts', 'src/config/launcher-icons.ts']) {
			expect(sources('dist/rewards.js')).toContain(module);
			expect(sources('dist/rewards-panel.js')).not.toContain(module);
		}
		// safe-url.ts itself stays a source of the panel for encodedLink, which the launcher does not have.
		expect(readFileSync('dist/rewards.js', 'utf8')).toContain(LOCAL_HOST.source);
		expect(readFileSync('dist/rewards-panel.js', 'utf8')).not.toContain(LOCAL_HOST.source);
		expect(sources('dist/rewards-panel.js')).toContain('src/ui/launcher-shared.ts');
	});

	it('ships no UMD/AMD wrapper and assigns only window.Rewards', () => {
		const source = readFileSync('dist/rewards.js', 'utf8');
		expect(source).not.toMatch(/define\.amd|typeof define|module\.exports/);
		// An IIFE; terser writes it as an arrow function when nothing in the bundle uses `this`.
		expect(source).toMatch(/^\((function\(\)|\(\)=>)\{/);
	});

	it('keeps locale catalogues other than English out of the panel module', () => {
		const chunks = existsSync('dist/chunks') ? readdirSync('dist/chunks').filter((f) => f.endsWith('.js')) : [];
		const panel = readFileSync('dist/rewards-panel.js', 'utf8');
		for (const chunk of chunks.filter((f) => /^(fr|it|pl)-/.test(f))) expect(panel).not.toContain(`import"./chunks/${chunk}"`);
	});
});
