import type { Target } from './variants';

/*
Code that runs inside the page. Each function is serialised by Playwright, so it must be
self-contained: no imports, no closures over module scope.
*/

export interface PageRecord {
	paints: Array<{ name: string; start: number }>;
	lcp: Array<{ start: number; size: number; element: string; url: string }>;
	shifts: Array<{ start: number; value: number; hadRecentInput: boolean; sources: string[] }>;
	longTasks: Array<{ start: number; duration: number }>;
	events: Array<{ name: string; start: number; duration: number; processingStart: number; processingEnd: number; interactionId: number }>;
	frames: Array<{
		start: number;
		duration: number;
		blocking: number;
		scripts: Array<{ url: string; invoker: string; duration: number; forcedLayout: number }>;
	}>;
	click?: { timeStamp: number; captureAt: number; bubbleAt?: number };
	openAt?: number;
	paintedAt?: number;
}

/** Installed with addInitScript, before any page script: records paints, LCP, shifts, long tasks, events, long frames. */
export function installObservers() {
	if (window !== window.top) return;
	const record: PageRecord = { paints: [], lcp: [], shifts: [], longTasks: [], events: [], frames: [] };
	(window as unknown as { __bench: PageRecord }).__bench = record;
	const describe = (node: Node | null | undefined): string => {
		if (!node) return '';
		if (!(node instanceof Element)) return node.nodeName;
		const root = node.getRootNode();
		const inShadow = root instanceof ShadowRoot ? `${root.host.localName}::shadow ` : '';
		return `${inShadow}${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
	};
	const observe = (type: string, onEntry: (entry: any) => void, extra: Record<string, unknown> = {}) => {
		try {
			new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({
				type,
				buffered: true,
				...extra,
			} as PerformanceObserverInit);
		} catch {
			// An entry type this browser lacks: that metric stays empty.
		}
	};
	observe('paint', (e) => record.paints.push({ name: e.name, start: e.startTime }));
	observe('largest-contentful-paint', (e) =>
		record.lcp.push({ start: e.startTime, size: e.size, element: describe(e.element), url: e.url }),
	);
	// A source's node is null when it is inside a shadow root, so its rectangles are kept to tell what moved.
	const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
	observe('layout-shift', (e) =>
		record.shifts.push({
			start: e.startTime,
			value: e.value,
			hadRecentInput: e.hadRecentInput,
			sources: (e.sources ?? []).map(
				(s: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }) =>
					`${describe(s.node) || '(node not exposed)'} ${rect(s.previousRect)} → ${rect(s.currentRect)}`,
			),
		}),
	);
	observe('longtask', (e) => record.longTasks.push({ start: e.startTime, duration: e.duration }));
	observe(
		'event',
		(e) =>
			record.events.push({
				name: e.name,
				start: e.startTime,
				duration: e.duration,
				processingStart: e.processingStart,
				processingEnd: e.processingEnd,
				interactionId: e.interactionId,
			}),
		{ durationThreshold: 16 },
	);
	observe('long-animation-frame', (e) =>
		record.frames.push({
			start: e.startTime,
			duration: e.duration,
			blocking: e.blockingDuration,
			scripts: (e.scripts ?? []).map((s: any) => ({
				url: s.sourceURL,
				invoker: s.invoker,
				duration: s.duration,
				forcedLayout: s.forcedStyleAndLayoutDuration,
			})),
		}),
	);
}

/**
Before the click: notes when `opened` first matches (a MutationObserver, so the time is that of the
DOM change) and, one frame later, when that frame has been painted (rAF, then a message task that
runs after the frame's rendering). Also notes the click's own timestamps, in case the Event Timing
entry is missing (it is only reported for events of 16 ms or more).
*/
export function watchOpen(opened: Target) {
	const record = (window as unknown as { __bench: PageRecord }).__bench;
	const rootOf = () => (opened.host ? document.querySelector(opened.host)?.shadowRoot : document);
	const onOpen = () => {
		record.openAt = performance.now();
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => {
				record.paintedAt = performance.now();
			};
			channel.port2.postMessage(0);
		});
	};
	const observer = new MutationObserver(() => {
		if (record.openAt === undefined && rootOf()?.querySelector(opened.selector)) {
			observer.disconnect();
			onOpen();
		}
	});
	const options = { subtree: true, childList: true, attributes: true, attributeFilter: ['open', 'hidden', 'class'] };
	observer.observe(document, options);
	const shadow = opened.host ? document.querySelector(opened.host)?.shadowRoot : undefined;
	if (shadow) observer.observe(shadow, options);
	addEventListener('click', (event) => void (record.click ??= { timeStamp: event.timeStamp, captureAt: performance.now() }), {
		capture: true,
		once: true,
	});
	addEventListener('click', () => record.click && (record.click.bubbleAt ??= performance.now()), { once: true });
}

/** Node counts: the document tree, and inside shadow roots (each root counted as a node too). */
export function countNodes() {
	let light = 0;
	let shadow = 0;
	const walk = (root: Node, inShadow: boolean) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
		for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
			inShadow ? shadow++ : light++;
			const inner = (node as Element).shadowRoot;
			if (inner) walk(inner, true);
		}
	};
	walk(document, false);
	return { light, shadow };
}

/** The centre of `target` in viewport pixels, or null while it is absent or not rendered. */
export function locate(target: Target): { x: number; y: number } | null {
	const root = target.host ? document.querySelector(target.host)?.shadowRoot : document;
	const rect = root?.querySelector(target.selector)?.getBoundingClientRect();
	return rect && rect.width > 0 ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
}

export function isPainted(): boolean {
	return (window as unknown as { __bench: PageRecord }).__bench.paintedAt !== undefined;
}

export function readRecord(): PageRecord {
	return JSON.parse(JSON.stringify((window as unknown as { __bench: PageRecord }).__bench));
}
