import type { Browser, CDPSession, Page } from 'playwright-core';
import { countNodes, installObservers, isPainted, locate, readRecord, watchOpen, type PageRecord } from './observers';
import type { Target, Variant } from './variants';

export const CPU_THROTTLE = 4;
export const VIEWPORT = { width: 1280, height: 800 };
/**
Every variant is observed for the same phases, so whole-visit counters (script, task time) compare
like for like: load and settle, then an interaction window of at least this long, in which (c) and
(d) click and the others just wait.
*/
const INTERACTION_WINDOW_MS = 1500;

/** One page load of one variant, every metric as measured (times in ms, sizes in bytes). */
export interface RunResult {
	variant: string;
	round: number;
	bytes: number;
	requests: number;
	thirdPartyBytes: number;
	thirdPartyRequests: number;
	unfinishedRequests: number;
	scriptMs: number;
	taskMs: number;
	layoutMs: number;
	styleMs: number;
	longTasks: number;
	longTaskMs: number;
	/** Every long task of the visit (also those before FCP), ms from navigation start. */
	longTaskList: Array<{ start: number; duration: number }>;
	tbt: number;
	cls: number;
	/** Shifts within 500 ms of input: excluded from CLS, but still visible movement. */
	inputShiftScore: number;
	fcp: number;
	lcp: number;
	lcpElement: string;
	heapBytes: number;
	nodes: number;
	domNodes: { light: number; shadow: number };
	click?: ClickResult;
	/** Long animation frames' script time by script URL (scripts ≥ 5 ms in frames ≥ 50 ms). */
	longFrameScripts: Record<string, { ms: number; forcedLayoutMs: number }>;
	shiftSources: string[];
	thirdPartyUrls: Array<{ url: string; method: string; bytes: number; failed?: boolean }>;
	wallMs: number;
}

export interface ClickResult {
	/** Event Timing, or (for a click under its 16 ms threshold) the harness's own window listeners. */
	source: 'event-timing' | 'listeners';
	/** From the click's Event Timing entry (presentation is null without one). */
	inputDelay: number | null;
	processing: number | null;
	presentation: number | null;
	eventDuration: number | null;
	/** The longest event of the click's interaction (pointerdown … click), as INP would count it. */
	interactionDuration: number | null;
	/** Click timestamp → the frame after `opened` matched was rendered. */
	clickToPainted: number;
	/** Click timestamp → `opened` matched in the DOM. */
	clickToOpen: number;
}

/** Playwright serialises functions as source; tsx may add esbuild's `__name` helper to them. */
export function pageScript(fn: (arg: any) => unknown, arg?: unknown): string {
	return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
}

function evaluate<T>(page: Page, fn: (arg: any) => T, arg?: unknown): Promise<T> {
	return page.evaluate(pageScript(fn, arg)) as Promise<T>;
}

/** Counts requests and encoded bytes (CDP Network.loadingFinished encodedDataLength) by origin. */
function trackNetwork(cdp: CDPSession, pageOrigin: string) {
	const urls = new Map<string, { url: string; method: string }>();
	const done: RunResult['thirdPartyUrls'] = [];
	let lastActivity = Date.now();
	cdp.on('Network.requestWillBeSent', (e) => {
		lastActivity = Date.now();
		// CORS preflights arrive as their own requests (type "Preflight"), and cost a round trip each.
		if (/^https?:/.test(e.request.url))
			urls.set(e.requestId, { url: e.request.url, method: e.type === 'Preflight' ? 'OPTIONS (preflight)' : e.request.method });
	});
	const finish = (requestId: string, bytes: number, failed = false) => {
		lastActivity = Date.now();
		const request = urls.get(requestId);
		if (request === undefined) return;
		urls.delete(requestId);
		done.push({ ...request, bytes, ...(failed && { failed }) });
	};
	cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.encodedDataLength));
	cdp.on('Network.loadingFailed', (e) => finish(e.requestId, 0, true));
	return {
		inFlight: () => urls.size,
		quietFor: () => Date.now() - lastActivity,
		summary() {
			const third = done.filter((r) => new URL(r.url).origin !== pageOrigin);
			const sum = (list: typeof done) => list.reduce((s, r) => s + r.bytes, 0);
			return {
				bytes: sum(done),
				requests: done.length,
				thirdPartyBytes: sum(third),
				thirdPartyRequests: third.length,
				unfinishedRequests: urls.size,
				thirdPartyUrls: third,
			};
		},
	};
}

/** Waits at least `minMs`, then until the network has been quiet for `quietMs` (at most `maxMs`). */
async function settle(
	network: ReturnType<typeof trackNetwork>,
	{ minMs, quietMs, maxMs }: { minMs: number; quietMs: number; maxMs: number },
) {
	const start = Date.now();
	while (Date.now() - start < maxMs) {
		if (Date.now() - start >= minMs && network.inFlight() === 0 && network.quietFor() >= quietMs) return;
		await new Promise((done) => setTimeout(done, 50));
	}
}

/*
Waiting happens by polling plain page.evaluate calls from Node. Playwright's locators and
waitForFunction would load its injected selector engine into the page's isolate (~0.9 MB of JS
heap) in the variants that wait on something, and not in (a). DevTools-initiated evaluations
themselves do not count in ScriptDuration.
*/
async function poll<T>(page: Page, fn: (arg: any) => T | null | false, arg: unknown, what: string, timeoutMs = 15_000): Promise<T> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		const value = await evaluate(page, fn, arg);
		if (value) return value;
		await new Promise((done) => setTimeout(done, 50));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

const describeTarget = (t: Target) => (t.host ? `${t.host}::shadow ${t.selector}` : t.selector);

