import type { Diagnosis } from './diagnose';
import type { RunResult } from './metrics';
import { summarize, type Summary } from './stats';
import type { Variant, VariantId } from './variants';

type Unit = 'bytes' | 'ms' | 'count' | 'score';

interface MetricDef {
	key: string;
	label: string;
	unit: Unit;
	get(run: RunResult): number | null | undefined;
	/** Click metrics exist only where something is clicked, so they are absolute, not differences. */
	absolute?: boolean;
	/** Budgets for our widget's variants, on the median (of the difference, unless absolute). */
	targets?: Array<{ max: number; variants: VariantId[]; text: string }>;
	note?: string;
}

/** The variants the control (d) is compared with. */
const WIDGET: VariantId[] = ['b', 'c'];
/** Variants that open the panel (signed in, guest, signed in on the ×10 page). */
const OPENING: VariantId[] = ['c', 'e', 'g'];

export const METRICS: MetricDef[] = [
	{
		key: 'bytes',
		label: 'Transferred bytes',
		unit: 'bytes',
		get: (r) => r.bytes,
		note: 'CDP Network.loadingFinished encodedDataLength (headers + compressed body), all origins',
	},
	{ key: 'requests', label: 'Requests', unit: 'count', get: (r) => r.requests },
	{
		key: 'scriptMs',
		label: 'Script time',
		unit: 'ms',
		get: (r) => r.scriptMs,
		targets: [{ max: 20, variants: ['b'], text: '≤ 20 ms' }],
		note: 'Performance.getMetrics ScriptDuration, whole visit, throttled ms',
	},
	{
		key: 'taskMs',
		label: 'Task time',
		unit: 'ms',
		get: (r) => r.taskMs,
		note: 'Performance.getMetrics TaskDuration, whole visit, throttled ms',
	},
	{
		key: 'longTasks',
		label: 'Long tasks after FCP',
		unit: 'count',
		get: (r) => r.longTasks,
		targets: [{ max: 0, variants: ['b', ...OPENING], text: '0' }],
	},
	{
		key: 'tbt',
		label: 'TBT after FCP',
		unit: 'ms',
		get: (r) => r.tbt,
		targets: [
			{ max: 0, variants: ['b'], text: '0 ms' },
			{ max: 30, variants: OPENING, text: '≤ 30 ms' },
		],
		note: 'Σ (long task − 50 ms) for long tasks starting after FCP, load and click together',
	},
	{
		key: 'cls',
		label: 'CLS',
		unit: 'score',
		get: (r) => r.cls,
		targets: [{ max: 0, variants: ['b', ...OPENING], text: '0' }],
		note: 'worst session window of layout shifts without recent input',
	},
	{ key: 'lcp', label: 'LCP', unit: 'ms', get: (r) => r.lcp, note: 'last largest-contentful-paint entry before any input' },
	{
		key: 'heapBytes',
		label: 'JS heap after GC',
		unit: 'bytes',
		get: (r) => r.heapBytes,
		targets: [{ max: 1_000_000, variants: ['b', 'c'], text: '≤ 1 MB' }],
		note: 'HeapProfiler.collectGarbage ×2, then JSHeapUsedSize',
	},
	{
		key: 'nodes',
		label: 'DOM nodes',
		unit: 'count',
		get: (r) => r.nodes,
		note: 'Performance.getMetrics Nodes after GC; counts shadow-root nodes too',
	},
	{
		key: 'clickToPainted',
		label: 'Click → panel painted',
		unit: 'ms',
		absolute: true,
		get: (r) => r.click?.clickToPainted,
		targets: [{ max: 50, variants: ['c', 'e'], text: '≤ 50 ms' }],
		note: 'click timestamp → frame after the panel is open in the DOM has rendered',
	},
	{
		key: 'inputDelay',
		label: 'Click input delay',
		unit: 'ms',
		absolute: true,
		get: (r) => r.click?.inputDelay,
		note: 'Event Timing: processingStart − startTime',
	},
	{
		key: 'processing',
		label: 'Click processing',
		unit: 'ms',
		absolute: true,
		get: (r) => r.click?.processing,
		note: 'Event Timing: processingEnd − processingStart',
	},
	{
		key: 'presentation',
		label: 'Click presentation',
		unit: 'ms',
		absolute: true,
		get: (r) => r.click?.presentation,
		note: 'Event Timing: startTime + duration − processingEnd (next paint)',
	},
	{
		key: 'interaction',
		label: 'Click interaction (INP-style)',
		unit: 'ms',
		absolute: true,
		get: (r) => r.click?.interactionDuration,
		note: 'longest Event Timing entry of the click interaction',
	},
];

