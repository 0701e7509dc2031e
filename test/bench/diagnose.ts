import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CPU_THROTTLE, clickAndWait, pageScript, VIEWPORT } from './metrics';
import { installObservers } from './observers';
import { parseSourceMap, type Original } from './sourcemap';
import type { Variant } from './variants';

/*
A separate, traced page load per widget variant (tracing slows the page, so none of these numbers
enter the medians). It answers "which of our code makes the main thread busy": the widget's
top-level tasks, and inside them forced style/layout and style sheet parsing, with the JS frame
that forced them mapped back to src/ through the build's source maps.
*/

export interface WidgetTask {
	kind: string;
	url: string;
	startMs: number;
	durationMs: number;
	forced: Array<{ kind: string; durationMs: number; at: string }>;
	styleSheetParseMs: number;
}

export interface Diagnosis {
	variant: string;
	tasks: WidgetTask[];
}

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { data?: { url?: string; stackTrace?: Array<{ url: string; lineNumber: number; columnNumber: number; functionName: string }> }; beginData?: { stackTrace?: Array<{ url: string; lineNumber: number; columnNumber: number; functionName: string }> } };
}

const TOP_LEVEL = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'FireIdleCallback', 'RunMicrotasks']);

export async function diagnose(options: { browser: Browser; url: string; widgetOrigin: string; distDir: string; variant: Variant }): Promise<Diagnosis> {
	const { browser, url, widgetOrigin, distDir } = options;
	const variant = options.variant.id;
	const maps = new Map<string, ((line: number, column: number) => Original | undefined) | null>();
	const original = async (frame: { url: string; lineNumber: number; columnNumber: number; functionName: string }) => {
		const file = frame.url.slice(widgetOrigin.length + 1);
		if (!maps.has(file)) maps.set(file, await readFile(join(distDir, `${file}.map`), 'utf8').then((text) => parseSourceMap(JSON.parse(text)), () => null));
		// Trace frames are 1-based (lineNumber) and 1-based (columnNumber) in Chromium's timeline stacks.
		const position = maps.get(file)?.(frame.lineNumber - 1, frame.columnNumber - 1);
		return position ? `${position.source}:${position.line}${position.name ? ` (${position.name})` : ''}` : `${file}:${frame.lineNumber}:${frame.columnNumber}`;
	};

	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	try {
		await context.addInitScript({ content: pageScript(installObservers) });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
		await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'blink', 'v8.execute'] });
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
		const ours = (e: TraceEvent) => (e.args?.data?.url ?? '').startsWith(widgetOrigin);
		const candidates = main.filter((e) => TOP_LEVEL.has(e.name) && ours(e));
		const outermost = candidates.filter((e) => !main.some((o) => o !== e && TOP_LEVEL.has(o.name) && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!));
		const tasks: WidgetTask[] = [];
		for (const task of outermost) {
			const inside = main.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
			const forced: WidgetTask['forced'] = [];
			for (const e of inside.filter((x) => (x.name === 'UpdateLayoutTree' || x.name === 'Layout') && x.dur! >= 500)) {
				const stack = e.args?.data?.stackTrace ?? e.args?.beginData?.stackTrace ?? [];
				const frame = stack.find((f) => f.url.startsWith(widgetOrigin));
				forced.push({ kind: e.name === 'Layout' ? 'forced layout' : 'forced style recalc', durationMs: e.dur! / 1000, at: frame ? await original(frame) : '(no stack)' });
			}
			tasks.push({
				kind: task.name,
				url: task.args?.data?.url ?? '',
				startMs: (task.ts - parse.ts) / 1000,
				durationMs: task.dur! / 1000,
				forced,
				styleSheetParseMs: inside.filter((e) => e.name === 'CSSParserImpl::parseStyleSheet').reduce((s, e) => s + e.dur! / 1000, 0),
			});
		}
		return { variant, tasks: tasks.filter((t) => t.durationMs >= 1) };
	} finally {
		await context.close();
	}
}
