import { listen, whenLoaded } from './listen';

/**
Starts loading and pre-rendering the panel on the first sign of intent: a pointer over the launcher,
a press on it (touch screens have no hover), or keyboard focus on it. By the click, the panel is
usually rendered and hidden, and the click only reveals it. Clicks load it too (through `open()`),
so nothing here is required. Returns a function that removes the listeners.
*/
export function preloadOnIntent(target: HTMLElement, load: () => void): () => void {
	const handler = () => {
		stop();
		load();
	};
	const stops = ['pointerenter', 'pointerdown', 'focus'].map((name) => listen(target, name, handler, { passive: true }));
	const stop = () => stops.forEach((remove) => remove());
	return stop;
}

/**
Runs `task` when the browser is idle after the page has loaded, so it never competes with the
page's own start-up. Returns a function that cancels it.
*/
export function whenIdle(task: () => void): () => void {
	let idleHandle: number | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const schedule = () => {
		if (typeof requestIdleCallback === 'function') idleHandle = requestIdleCallback(task, { timeout: 4000 });
		else timer = setTimeout(task, 1500);
	};
	const stopWaitingForLoad = whenLoaded(schedule);
	return () => {
		stopWaitingForLoad();
		if (idleHandle !== undefined) cancelIdleCallback(idleHandle);
		clearTimeout(timer);
	};
}
