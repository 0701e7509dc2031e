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
The browser's own modal dialog lets Tab leave for the address bar; this does not.
*/
export function trapTab(event: KeyboardEvent, container: HTMLElement) {
	if (event.key !== 'Tab') return;
	const items = focusableIn(container);
	if (!items.length) return;
	const root = container.getRootNode() as ShadowRoot | Document;
	const active = root.activeElement;
	const first = items[0];
	const last = items[items.length - 1];
	if (event.shiftKey && (active === first || !container.contains(active))) {
		event.preventDefault();
		last.focus();
	} else if (!event.shiftKey && (active === last || !container.contains(active))) {
		event.preventDefault();
		first.focus();
	}
}