export interface Meta {
	date: string;
	command: string;
	chromium: string;
	cpu: string;
	cores: number;
	node: string;
	os: string;
	cpuThrottle: number;
	viewport: { width: number; height: number };
	runsPerVariant: number;
	warmupRounds: number;
	order: string;
	origins: { page: string; widget: string; api: string };
	/** The source measured: `npm run bench` builds the working tree, which may hold uncommitted edits. */
	git: { commit: string; uncommittedSrc: string[] };
	/** 1-minute load average when the runs started and ended: other processes on the machine add noise. */
	loadAverage: { start: number; end: number };
	widgetFiles: Record<string, number>;
	wallSeconds: number;
}

interface MetricResult {
	label: string;
	unit: Unit;
	absolute: boolean;
	note?: string;
	/** (a) absolute, (b)–(d) the paired difference from (a) in the same round (or absolute for click metrics). */
	byVariant: Partial<Record<VariantId, Summary | null>>;
}

interface TargetResult {
	metric: string;
	variant: VariantId;
	target: string;
	median: number | null;
	met: boolean | null;
	missBy: number | null;
}

interface ControlResult {
	metric: string;
	/** Per widget variant: does the control's middle half lie entirely above that variant's? null where not comparable. */
	clearlyWorseThan: Partial<Record<VariantId, boolean | null>>;
}

export interface LighthouseRun {
	score: number;
	tbt: number;
	cls: number;
	lcp: number;
	fcp: number;
}

export interface LighthouseResult {
	version: string;
	runs: { a: LighthouseRun[]; b: LighthouseRun[] };
	/** Median score of (b) minus median score of (a). */
	difference: number;
	note: string;
}

export interface Report {
	meta: Meta;
	lighthouse?: LighthouseResult;
	variants: Array<{ id: VariantId; label: string }>;
	metrics: Record<string, MetricResult>;
	targets: TargetResult[];
	control: ControlResult[];
	diagnosis: Diagnosis[];
	runs: RunResult[];
}

/** A page without any third party: its figures are absolute, and others' are differences from it. */
const isAlone = (variant: Variant) => variant.id === 'a' || variant.id === 'f';

function analyse(runs: RunResult[], variants: Variant[]): Pick<Report, 'metrics' | 'targets' | 'control'> {
	const rounds = [...new Set(runs.map((r) => r.round))];
	const find = (variant: VariantId, round: number) => runs.find((r) => r.variant === variant && r.round === round);
	const metrics: Record<string, MetricResult> = {};
	const targets: TargetResult[] = [];
	const control: ControlResult[] = [];
	for (const def of METRICS) {
		const byVariant: MetricResult['byVariant'] = {};
		for (const { id } of variants) {
			const values = rounds.map((round) => {
				const run = find(id, round);
				const value = run ? def.get(run) : undefined;
				if (value === undefined || value === null) return NaN;
				const variant = variants.find((v) => v.id === id)!;
				if (isAlone(variant) || def.absolute) return value;
				const base = find(variant.baseline ?? 'a', round);
				const baseValue = base ? def.get(base) : undefined;
				return baseValue === undefined || baseValue === null ? NaN : value - baseValue;
			});
			byVariant[id] = summarize(values);
		}
		metrics[def.key] = { label: def.label, unit: def.unit, absolute: !!def.absolute, note: def.note, byVariant };
		for (const target of def.targets ?? [])
			for (const variant of target.variants.filter((id) => variants.some((v) => v.id === id))) {
				const median = byVariant[variant]?.median ?? null;
				const met = median === null ? null : median <= target.max + 1e-9;
				targets.push({ metric: def.key, variant, target: target.text, median, met, missBy: met === false ? median! - target.max : null });
			}
		// "Clearly worse": the control's middle half lies entirely above the widget variant's middle half.
		const d = byVariant.d ?? null;
		const clearlyWorseThan: ControlResult['clearlyWorseThan'] = {};
		for (const id of WIDGET) {
			const widget = byVariant[id];
			clearlyWorseThan[id] = d && widget ? d.p25 > widget.p75 : null;
		}
		control.push({ metric: def.key, clearlyWorseThan });
	}
	return { metrics, targets, control };
}

