/**
Hides everything of the page but the widget from assistive technology while the panel is open, and
returns the function that puts every `aria-hidden` back exactly as it was.

`aria-modal="true"` on a dialog that is not opened with `showModal()` does not do it: Chromium
still exposed about 2,000 nodes of the bench page (214 links) to a screen reader. `inert` would,
but setting it restyles the whole page. `aria-hidden` on the siblings of the widget's host and of
its ancestors (the host is a child of <body>, or of <html>) touches a few top-level elements, and
is set after the panel's first paint so the click never waits for it.

A page that changes while the panel is open (an SPA re-rendering, a chat bubble appended to
<body>, the body itself replaced) is followed by a MutationObserver on those elements' child lists
only: new top-level elements are hidden too, and restore() leaves alone what the page removed or
what it set itself since.
*/
export function hidePageFromAssistiveTech(host: Element): () => void {
	/** What we changed: element → its own aria-hidden before (null: none). */
	const changed = new Map<Element, string | null>();
	const SKIP = /^(HEAD|SCRIPT|STYLE|LINK|META|TEMPLATE|NOSCRIPT)$/;

	const hide = (element: Element) => {
		if (changed.has(element) || SKIP.test(element.tagName) || element.contains(host)) return;
		const previous = element.getAttribute('aria-hidden');
		if (previous === 'true') return;
		changed.set(element, previous);
		element.setAttribute('aria-hidden', 'true');
	};
	const watched = () => {
		const parents: Element[] = [];
		for (let node = host.parentElement; node; node = node.parentElement) parents.push(node);
		return parents;
	};
	const observer = new MutationObserver(() => {
		// The host may have moved (an SPA swapped <body> and the embed put it back): follow it.
		observer.disconnect();
		apply();
	});
	const apply = () => {
		for (const parent of watched()) {
			for (const child of parent.children) if (child !== host) hide(child);
			observer.observe(parent, { childList: true });
		}
	};
	apply();

	return () => {
		observer.disconnect();
		for (const [element, previous] of changed) {
			// Only undo our own value: the page may have set its own since.
			if (element.getAttribute('aria-hidden') !== 'true') continue;
			if (previous === null) element.removeAttribute('aria-hidden');
			else element.setAttribute('aria-hidden', previous);
		}
		changed.clear();
	};
}
