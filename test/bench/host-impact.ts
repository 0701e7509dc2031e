/*
Host-impact benchmark (issues #6, #15): what does our script tag cost the merchant's page, and how
fast does the panel open, on the bench page and on one ten times its size? Then Lighthouse mobile.
`npm run bench` builds, then runs this. Options: --runs N (default 7), --warmup N (default 1),
--variants a,b,… (default all), --lighthouse N (runs per page, default 5; 0 skips it).
Writes test/bench/results/host-impact.{md,json} and prints the table.
*/
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../support/chromium';
import { diagnose, type Diagnosis } from './diagnose';
import { startFixtureServers } from './fixture-server';
import { CPU_THROTTLE, measure, VIEWPORT, type RunResult } from './metrics';
import { buildReport, tableOnly, toMarkdown } from './report';
import { runLighthouse } from './lighthouse';
import { VARIANTS, type Variant } from './variants';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const RESULTS = join(ROOT, 'test/bench/results');
const SHOPPER = 'demo-alice';

const { values: args } = parseArgs({
	options: {
		runs: { type: 'string', default: process.env.BENCH_RUNS ?? '7' },
		warmup: { type: 'string', default: '1' },
		variants: { type: 'string' },
		lighthouse: { type: 'string', default: '5' },
	},
});
const lighthouseRuns = Math.max(0, Number(args.lighthouse));
const chosen = args.variants ? VARIANTS.filter((v) => args.variants!.split(',').includes(v.id)) : VARIANTS;
const runs = Math.max(1, Number(args.runs));
const warmup = Math.max(0, Number(args.warmup));

function progress(message: string) {
	process.stderr.write(`[bench] ${message}\n`);
}

async function widgetFiles(): Promise<string[]> {
	const top = (await readdir(DIST)).filter((f) => f.endsWith('.js'));
	const chunks = existsSync(join(DIST, 'chunks'))
		? (await readdir(join(DIST, 'chunks'))).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)
		: [];
	return [...top, ...chunks];
}

function gitState() {
	// Porcelain lines are "XY path": keep their leading status column, so no trimming at the start.
	const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trimEnd();
	try {
		return {
			commit: git('rev-parse', 'HEAD'),
			uncommittedSrc: git('status', '--porcelain', '--', 'src')
				.split('\n')
				.filter(Boolean)
				.map((line) => line.slice(3)),
		};
	} catch {
		return { commit: 'unknown', uncommittedSrc: [] };
	}
}

async function loadReferenceServer() {
	const path = join(ROOT, 'demo/server/app.ts');
	if (!existsSync(path)) throw new Error('demo/server/app.ts (the reference loyalty server) is missing; variant (c) needs it.');
	return (await import(path)) as typeof import('../../demo/server/app');
}