export function buildReport(input: {
	meta: Meta;
	runs: RunResult[];
	variants: Variant[];
	diagnosis: Diagnosis[];
	lighthouse?: LighthouseResult;
}): Report {
	return {
		meta: input.meta,
		...(input.lighthouse && { lighthouse: input.lighthouse }),
		variants: input.variants.map(({ id, label }) => ({ id, label })),
		...analyse(input.runs, input.variants),
		diagnosis: input.diagnosis,
		runs: input.runs,
	};
}

function format(raw: number, unit: Unit, signed: boolean): string {
	// Differences smaller than the display precision read as zero, never as "−0.000".
	const value = Math.abs(raw) < (unit === 'score' ? 0.0005 : unit === 'bytes' ? 50 : 0.05) ? 0 : raw;
	const sign = value > 0 ? (signed ? '+' : '') : value < 0 ? '−' : signed ? '±' : '';
	const v = Math.abs(value);
	switch (unit) {
		case 'bytes':
			return Math.abs(v) >= 1e6 ? `${sign}${(v / 1e6).toFixed(2)} MB` : `${sign}${(v / 1000).toFixed(1)} kB`;
		case 'ms':
			return `${sign}${v < 10 && v !== 0 ? v.toFixed(1) : v.toFixed(0)} ms`;
		case 'score':
			return `${sign}${v.toFixed(3)}`;
		default:
			return `${sign}${Number.isInteger(v) ? v : v.toFixed(1)}`;
	}
}

function bare(value: number, unit: Unit): string {
	return format(value, unit, false).replace(/ (ms|kB|MB)$/, '');
}

function cell(summary: Summary | null | undefined, unit: Unit, signed: boolean): string {
	if (!summary) return 'n/a';
	const spread = summary.p25 === summary.p75 ? '' : ` [${bare(summary.p25, unit)} – ${bare(summary.p75, unit)}]`;
	return `${format(summary.median, unit, signed)}${spread}`;
}

const mark = (met: boolean | null) => (met === null ? '?' : met ? '✔' : '✘');

