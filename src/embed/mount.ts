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
	// The scrolling element's client box is the viewport without scrollbars, in quirks mode too.
	// Read while the probe is still in, so both reads share one layout.
	const view = document.scrollingElement ?? document.documentElement;
	const [width, height] = [view.clientWidth, view.clientHeight];
	probe.remove();
	return Math.abs(rect.left) > 1 || Math.abs(rect.top) > 1 || Math.abs(rect.width - width) > 1 || Math.abs(rect.height - height) > 1;
}

/**
Creates the one host element and its open shadow root at the end of `<body>`, or after it as the
last child of `<html>` when the body traps fixed positioning. SPAs that replace the body's
content (or the body itself) take the host with them, so an observer puts it back.
*/
export function mountHost(): Mount {
	const host = document.createElement(HOST_TAG);
	const root = host.attachShadow({ mode: 'open' });
	// Leaving the document drops an open modal dialog from the top layer; tell the panel.
	const reattached = () => root.dispatchEvent(new Event(HOST_REATTACHED));
	let frame = 0;
	const escapeTrap = () => {
		frame = 0;
		if (host.parentNode === document.body && trapsFixed(root)) {
			document.documentElement.append(host);
			reattached();
		}
	};
	// Measuring forces a layout. In a frame callback it is the layout that frame needs anyway, and
	// it still comes before the launcher's first paint; in the script's own task it would lay out
	// a half-parsed page for nothing.
	const place = () => {
		if (!host.isConnected) {
			(document.body ?? document.documentElement).append(host);
			reattached();
		}
		frame ||= requestAnimationFrame(escapeTrap);
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
			cancelAnimationFrame(frame);
			window.removeEventListener('load', onLoad);
			observer.disconnect();
			host.remove();
		},
	};
}
