// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Data flows one way: script tag / init → config → api → state → ui. A room imports only from the
// rooms listed for it; the embed runtime, which wires everything together, may import them all.
const ALLOWED: Record<string, string[]> = {
	i18n: [],
	config: [],
	api: ['config'],
	state: ['api', 'config', 'i18n'],
	ui: ['state', 'api', 'config', 'i18n'],
	embed: ['ui', 'state', 'api', 'config', 'i18n'],
};

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		if (name === 'node_modules') return [];
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
	});
}

const roomOf = (file: string) => relative('src', file).split('/')[0];

describe('architecture', () => {
	it('lower rooms never import higher ones', () => {
		const violations: string[] = [];
		for (const file of files('src')) {
			const room = roomOf(file);
			if (!(room in ALLOWED)) continue;
			const source = readFileSync(file, 'utf8');
			for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]/g)) {
				const specifier = match[1] ?? match[2];
				const target = roomOf(resolve(dirname(file), specifier).replace(`${resolve('src')}/`, 'src/'));
				if (target !== room && target in ALLOWED && !ALLOWED[room].includes(target))
					violations.push(`${file} imports ${specifier} (${room} → ${target})`);
			}
		}
		expect(violations).toEqual([]);
	});

	it('every top-level source file belongs to a room or is an entry', () => {
		// Besides the entry (index.ts) and its ambient types (env.d.ts), one build file: mangle.json, which
		// tells the build (vite.config.ts) which names it may shorten. It is about the sources as a whole, not
		// one room, so it sits beside them (@preact/signals keeps its own at its root, beside its packages).
		const outsideRooms = ['index.ts', 'env.d.ts', 'mangle.json'];
		const loose = readdirSync('src').filter((name) => !(name in ALLOWED) && !outsideRooms.includes(name));
		expect(loose).toEqual([]);
	});

	it('in the server, features never import the transport (http/) back', () => {
		const violations: string[] = [];
		// app.ts, config.ts and main.ts wire the server together, above the transport.
		const wiring = ['demo/server/app.ts', 'demo/server/config.ts', 'demo/server/main.ts'];
		for (const file of files('demo/server')) {
			if (file.startsWith('demo/server/http/') || wiring.includes(file)) continue;
			const source = readFileSync(file, 'utf8');
			for (const match of source.matchAll(/from\s*['"](\.[^'"]+)['"]/g)) {
				const target = relative('demo/server', resolve(dirname(file), match[1]));
				if (target.startsWith('http/')) violations.push(`${file} imports ${match[1]}`);
			}
		}
		expect(violations).toEqual([]);
	});
});
