import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Features } from 'lightningcss';
import type { MinifyOptions } from 'terser';
import type { Plugin, UserConfig } from 'vite';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const { version, dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as {
	version: string;
	dependencies: Record<string, string>;
};

/*
`npm run build` runs four Vite builds (see package.json), one per mode:
- embed:   dist/rewards.js        classic script (IIFE, no UMD/AMD), the launcher only;
- panel:   dist/rewards-panel.js  ES module the launcher imports on first intent, plus locale chunks;
- esm:     dist/esm/              the npm entry; the panel is a code-split chunk; runtime deps external;
- console: dist/console/          the merchant console (demo/console), an app the reference server serves at /admin/.
*/
const targets: Record<string, UserConfig['build']> = {
	embed: {
		emptyOutDir: true,
		lib: { entry: 'src/embed/script.ts', formats: ['iife'], name: 'RewardsLoader', fileName: () => 'rewards.js' },
		// Minified twice: see terserOptions.
		rollupOptions: { output: { minify: true } },
	},
	panel: {
		emptyOutDir: false,
		lib: { entry: 'src/ui/panel.tsx', formats: ['es'], fileName: () => 'rewards-panel.js' },
		rollupOptions: {
			optimization: { inlineConst: { mode: 'all', pass: 2 } },
			output: { chunkFileNames: 'chunks/[name]-[hash].js', comments: false, minify: true },
		},
	},
	esm: {
		emptyOutDir: false,
		outDir: 'dist/esm',
		minify: false,
		lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
		rollupOptions: {
			external: (id) => Object.keys(dependencies).some((dep) => id === dep || id.startsWith(`${dep}/`)),
			output: { chunkFileNames: 'chunks/[name]-[hash].js' },
		},
	},
};

/*
Readable class names in the source, short ones in the bundle: every class the sheets listed in
src/mangle.json define (but its reserved ones) becomes a one- or two-letter name, in those sheets
and in the `class` attributes (and the string literals inside `class={…}`) of the TSX under
src/ui. Only the builds use it: component tests see the readable names.
*/
function mangleClassNames(): Plugin {
	const { sources, reserved } = JSON.parse(readFileSync('src/mangle.json', 'utf8')) as { sources: string[]; reserved: string[] };
	const classSelector = /\.(-?[a-z_][\w-]*)/gi;
	const defined = new Set<string>();
	for (const file of sources)
		for (const [, name] of readFileSync(file, 'utf8')
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.matchAll(classSelector))
			if (!reserved.includes(name)) defined.add(name);
	const alphabet = 'abcdefghijklmnopqrstuvwxyz';
	const shortName = (index: number): string =>
		index < alphabet.length ? alphabet[index] : shortName(Math.floor(index / alphabet.length) - 1) + alphabet[index % alphabet.length];
	const renamed = new Map([...defined].map((name, index) => [name, shortName(index)]));
	const renameList = (list: string) => list.replace(/[\w-]+/g, (name) => renamed.get(name) ?? name);
	return {
		name: 'openrewards:mangle-class-names',
		enforce: 'pre',
		transform(code, id) {
			const path = id.replace(/\?.*$/, '');
			// Renames keep every line where it was, so the source map stays right to the line.
			if (sources.some((file) => path.endsWith(file)))
				return {
					code: code.replace(classSelector, (whole, name: string) => (renamed.has(name) ? `.${renamed.get(name)}` : whole)),
					map: null,
				};
			if (/\/src\/ui\/.*\.tsx$/.test(path))
				return {
					code: code.replace(/\bclass=(\{[^{}]*\}|"[^"]*")/g, (attribute) =>
						attribute.replace(/(["'])([^"']*)\1/g, (_, quote: string, list: string) => quote + renameList(list) + quote),
					),
					map: null,
				};
		},
	};
}

/*
The panel file is only ever loaded by the launcher, which has some of the modules it needs already:
in the panel build, an import of one of them from the panel's code resolves to src/ui/launcher-shared.ts,
which calls the launcher's copies (PanelHost.shared) instead of bundling them again.
*/
/*
The panel build compiles JSX to preact's createElement (the classic runtime), which takes children as
arguments: shorter output than the automatic runtime's `jsx(type, { ...props, children })` calls, and
no jsx-runtime module (about 200 B brotli). Both make the same vnodes (key and ref taken out of the
props, defaultProps applied, one child kept as is, several as an array); the tests and the npm build
keep the automatic runtime that tsconfig.json names. Each component file gets the factory imported
under names no source file uses.
*/
const classicJsx = {
	jsx: { runtime: 'classic', pragma: 'createJsxElement', pragmaFrag: 'JsxFragment' },
} as const;
function importJsxFactory(): Plugin {
	return {
		name: 'openrewards:import-jsx-factory',
		enforce: 'pre',
		transform(code, id) {
			// On the first line, so that every line stays where it was for the source map.
			if (/\/src\/.*\.tsx$/.test(id.replace(/\?.*$/, '')))
				return { code: `import { h as createJsxElement, Fragment as JsxFragment } from 'preact';${code}`, map: null };
		},
	};
}

function shareLauncherModules(): Plugin {
	const shared = ['/src/config/safe-url.ts', '/src/state/saved-key.ts', '/src/config/launcher-icons.ts'];
	const standIn = resolve('src/ui/launcher-shared.ts');
	return {
		name: 'openrewards:share-launcher-modules',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (!importer || importer == standIn) return null;
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			return resolved && shared.some((file) => resolved.id.endsWith(file)) ? standIn : null;
		},
	};
}

// Three lanes: component/unit tests in happy-dom, the reference server against its
// embedded database (and a real PostgreSQL when TEST_DATABASE_URL is set, as in CI),
// and end-to-end tests that drive Debian's Chromium against the built bundle.
const projects: TestProjectInlineConfiguration[] = [
	{
		extends: true,
		test: {
			name: 'unit',
			include: ['test/unit/**/*.test.{ts,tsx}'],
			environment: 'happy-dom',
			setupFiles: ['test/unit/setup.ts'],
		},
	},
	{
		extends: true,
		test: {
			name: 'server',
			include: ['test/server/**/*.test.ts'],
			environment: 'node',
			testTimeout: 60_000,
			hookTimeout: 60_000,
		},
	},
	{
		extends: true,
		test: {
			name: 'e2e',
			include: ['test/e2e/**/*.test.ts'],
			environment: 'node',
			globalSetup: ['test/e2e/support/global-setup.ts'],
			testTimeout: 90_000,
			hookTimeout: 90_000,
			// One browser at a time on a 2-core machine keeps timings honest and the run stable.
			fileParallelism: false,
		},
	},
];

if (process.env.TEST_DATABASE_URL) {
	projects.push({
		extends: true,
		test: {
			name: 'server-postgres',
			include: ['test/server/**/*.test.ts'],
			environment: 'node',
			testTimeout: 60_000,
			hookTimeout: 60_000,
			env: { REWARDS_TEST_DB: 'postgres' },
			// The real server is shared by every file of this lane; files create their own databases.
			fileParallelism: false,
		},
	});
}

/** The merchant console: a page app (two pages: the console and its widget preview), not a library. */
const consoleConfig: UserConfig = {
	root: 'demo/console',
	base: '/admin/',
	publicDir: false,
	build: {
		outDir: resolve('dist/console'),
		emptyOutDir: true,
		target: 'es2022',
		sourcemap: true,
		reportCompressedSize: false,
		rollupOptions: { input: { console: resolve('demo/console/index.html'), preview: resolve('demo/console/preview.html') } },
	},
};

/*
The browser files' minifier: Rolldown's own (`output.minify`) and then terser over its output, which
measured 300 B brotli smaller than either alone (test/unit/size-budget.test.ts prints the sizes). Compress
passes measured on 2026-12-02: the launcher is 22 B smaller with 4 than with 3 and no smaller beyond; the
panel is smallest with 3 (2 and 4 add 4–8 B).
Besides the usual, terser shortens the "private by convention" properties
(one underscore and a letter, as ky's `_options`): none of them crosses the public API, the network or
storage (the OpenAPI contract and the widget's own names have none).
*/
/*
Properties of the launcher's own objects (src/embed: the runtime's mount, the launcher button's
handle, the reporter) that no other file, page, panel or server ever reads. Names passed to the
panel chunk (src/ui/panel-host.ts) or to the page must never be listed: the two files are minified apart.
Some are also DOM member names (`setIcon`, `sync`, `stop`, `mount`, `unmount`), which terser leaves
alone unless told (`builtins`): the launcher build tells it, so a listed name must not be a DOM member
the launcher uses either.
*/
const launcherInternals = [
	...['cleanups', 'setExpanded', 'setBusy', 'setLabel', 'setIcon', 'setBalance', 'warned', 'loadPanel', 'baseOptions'],
	...['styles', 'sync', 'stop', 'syncColorScheme', 'mount', 'unmount', 'errors', 'warnings'],
];
// A name the panel host hands over would break the panel silently once shortened: refuse to build.
const panelHostSource = readFileSync('src/ui/panel-host.ts', 'utf8');
for (const name of launcherInternals)
	if (new RegExp(`\\b${name}\\b`).test(panelHostSource))
		throw new Error(`vite.config.ts: ${name} crosses to the panel (src/ui/panel-host.ts), so it must not be mangled`);

/*
Properties of the panel's own objects that nothing outside the panel chunk reads: the store's methods,
the view's actions, the i18n handle, the transport's callbacks, and props of our components that no
DOM element receives. Several are also DOM property names (`view`, `send`, `result`...), which terser
leaves alone unless told (`builtins`): for this list only, the panel build tells it, so the guard below
refuses any name that the panel's packages or any other side of the panel reads.
*/
const panelInternals = [
	...['view', 'navigate', 'announce', 'announcement', 'onClose', 'labelledBy', 'onCopy', 'resources', 'rules', 'result'],
	...['track', 'loadCustomer', 'loadActivity', 'setBirthday', 'claimReferral', 'savedGift', 'completeAction', 'recordEvents'],
	...['send', 'unfinished', 'setLocale', 'renew', 'heard'],
];
/*
A listed name must not cross: to the launcher (src/embed, src/config read the panel's errors and
host), the network (a field of the contract), the catalogues (a message name or {placeholder}: the
translator looks them up by string), the public API (options, page and event names), or into
preact, @preact/signals and ky, whose own properties would be renamed with ours.
*/
const readAll = (dir: string) =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(ts|js)$/.test(file))
		.map((file) => readFileSync(join(dir, file), 'utf8'))
		.join('\n');
const crossings: Array<[string, string, (name: string) => RegExp]> = [
	['the panel host (src/ui/panel-host.ts)', panelHostSource, (name) => new RegExp(`\\b${name}\\b`)],
	[
		'the launcher (src/embed, src/config)',
		readAll('src/embed') + readAll('src/config'),
		(name) => new RegExp(`[.]${name}\\b|\\b${name}\\??\\s*[:(]|['"]${name}['"]`),
	],
	['the contract (src/api/openapi.json)', readFileSync('src/api/openapi.json', 'utf8'), (name) => new RegExp(`"${name}"\\s*:`)],
	[
		'the catalogues (src/i18n/en.ts)',
		readFileSync('src/i18n/en.ts', 'utf8'),
		(name) => new RegExp(`^\\s*${name}\\s*[:,]|\\{${name}\\}`, 'm'),
	],
	[
		'the panel packages',
		[
			'node_modules/preact/dist',
			'node_modules/preact/hooks/dist',
			'node_modules/@preact/signals/dist',
			'node_modules/@preact/signals-core/dist',
			'node_modules/ky/distribution',
		]
			.map((dir) =>
				readdirSync(dir)
					.filter((file) => file.endsWith('.js') || file.endsWith('.mjs'))
					.map((file) => readFileSync(join(dir, file), 'utf8'))
					.join('\n'),
			)
			.join('\n'),
		(name) => new RegExp(`[.]${name}\\b|\\b${name}\\s*:|['"]${name}['"]`),
	],
];
for (const name of panelInternals)
	for (const [side, text, reads] of crossings)
		if (reads(name).test(text)) throw new Error(`vite.config.ts: ${name} is read by ${side}, so the panel must not mangle it`);

const terserOptions = (mode: string): MinifyOptions => ({
	ecma: 2020,
	compress: { passes: mode == 'embed' ? 4 : 3, unsafe_arrows: true, negate_iife: false },
	mangle: {
		properties: {
			regex: new RegExp(
				`^(_[a-z]\\w*${mode === 'embed' ? `|${launcherInternals.join('|')}` : mode === 'panel' ? `|${panelInternals.join('|')}` : ''})$`,
				'i',
			),
			builtins: mode === 'panel' || mode === 'embed',
		},
	},
	format: { comments: false, wrap_iife: true },
});

/*
Lightning CSS, which minifies the sheets, prepares every `color-scheme` declaration for a light-dark()
fallback the targets would need (two custom properties per declaration) even when no sheet uses
light-dark(). None does: the palette switches on data-scheme (ui/palette.css). A sheet that starts
to use it makes the build stop here, so that this exclusion is dropped with it.
*/
for (const sheet of readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.css')))
	if (readFileSync(join('src', sheet), 'utf8').includes('light-dark('))
		throw new Error(`vite.config.ts: ${sheet} uses light-dark(): remove Features.LightDark from css.lightningcss.exclude`);

export default defineConfig(({ mode }) => {
	if (mode === 'console') return consoleConfig;
	const target = targets[mode] ?? targets.embed;
	return {
		publicDir: false,
		css: { lightningcss: { exclude: Features.LightDark } },
		...(mode == 'panel' && { oxc: classicJsx }),
		plugins:
			mode == 'test' ? [] : mode == 'panel' ? [mangleClassNames(), shareLauncherModules(), importJsxFactory()] : [mangleClassNames()],
		define: { __VERSION__: JSON.stringify(version) },
		build: {
			outDir: 'dist',
			// The panel is written out as ES2022 (logical assignments and class fields kept as written: 22 B
			// smaller), which every browser below runs; the launcher measured 13 B larger so, and the npm
			// build stays ES2020 for the bundlers of older storefronts.
			target: mode == 'panel' ? 'es2022' : 'es2020',
			// Browsers with shadow DOM, dialog and adoptedStyleSheets; no colour-scheme polyfill needed.
			cssTarget: ['chrome111', 'firefox113', 'safari16.4'],
			sourcemap: true,
			minify: 'terser',
			terserOptions: terserOptions(mode),
			cssMinify: true,
			reportCompressedSize: false,
			...target,
		},
		test: { projects, reporters: ['default'] },
	};
});
