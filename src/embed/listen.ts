/** Adds an event listener and returns the function that removes it. */
export function listen(target: EventTarget, type: string, listener: () => void, options?: AddEventListenerOptions): () => void {
	target.addEventListener(type, listener, options);
	return () => target.removeEventListener(type, listener);
}

/** Runs `callback` once the page has loaded (at once if it has) and returns the function that cancels the wait. */
export function whenLoaded(callback: () => void): () => void {
	if (document.readyState !== 'complete') return listen(window, 'load', callback, { once: true });
	callback();
	return () => {};
}
