import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CPU_THROTTLE, clickAndWait, pageScript, VIEWPORT } from './metrics';
import { installObservers } from './observers';
import { parseSourceMap, type Original } from './sourcemap';
import type { Variant } from './variants';

/*
A separate, traced page load per widget variant (tracing slows the page, so none of these numbers
enter the medians). It answers "which of our code makes the main thread busy": every main-thread
task of 5 ms or more that runs widget code, the widget's own script time in it, and the style and
layout our calls force synchronously, with the JS line that forced them mapped back to src/
through the build's source maps.
*/

export interface WidgetTask {
	/** What started the task: script evaluation, an event (with its type), a timer, a frame callback… */
	trigger: string;
	startMs: number;
	durationMs: number;
	/** Time inside the widget's own script calls in this task, by file. */
	scripts: Record<string, number>;
	forced: Array<{ kind: string; durationMs: number; at: string }>;
	styleSheetParseMs: number;
}

export interface Diagnosis {
	variant: string;
	tasks: WidgetTask[];
}

interface Frame {
	url: string;
	lineNumber: number;
	columnNumber: number;
	functionName: string;
}

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { data?: { url?: string; type?: string; stackTrace?: Frame[] }; beginData?: { stackTrace?: Frame[] } };
}

const SCRIPT_CALLS = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall']);
const TRIGGERS = new Set([
	'EvaluateScript',
	'v8.evaluateModule',
	'EventDispatch',
	'TimerFire',
	'FireAnimationFrame',
	'FireIdleCallback',
	'RunMicrotasks',
	'ParseHTML',
]);

export async function diagnose(options: {
	browser: Browser;
	url: string;
	widgetOrigin: string;
	distDir: string;
	variant: Variant;
}): Promise<Diagnosis> {
	const { browser, url, widgetOrigin, distDir } = options;
	const variant = options.variant.id;
	const maps = new Map<string, ((line: number, column: number) => Original | undefined) | null>();
	const original = async (frame: { url: string; lineNumber: number; columnNumber: number; functionName: string }) => {
		const file = frame.url.slice(widgetOrigin.length + 1);
		if (!maps.has(file))
			maps.set(
				file,
				await readFile(join(distDir, `${file}.map`), 'utf8').then(
					(text) => parseSourceMap(JSON.parse(text)),
					() => null,
				),
			);
		// Trace frames are 1-based (lineNumber) and 1-based (columnNumber) in Chromium's timeline stacks.
		const position = maps.get(file)?.(frame.lineNumber - 1, frame.columnNumber - 1);
		return position
			? `${position.source}:${position.line}${position.name ? ` (${position.name})` : ''}`
			: `${file}:${frame.lineNumber}:${frame.columnNumber}`;
	};

	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	try {
		await context.addInitScript({ content: pageScript(installObservers) });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
		await browser.startTracing(page, {
			categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'blink', 'v8.execute'],
		});
		await page.goto(url, { waitUntil: 'load' });
		await page.waitForTimeout(2500);
		if (options.variant.click) {
			await clickAndWait(page, options.variant);
			await page.waitForTimeout(1000);
		}
		const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
		const parse = traceEvents.find((e) => e.name === 'ParseHTML');
		if (!parse) return { variant, tasks: [] };
		const main = traceEvents.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur !== undefined);
		const within = (outer: TraceEvent) => (e: TraceEvent) => e !== outer && e.ts >= outer.ts && e.ts + e.dur! <= outer.ts + outer.dur!;
		const ours = (e: TraceEvent) => SCRIPT_CALLS.has(e.name) && (e.args?.data?.url ?? '').startsWith(widgetOrigin);
		const tasks: WidgetTask[] = [];
		for (const task of main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')) {
			const inside = main.filter(within(task));
			const calls = inside.filter(ours).filter((call, _, all) => !all.some((other) => other !== call && within(other)(call)));
			if (!calls.length || task.dur! < 5000) continue;
			const scripts: Record<string, number> = {};
			for (const call of calls) {
				const file = call.args!.data!.url!.slice(widgetOrigin.length + 1);
				scripts[file] = (scripts[file] ?? 0) + call.dur! / 1000;
			}
			// Style and layout done synchronously inside our calls (forced), with the JS line that forced it.
			const forced: WidgetTask['forced'] = [];
			for (const e of inside.filter(
				(x) => (x.name === 'UpdateLayoutTree' || x.name === 'Layout') && x.dur! >= 1000 && calls.some((call) => within(call)(x)),
			)) {
				const frame = (e.args?.data?.stackTrace ?? e.args?.beginData?.stackTrace ?? []).find((f) => f.url.startsWith(widgetOrigin));
				forced.push({
					kind: e.name === 'Layout' ? 'layout' : 'style recalc',
					durationMs: e.dur! / 1000,
					at: frame ? await original(frame) : '(no JS stack)',
				});
			}
			// The innermost event, timer or callback that led to our first call names the task.
			const cause =
				inside.filter((e) => TRIGGERS.has(e.name) && (e === calls[0] || within(e)(calls[0]))).sort((x, y) => x.dur! - y.dur!)[0] ??
				calls[0];
			tasks.push({
				trigger: `${cause.name}${cause.args?.data?.type ? ` ${cause.args.data.type}` : ''}`,
				startMs: (task.ts - parse.ts) / 1000,
				durationMs: task.dur! / 1000,
				scripts,
				forced,
				styleSheetParseMs: inside
					.filter((e) => e.name === 'CSSParserImpl::parseStyleSheet' && calls.some((call) => within(call)(e)))
					.reduce((sum, e) => sum + e.dur! / 1000, 0),
			});
		}
		return { variant, tasks };
	} finally {
		await context.close();
	}
}
