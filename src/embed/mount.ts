import { HOST_REATTACHED } from '../ui/panel-host';

export const HOST_TAG = 'rewards-widget';

export interface Mount {
	host: HTMLElement;
	root: ShadowRoot;
	unmount(): void;
}

/**
True when the host's parent traps `position: fixed`: a transform, filter, will-change, contain…
on `<body>` makes it the containing block of fixed descendants, and the launcher would sit at
the bottom of a tall page, off screen. Measured with a probe rather than listed, so every such
property counts: a fixed box with `inset: 0` must cover exactly the viewport.
*/
function trapsFixed(root: ShadowRoot): boolean {
	const probe = document.createElement('i');
	probe.style.cssText = 'position:fixed;inset:0;visibility:hidden;pointer-events:none';
	root.append(probe);
	const rect = probe.getBoundingClientRect();
	probe.remove();
	// The scrolling element's client box is the viewport without scrollbars, in quirks mode too.
	const view = document.scrollingElement ?? document.documentElement;
	return Math.abs(rect.left) > 1 || Math.abs(rect.top) > 1 || Math.abs(rect.width - view.clientWidth) > 1 || Math.abs(rect.height - view.clientHeight) > 1;
}

/**
Creates the one host element and its open shadow root at the end of `<body>`, or after it as the
last child of `<html>` when the body traps fixed positioning. SPAs that replace the body's
content (or the body itself) take the host with them, so an observer puts it back.
*/
export function mountHost(): Mount {
	const host = document.createElement(HOST_TAG);
	const root = host.attachShadow({ mode: 'open' });
	const place = () => {
		const wasConnected = host.isConnected;
		const body = document.body;
		if (!wasConnected) (body ?? document.documentElement).append(host);
		const moved = host.parentNode === body && body !== null && trapsFixed(root);
		if (moved) document.documentElement.append(host);
		// Leaving the document drops an open modal dialog from the top layer; tell the panel.
		if (!wasConnected || moved) root.dispatchEvent(new Event(HOST_REATTACHED));
	};
	place();

	// The host is a child of <body> or <html>: watching their children (not the whole subtree)
	// catches every way an SPA can drop it, without running on each of the page's own mutations.
	const observer = new MutationObserver(() => {
		if (!host.isConnected) place();
		observe();
	});
	const observe = () => {
		observer.observe(document.documentElement, { childList: true });
		if (document.body) observer.observe(document.body, { childList: true });
	};
	observe();
	// The theme's stylesheets may still be loading when this async script runs: check again.
	const onLoad = () => host.isConnected && place();
	if (document.readyState !== 'complete') window.addEventListener('load', onLoad, { once: true });

	return {
		host,
		root,
		unmount() {
			window.removeEventListener('load', onLoad);
			observer.disconnect();
			host.remove();
		},
	};
}