/** CLS as Chromium reports it: the worst session window (≤ 1 s gaps, ≤ 5 s long) of shifts without recent input. */
export function cumulativeLayoutShift(shifts: PageRecord['shifts']): number {
	let worst = 0,
		current = 0,
		windowStart = -Infinity,
		previous = -Infinity;
	for (const shift of shifts.filter((s) => !s.hadRecentInput).sort((a, b) => a.start - b.start)) {
		if (shift.start - previous > 1000 || shift.start - windowStart > 5000) {
			current = 0;
			windowStart = shift.start;
		}
		current += shift.value;
		previous = shift.start;
		worst = Math.max(worst, current);
	}
	return worst;
}

export async function clickAndWait(page: Page, variant: Variant): Promise<void> {
	const { button, opened } = variant.click!;
	await evaluate(page, watchOpen, opened);
	const point = await poll(page, locate, button, describeTarget(button));
	// A person's pointer rests on the button a moment before pressing (and hover is itself a signal the widget uses).
	await page.mouse.move(point.x, point.y, { steps: 4 });
	await page.waitForTimeout(120);
	await page.mouse.down();
	await page.mouse.up();
	await poll(page, isPainted, null, `${describeTarget(opened)} to be painted`);
}

function clickResult(record: PageRecord): ClickResult | undefined {
	const { click, openAt, paintedAt } = record;
	if (!click || openAt === undefined || paintedAt === undefined) return undefined;
	const entry = record.events.find((e) => e.name === 'click' && Math.abs(e.start - click.timeStamp) < 1);
	const interaction = entry?.interactionId ? record.events.filter((e) => e.interactionId === entry.interactionId) : [];
	// Without an entry (a click under 16 ms), window listeners bracket the dispatch: capture runs first, bubble last.
	return {
		source: entry ? 'event-timing' : 'listeners',
		inputDelay: entry ? entry.processingStart - entry.start : click.captureAt - click.timeStamp,
		processing: entry
			? entry.processingEnd - entry.processingStart
			: click.bubbleAt === undefined
				? null
				: click.bubbleAt - click.captureAt,
		presentation: entry ? entry.start + entry.duration - entry.processingEnd : null,
		eventDuration: entry ? entry.duration : null,
		interactionDuration: interaction.length ? Math.max(...interaction.map((e) => e.duration)) : null,
		clickToPainted: paintedAt - click.timeStamp,
		clickToOpen: openAt - click.timeStamp,
	};
}

export interface RunOptions {
	browser: Browser;
	variant: Variant;
	url: string;
	pageOrigin: string;
	round: number;
}

/** Loads the page in a fresh context with the CPU throttled, optionally clicks, and measures. */
export async function measure({ browser, variant, url, pageOrigin, round }: RunOptions): Promise<RunResult> {
	const started = Date.now();
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	try {
		await context.addInitScript({ content: pageScript(installObservers) });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Performance.enable');
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
		const network = trackNetwork(cdp, pageOrigin);

		await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
		if (variant.ready) await poll(page, locate, variant.ready, describeTarget(variant.ready));
		// Every variant waits the same way, so idle-time work (e.g. a preloaded panel) lands inside the window.
		await settle(network, { minMs: 1500, quietMs: 600, maxMs: 10_000 });
		const beforeInput = await evaluate(page, readRecord);
		const windowStart = Date.now();
		if (variant.click) await clickAndWait(page, variant);
		await settle(network, { minMs: INTERACTION_WINDOW_MS - (Date.now() - windowStart), quietMs: 500, maxMs: 8000 });
		const record = await evaluate(page, readRecord);

		await cdp.send('HeapProfiler.collectGarbage');
		await cdp.send('HeapProfiler.collectGarbage');
		const { metrics } = await cdp.send('Performance.getMetrics');
		const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
		const domNodes = await evaluate(page, countNodes);

		const fcp = record.paints.find((p) => p.name === 'first-contentful-paint')?.start ?? NaN;
		const lcpEntry = beforeInput.lcp.at(-1);
		const afterPaint = record.longTasks.filter((t) => t.start >= fcp);
		const longFrameScripts: RunResult['longFrameScripts'] = {};
		for (const script of record.frames.flatMap((f) => f.scripts)) {
			const key = script.url || `(${script.invoker})`;
			const slot = (longFrameScripts[key] ??= { ms: 0, forcedLayoutMs: 0 });
			slot.ms += script.duration;
			slot.forcedLayoutMs += script.forcedLayout;
		}
		return {
			variant: variant.id,
			round,
			...network.summary(),
			scriptMs: metric('ScriptDuration') * 1000,
			taskMs: metric('TaskDuration') * 1000,
			layoutMs: metric('LayoutDuration') * 1000,
			styleMs: metric('RecalcStyleDuration') * 1000,
			longTasks: afterPaint.length,
			longTaskMs: afterPaint.reduce((s, t) => s + t.duration, 0),
			tbt: afterPaint.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
			longTaskList: record.longTasks,
			cls: cumulativeLayoutShift(record.shifts),
			inputShiftScore: record.shifts.filter((s) => s.hadRecentInput).reduce((s, x) => s + x.value, 0),
			fcp,
			lcp: lcpEntry?.start ?? NaN,
			lcpElement: lcpEntry?.element ?? '',
			heapBytes: metric('JSHeapUsedSize'),
			nodes: metric('Nodes'),
			domNodes,
			click: clickResult(record),
			longFrameScripts,
			shiftSources: [...new Set(record.shifts.filter((s) => !s.hadRecentInput).flatMap((s) => s.sources))],
			wallMs: Date.now() - started,
		};
	} finally {
		await context.close();
	}
}
