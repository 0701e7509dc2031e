const FOCUSABLE =
	'a[href],button:not([disabled]),input:not([disabled]):not([type="hidden"]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** Keyboard-reachable elements inside `container`, in tab order (ignores hidden ones). */
export function focusableIn(container: HTMLElement): HTMLElement[] {
	return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
		(el) => !el.closest('[hidden],[inert]') && el.getClientRects().length > 0,
	);
}

/**
Keeps Tab and Shift+Tab inside the dialog, wrapping at both ends (WAI-ARIA APG modal dialog).
Focus may sit on an element outside the tab order (the title, tabindex="-1"): Shift+Tab from there
goes to the last control when no control comes before it, and Tab to the first when none comes after.
*/
export function trapTab(event: KeyboardEvent, container: HTMLElement) {
	if (event.key !== 'Tab') return;
	const items = focusableIn(container);
	if (!items.length) return;
	const root = container.getRootNode() as ShadowRoot | Document;
	const active = root.activeElement;
	const inside = !!active && container.contains(active);
	const follows = (item: HTMLElement) => !!active && !!(active.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING);
	const first = items[0];
	const last = items[items.length - 1];
	if (event.shiftKey && (!inside || active === first || !items.some((item) => !follows(item) && item !== active))) {
		event.preventDefault();
		last.focus();
	} else if (!event.shiftKey && (!inside || active === last || !items.some(follows))) {
		event.preventDefault();
		first.focus();
	}
}