async function main() {
	const started = Date.now();
	const loadAtStart = os.loadavg()[0];
	// The tree as `npm run build` just saw it (this script runs right after the build).
	const source = gitState();
	if (!existsSync(join(DIST, 'rewards.js')) || !existsSync(join(DIST, 'rewards-panel.js')))
		throw new Error('dist/ is missing: run `npm run build` (npm run bench does).');
	const cleanups: Array<() => Promise<unknown>> = [];
	try {
		const fixtures = await startFixtureServers({ distDir: DIST });
		cleanups.push(() => fixtures.close());
		const files = await widgetFiles();
		await fixtures.warm(files);

		const { startServer } = await loadReferenceServer();
		const server = await startServer({
			port: 0,
			host: '127.0.0.1',
			seed: true,
			devTokens: true,
			allowedOrigins: [fixtures.pageOrigin],
			rateLimit: false,
			log: false,
		});
		cleanups.push(() => server.close());
		const token = async () => {
			const response = await fetch(`${server.url}/v1/dev/stores/pk_demo/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ customerId: SHOPPER }),
			});
			if (!response.ok) throw new Error(`dev token endpoint answered ${response.status}: ${await response.text()}`);
			return ((await response.json()) as { token: string }).token;
		};

		const browser = await launchChromium();
		cleanups.push(() => browser.close());
		if (loadAtStart > os.cpus().length)
			progress(`load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores: other processes will make timings noisy`);
		progress(
			`Chromium ${browser.version()}; page ${fixtures.pageOrigin}, widget ${fixtures.widgetOrigin}, API ${server.url}; ${runs} runs + ${warmup} warm-up round(s)`,
		);

		const prepare = async (variant: Variant) => {
			fixtures.setThirdParty(
				variant.id,
				variant.snippet({ widgetOrigin: fixtures.widgetOrigin, apiUrl: server.url, token: variant.needsToken ? await token() : undefined }),
				variant.page,
			);
		};
		const results: RunResult[] = [];
		for (let round = 0; round < warmup + runs; round++) {
			const label = round < warmup ? `warm-up ${round + 1}/${warmup}` : `round ${round - warmup + 1}/${runs}`;
			const line: string[] = [];
			for (const variant of chosen) {
				let result: RunResult | undefined;
				for (let attempt = 1; attempt <= 2 && !result; attempt++) {
					try {
						await prepare(variant);
						result = await measure({
							browser,
							variant,
							url: fixtures.pageUrl(variant.id),
							pageOrigin: fixtures.pageOrigin,
							round: round - warmup,
						});
					} catch (error) {
						progress(`${label} (${variant.id}) attempt ${attempt} failed: ${(error as Error).message.split('\n')[0]}`);
					}
				}
				if (result && round >= warmup) results.push(result);
				line.push(
					result
						? `${variant.id} ${(result.wallMs / 1000).toFixed(1)}s script ${result.scriptMs.toFixed(0)}ms${result.click ? ` click→painted ${result.click.clickToPainted.toFixed(0)}ms` : ''}`
						: `${variant.id} failed`,
				);
			}
			progress(`${label}: ${line.join(' · ')}`);
		}

		const diagnosis: Diagnosis[] = [];
		for (const variant of chosen.filter((v) => ['b', 'c', 'e', 'g'].includes(v.id))) {
			await prepare(variant);
			diagnosis.push(
				await diagnose({ browser, url: fixtures.pageUrl(variant.id), widgetOrigin: fixtures.widgetOrigin, distDir: DIST, variant }),
			);
		}
		progress('traced diagnostic loads done');

		let lighthouseResult;
		if (lighthouseRuns > 0) {
			for (const variant of VARIANTS.filter((v) => v.id === 'a' || v.id === 'b')) await prepare(variant);
			lighthouseResult = await runLighthouse({
				urls: { a: fixtures.pageUrl('a'), b: fixtures.pageUrl('b') },
				runs: lighthouseRuns,
				progress,
			});
		}

		const widgetSizes: Record<string, number> = {};
		for (const file of files) widgetSizes[file] = (await stat(join(DIST, file))).size;
		const report = buildReport({
			runs: results,
			variants: chosen,
			diagnosis,
			lighthouse: lighthouseResult,
			meta: {
				date: new Date().toISOString(),
				command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}  (npm run build && tsx test/bench/host-impact.ts)`,
				chromium: browser.version(),
				cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
				cores: os.cpus().length,
				node: process.version,
				os: `${os.type()} ${os.release()} ${os.arch()}`,
				cpuThrottle: CPU_THROTTLE,
				viewport: VIEWPORT,
				runsPerVariant: runs,
				warmupRounds: warmup,
				order: chosen.map((v) => v.id).join(',') + ',…',
				origins: { page: fixtures.pageOrigin, widget: fixtures.widgetOrigin, api: server.url },
				loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
				git: source,
				widgetFiles: widgetSizes,
				wallSeconds: (Date.now() - started) / 1000,
			},
		});
		const markdown = toMarkdown(report);
		await mkdir(RESULTS, { recursive: true });
		await writeFile(join(RESULTS, 'host-impact.md'), markdown);
		await writeFile(join(RESULTS, 'host-impact.json'), `${JSON.stringify(report, null, '\t')}\n`);
		console.log(tableOnly(markdown));
		console.log(
			`\nWrote ${relative(ROOT, join(RESULTS, 'host-impact.md'))} and host-impact.json (${((Date.now() - started) / 1000).toFixed(0)} s).`,
		);
	} finally {
		for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	}
}

main().catch((error) => {
	console.error(`[bench] ${error instanceof Error ? error.stack : error}`);
	process.exitCode = 1;
});
