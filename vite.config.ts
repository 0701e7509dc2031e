import { readFileSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';

const { version, dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; dependencies: Record<string, string> };

/*
`npm run build` runs three Vite builds (see package.json), one per mode:
- embed:  dist/rewards.js        classic script (IIFE, no UMD/AMD), the launcher only;
- panel:  dist/rewards-panel.js  ES module the launcher imports on first intent, plus locale chunks;
- esm:    dist/esm/              the npm entry; the panel is a code-split chunk; runtime deps external.
*/
const targets: Record<string, UserConfig['build']> = {
	embed: {
		emptyOutDir: true,
		lib: { entry: 'src/embed/script.ts', formats: ['iife'], name: 'RewardsLoader', fileName: () => 'rewards.js' },
	},
	panel: {
		emptyOutDir: false,
		lib: { entry: 'src/ui/panel.tsx', formats: ['es'], fileName: () => 'rewards-panel.js' },
		// Library mode keeps ES output readable for downstream bundlers; this file goes straight to
		// browsers, so minify it fully (whitespace and all).
		rollupOptions: { optimization: { inlineConst: { mode: 'all', pass: 2 } }, output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true, comments: false } },
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

export default defineConfig(({ mode }) => {
	const target = targets[mode] ?? targets.embed;
	return {
		publicDir: false,
		define: { __VERSION__: JSON.stringify(version) },
		build: {
			outDir: 'dist',
			target: 'es2020',
			// Browsers with shadow DOM, dialog and adoptedStyleSheets; no colour-scheme polyfill needed.
			cssTarget: ['chrome111', 'firefox113', 'safari16.4'],
			sourcemap: true,
			minify: true,
			cssMinify: true,
			reportCompressedSize: false,
			...target,
		},
	};
});
