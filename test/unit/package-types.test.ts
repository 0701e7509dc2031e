// @vitest-environment node
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as npm users get it: `npm pack` of the built worktree (`npm test` builds first), checked
// by publint and Are the Types Wrong, and imported by a tiny consumer type-checked under every
// moduleResolution a TypeScript user may have. Slow tools on a shared machine: generous timeouts.
const run = promisify(execFile);
const root = resolve('.');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const TIMEOUT = 120_000;

type Outcome = { code: number; output: string };
async function outcome(file: string, args: string[], cwd: string): Promise<Outcome> {
	try {
		const { stdout, stderr } = await run(file, args, { cwd, timeout: TIMEOUT, maxBuffer: 16 * 1024 * 1024 });
		return { code: 0, output: stdout + stderr };
	} catch (error) {
		const failed = error as { code?: number; stdout?: string; stderr?: string; message: string };
		return {
			code: typeof failed.code === 'number' ? failed.code : -1,
			output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` || failed.message,
		};
	}
}

// Correct uses of the public API: must type-check with no error at all.
const CORRECT = `import { init, open, on, identify, version, type RewardsApi, type RewardsOptions, type PageName } from 'openrewards';
import { init as initAgain } from 'openrewards';

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: [IsAny<RewardsOptions>, IsAny<typeof init>, IsAny<RewardsApi>, IsAny<PageName>] = [false, false, false, false];

const options: RewardsOptions = { store: 'pk_demo', api: 'https://loyalty.example.com', position: 'bottom-left' };
init(options);
initAgain();
const page: PageName = 'earn';
open(page);
on('earned', (event) => console.log(event.points.toFixed(0), event.balance));
identify({ customerToken: 'jwt' });
const label: string = version;
export { notAny, label };
`;
// Deliberate mistakes, one per line: each line must be reported (TS2322/TS2345/TS2339), which it
// is not when the package's types collapse to `any`.
const WRONG = [
	`import { init, open, on } from 'openrewards';`,
	`init({ store: 42 });`,
	`open('nowhere');`,
	`on('earned', (event) => event.nope);`,
	`on('no-such-event', () => {});`,
];

const MODES = {
	bundler: { module: 'esnext', moduleResolution: 'bundler' },
	node16: { module: 'node16', moduleResolution: 'node16' },
	nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
	// Older configs ("moduleResolution": "node") ignore the exports map and read the top-level "types".
	node10: { module: 'esnext', moduleResolution: 'node10' },
} as const;

describe('the packed npm package', () => {
	let work = '';
	let tarball = '';
	let consumer = '';

	beforeAll(async () => {
		if (!existsSync('dist/types/index.d.ts')) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).');
		work = mkdtempSync(join(tmpdir(), 'openrewards-package-'));
		const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, timeout: TIMEOUT });
		tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);

		// A consumer project: the tarball extracted as node_modules/openrewards, its dependencies
		// linked from the root's node_modules (what `npm install` would put there).
		consumer = join(work, 'consumer');
		mkdirSync(join(consumer, 'node_modules'), { recursive: true });
		await run('tar', ['-xzf', tarball, '-C', work], { timeout: TIMEOUT });
		renameSync(join(work, 'package'), join(consumer, 'node_modules', 'openrewards'));
		const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'openrewards', 'package.json'), 'utf8')) as {
			dependencies?: Record<string, string>;
		};
		for (const dependency of Object.keys(manifest.dependencies ?? {})) {
			const link = join(consumer, 'node_modules', dependency);
			mkdirSync(dirname(link), { recursive: true });
			symlinkSync(join(root, 'node_modules', dependency), link, 'dir');
		}
		writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
		writeFileSync(join(consumer, 'correct.ts'), CORRECT);
		writeFileSync(join(consumer, 'wrong.ts'), `${WRONG.join('\n')}\n`);
		for (const [mode, resolution] of Object.entries(MODES)) {
			const compilerOptions = {
				...resolution,
				target: 'es2022',
				lib: ['es2022', 'dom'],
				strict: true,
				noEmit: true,
				skipLibCheck: false,
				types: [],
			};
			writeFileSync(join(consumer, `tsconfig.${mode}.json`), JSON.stringify({ compilerOptions, files: ['correct.ts', 'wrong.ts'] }));
		}
	}, TIMEOUT);

	afterAll(() => {
		if (work) rmSync(work, { recursive: true, force: true });
	});

	it(
		'passes publint',
		async () => {
			const { code, output } = await outcome(bin('publint'), ['run', tarball, '--strict'], root);
			expect(code, output).toBe(0);
			expect(output).not.toMatch(/warning|error|suggestion/i);
		},
		TIMEOUT,
	);

	it(
		'passes Are the Types Wrong (ESM-only: no require condition by design)',
		async () => {
			// ./rewards.js is the classic script for the <script> tag (an IIFE that sets window.Rewards),
			// exported for CDNs and asset pipelines, not a module with exports to type.
			const args = [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './rewards.js', '--format', 'ascii', '--no-color'];
			const { code, output } = await outcome(bin('attw'), args, root);
			expect(code, output).toBe(0);
		},
		TIMEOUT,
	);

	it.each(Object.keys(MODES))(
		'types a consumer under moduleResolution %s: correct calls pass, each wrong call is an error',
		async (mode) => {
			const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
			const { output } = await outcome(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`, '--pretty', 'false'], consumer);
			const errors = output.split('\n').filter((line) => line.includes('error TS'));
			// Only wrong.ts may have errors (none in correct.ts nor in the package's own declarations)...
			expect(errors.filter((line) => !line.startsWith('wrong.ts('))).toEqual([]);
			// ...and every deliberate mistake on lines 2..n is reported.
			const reportedLines = new Set(errors.map((line) => Number(/^wrong\.ts\((\d+),/.exec(line)?.[1])));
			expect([...reportedLines].sort((a, b) => a - b)).toEqual(WRONG.slice(1).map((_, index) => index + 2));
		},
		TIMEOUT,
	);
});
