import { HOST_REATTACHED } from '../ui/panel-host';
import { whenLoaded } from './listen';

export const HOST_TAG = 'rewards-widget';

export interface Mount {
	host: HTMLElement;
	root: ShadowRoot;
	unmount(): void;
}

/**
Finds out, once the browser has laid the page out, whether the host's parent traps `position:
fixed`: a transform, filter, will-change, contain… on `<body>` makes it the containing block of
fixed descendants, and the launcher would sit at the bottom of a tall page, off screen. Measured
with a probe rather than listed, so every such property counts: a fixed box with `inset: 0` must
cover exactly the viewport. An IntersectionObserver hands over the probe's box from the frame's own
layout; reading it at once would force a layout of the whole page, the biggest cost the launcher
had on a large storefront.
*/
function measureTrap(root: ShadowRoot, then: (trapped: boolean) => void): () => void {
	const probe = document.createElement('i');
	probe.style.cssText = 'position:fixed;inset:0;visibility:hidden;pointer-events:none';
	const observer = new IntersectionObserver(([{ boundingClientRect: rect }]) => {
		stop();
		// The scrolling element's client box is the viewport without scrollbars, in quirks mode too.
		// Just after the frame's layout, reading it lays nothing out again.
		const view = document.scrollingElement ?? document.documentElement;
		then(
			Math.abs(rect.left) > 1 ||
				Math.abs(rect.top) > 1 ||
				Math.abs(rect.width - view.clientWidth) > 1 ||
				Math.abs(rect.height - view.clientHeight) > 1,
		);
	});
	const stop = () => {
		observer.disconnect();
		probe.remove();
	};
	root.append(probe);
	observer.observe(probe);
	return stop;
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
	// Hidden until the first measurement says where it belongs: one frame later, never in the wrong place.
	host.dataset.placing = '';
	let stopMeasuring: (() => void) | undefined;
	const place = () => {
		if (!host.isConnected) {
			(document.body ?? document.documentElement).append(host);
			reattached();
		}
		stopMeasuring ||= measureTrap(root, (trapped) => {
			stopMeasuring = undefined;
			if (trapped && host.parentNode === document.body) {
				document.documentElement.append(host);
				reattached();
			}
			delete host.dataset.placing;
		});
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
	const stopWaitingForLoad = whenLoaded(() => host.isConnected && place());

	return {
		host,
		root,
		unmount() {
			stopMeasuring?.();
			stopWaitingForLoad();
			observer.disconnect();
			host.remove();
		},
	};
}