export function toMarkdown(report: Report): string {
	const { meta } = report;
	const label = (id: VariantId) => `(${id}) ${report.variants.find((v) => v.id === id)?.label ?? ''}`;
	const lines: string[] = [];
	lines.push('# Host-impact benchmark (issues #6, #15)', '');
	lines.push(`- Command: \`${meta.command}\``);
	lines.push(`- Date: ${meta.date}`);
	lines.push(
		`- Source: commit ${meta.git.commit.slice(0, 10)}${meta.git.uncommittedSrc.length ? `, built with uncommitted changes to ${meta.git.uncommittedSrc.join(', ')}` : ', clean src/'}`,
	);
	lines.push(
		`- Browser: Chromium ${meta.chromium}, headless, ${meta.cpuThrottle}× CPU throttle (\`Emulation.setCPUThrottlingRate\`), no network throttling, viewport ${meta.viewport.width}×${meta.viewport.height}`,
	);
	lines.push(`- Machine: ${meta.cpu}, ${meta.cores} cores · Node ${meta.node} · ${meta.os}`);
	const busy = Math.max(meta.loadAverage.start, meta.loadAverage.end) > meta.cores;
	lines.push(
		`- Load average (1 min) at start / end: ${meta.loadAverage.start.toFixed(1)} / ${meta.loadAverage.end.toFixed(1)}${busy ? ' — other processes were competing for the cores, so timings are noisier than on an idle machine' : ''}`,
	);
	lines.push(
		`- Runs: ${meta.runsPerVariant} per variant, interleaved ${meta.order}, a fresh browser context each time, after ${meta.warmupRounds} discarded warm-up round(s); whole bench ${meta.wallSeconds.toFixed(0)} s`,
	);
	lines.push(
		`- Origins: page ${meta.origins.page} · widget (third party) ${meta.origins.widget} · loyalty API (reference server) ${meta.origins.api}`,
	);
	lines.push(
		`- Widget files: ${Object.entries(meta.widgetFiles)
			.map(([file, size]) => `${file} ${(size / 1000).toFixed(1)} kB`)
			.join(', ')} (uncompressed; served brotli/gzip)`,
	);
	lines.push('');
	lines.push(
		'(a) and (f) are absolute. (b)–(e) are the median of the per-round difference from (a), and (g) from (f), run in the same round, with the interquartile range in brackets. Click rows are absolute (only (c), (d), (e) and (g) click). (f) and (g) load the ×10 page (1,000 products, about 26,000 elements). Times are throttled milliseconds.',
		'',
	);

	const ids = report.variants.map((v) => v.id);
	lines.push(`| Metric | Target for our widget | ${ids.map(label).join(' | ')} | (d) clearly worse than (b) / (c)? |`);
	lines.push(`|---|---|${ids.map(() => '---').join('|')}|---|`);
	for (const def of METRICS) {
		const result = report.metrics[def.key];
		const cells = ids.map((id) => {
			const summary = result.byVariant[id];
			const text = cell(summary, def.unit, id !== 'a' && id !== 'f' && !def.absolute);
			const target = report.targets.find((t) => t.metric === def.key && t.variant === id);
			return target ? `${text} ${mark(target.met)}` : text;
		});
		const control = report.control.find((c) => c.metric === def.key);
		const versus = WIDGET.map((id) => (control?.clearlyWorseThan[id] == null ? '—' : mark(control.clearlyWorseThan[id]!))).join(' / ');
		lines.push(
			`| ${def.label} | ${def.targets ? def.targets.map((t) => `${def.absolute ? '' : 'added '}${t.text} (${t.variants.join(', ')})`).join('; ') : '—'} | ${cells.join(' | ')} | ${versus} |`,
		);
	}
	lines.push('');

	lines.push('## Targets', '');
	lines.push('| Target | Variant | Measured median | Met | Missed by |');
	lines.push('|---|---|---|---|---|');
	for (const target of report.targets) {
		const def = METRICS.find((m) => m.key === target.metric)!;
		const signed = !def.absolute;
		lines.push(
			`| ${def.label} ${def.absolute ? '' : 'added '}${target.target} | ${label(target.variant)} | ${target.median === null ? 'n/a' : format(target.median, def.unit, signed)} | ${mark(target.met)} | ${target.missBy === null ? '' : format(target.missBy, def.unit, false)} |`,
		);
	}
	const click = report.metrics.clickToPainted?.byVariant;
	if (click?.c && click.g) {
		const ratio = click.g.median / click.c.median;
		lines.push(
			`| Click → panel painted on the ×10 page within 1.25× of the bench page's | (g) / (c) | ${ratio.toFixed(2)}× (${format(click.g.median, 'ms', false)} / ${format(click.c.median, 'ms', false)}) | ${mark(ratio <= 1.25)} | ${ratio > 1.25 ? `${(ratio - 1.25).toFixed(2)}×` : ''} |`,
		);
	}
	if (report.lighthouse) {
		const { difference } = report.lighthouse;
		lines.push(
			`| Lighthouse mobile performance score difference ≥ −1 | (b) − (a) | ${difference > 0 ? '+' : difference < 0 ? '−' : '±'}${Math.abs(difference)} | ${mark(difference >= -1)} | ${difference < -1 ? `${-1 - difference}` : ''} |`,
		);
	}
	for (const id of WIDGET) {
		const compared = report.control.filter((c) => c.clearlyWorseThan[id] != null);
		const misses = compared.filter((c) => c.clearlyWorseThan[id] === false);
		lines.push(
			`| (d) clearly worse than ${label(id)} on every axis | (d) | on ${compared.length - misses.length} of ${compared.length} metrics | ${mark(misses.length === 0)} | ${misses.length ? `not on: ${misses.map((c) => METRICS.find((m) => m.key === c.metric)!.label).join(', ')}` : ''} |`,
		);
	}
	lines.push(
		'',
		'"Clearly worse" means the control\'s interquartile range lies entirely above the widget variant\'s (differences from (a); click rows absolute). Against (b) it shows the harness tells good from bad; against (c) it shows where our opened panel costs as much as the deliberately bad control.',
		'',
	);

	if (report.lighthouse) {
		const lh = report.lighthouse;
		lines.push(`## Lighthouse ${lh.version}, mobile preset (simulated throttling), ${lh.runs.a.length} runs each, interleaved`, '');
		lines.push('| Page | Performance score (median) | Scores | TBT (median) | CLS (median) | LCP (median) |');
		lines.push('|---|---|---|---|---|---|');
		for (const id of ['a', 'b'] as const) {
			const runs = lh.runs[id];
			const median = (pick: (r: LighthouseRun) => number) => summarize(runs.map(pick))?.median ?? NaN;
			lines.push(
				`| ${label(id)} | ${median((r) => r.score)} | ${runs.map((r) => r.score).join(', ')} | ${median((r) => r.tbt).toFixed(0)} ms | ${median((r) => r.cls).toFixed(3)} | ${median((r) => r.lcp).toFixed(0)} ms |`,
			);
		}
		lines.push('', `Median score difference (b) − (a): ${lh.difference}. ${lh.note}`, '');
	}

	lines.push('## Third-party requests (round 1)', '');
	for (const id of ids.filter((v) => v !== 'a')) {
		const run = report.runs.find((r) => r.variant === id);
		if (!run) continue;
		const name = (url: string) => url.replace(meta.origins.widget, 'widget').replace(meta.origins.api, 'api');
		lines.push(
			`- ${label(id)}: ${run.thirdPartyUrls.map((r) => `${r.method} ${name(r.url)} ${(r.bytes / 1000).toFixed(1)} kB${r.failed ? ' (failed)' : ''}`).join('; ') || 'none'}`,
		);
	}
	lines.push('');

	lines.push('## Layout shifts (distinct sources over all runs)', '');
	for (const id of ids) {
		const sources = [...new Set(report.runs.filter((r) => r.variant === id).flatMap((r) => r.shiftSources))];
		lines.push(`- ${label(id)}: ${sources.length ? sources.join('; ') : 'none'}`);
	}
	lines.push(
		'',
		'A source reads "(node not exposed)" when the node is inside a shadow root; its rectangles (x,y w×h, before → after) show what moved.',
		'',
	);

	lines.push('## Where the widget spends main-thread time (traced diagnostic load, not part of the medians)', '');
	for (const diagnosis of report.diagnosis) {
		lines.push(`${label(diagnosis.variant as VariantId)}:`, '');
		if (!diagnosis.tasks.length) lines.push('- no task of 5 ms or more runs widget code');
		for (const task of diagnosis.tasks) {
			const scripts = Object.entries(task.scripts)
				.map(([file, ms]) => `${file} ${ms.toFixed(1)} ms`)
				.join(', ');
			const forced = task.forced.map((f) => `${f.kind} ${f.durationMs.toFixed(1)} ms forced at ${f.at}`).join('; ');
			const parsing = task.styleSheetParseMs >= 0.5 ? `; CSS parsing ${task.styleSheetParseMs.toFixed(1)} ms` : '';
			lines.push(
				`- at ${task.startMs.toFixed(0)} ms, ${task.trigger}: task ${task.durationMs.toFixed(1)} ms${task.durationMs >= 50 ? ' (long task)' : ''}; widget script ${scripts}${parsing}${forced ? `; ${forced}` : ''}`,
			);
		}
		lines.push('');
	}

	lines.push('## Metric definitions', '');
	for (const def of METRICS) if (def.note) lines.push(`- ${def.label}: ${def.note}.`);
	lines.push('');
	return lines.join('\n');
}

/** The table alone, for stdout. */
export function tableOnly(markdown: string): string {
	const lines = markdown.split('\n');
	const start = lines.findIndex((l) => l.startsWith('| Metric'));
	const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
	return lines.slice(start, end).join('\n');
}
