import { HOST_REATTACHED } from '../ui/panel-host';

export const HOST_TAG = 'rewards-widget';

export interface Mount {
	host: HTMLElement;
	root: ShadowRoot;
	unmount(): void;
}

/**
Creates the one host element and its open shadow root at the end of `<body>`. SPAs that replace
the body's content (or the body itself) take the host with them, so an observer puts it back.
*/
export function mountHost(): Mount {
	const host = document.createElement(HOST_TAG);
	const root = host.attachShadow({ mode: 'open' });
	const attach = () => (document.body ?? document.documentElement).append(host);
	attach();

	// The host is a child of <body>: watching <html> and <body> children (not the whole subtree)
	// catches every way an SPA can drop it, without running on each of the page's own mutations.
	const observer = new MutationObserver(() => {
		if (!host.isConnected) {
			attach();
			root.dispatchEvent(new Event(HOST_REATTACHED));
		}
		observe();
	});
	const observe = () => {
		observer.observe(document.documentElement, { childList: true });
		if (document.body) observer.observe(document.body, { childList: true });
	};
	observe();

	return {
		host,
		root,
		unmount() {
			observer.disconnect();
			host.remove();
		},
	};
}
