/** Keys whose default action scrolls: Space, Page Up/Down, Home/End and the arrows. */
const SCROLL_KEYS = new Set([' ', 'PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

const UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

const editable = (target: EventTarget | undefined) =>
	target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
Stops scrolling keys from scrolling the page behind the open panel, without touching the page: no
`overflow` on `<html>` (setting it restyles and re-lays out the whole document, about 100 ms on a
large page at 4× CPU). Wheel and touch need no script: the layer is a scroller of its own with
`overscroll-behavior: contain` (layer.css), where their scroll chain ends. Chromium's keyboard
scrolling does not honour that, so a key keeps its default only where it scrolls the panel's own
scroller, its body (the panel has no horizontal scrolling, and a text field keeps its keys), and
is cancelled wherever it would reach the page. Focus stays inside the layer (focus.ts), so every
such key passes through here. Returns the function that removes the handler.
*/
export function blockPageScrollKeys(layer: HTMLElement): () => void {
	const onKeyDown = (event: KeyboardEvent) => {
		if (!SCROLL_KEYS.has(event.key) || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
		const path = event.composedPath();
		const target = path[0];
		if (editable(target)) return;
		// Space on a control is the control's own (press a button, open a disclosure).
		if (event.key === ' ' && target instanceof HTMLElement && /^(BUTTON|A|SUMMARY)$/.test(target.tagName)) return;
		const body = layer.querySelector('.panel-body');
		const up = UP_KEYS.has(event.key) || (event.key === ' ' && event.shiftKey);
		const bodyScrolls =
			body &&
			path.includes(body) &&
			!/Left|Right/.test(event.key) &&
			(up ? body.scrollTop > 0 : body.scrollTop + body.clientHeight < body.scrollHeight - 1);
		if (!bodyScrolls) event.preventDefault();
	};
	layer.addEventListener('keydown', onKeyDown);
	return () => layer.removeEventListener('keydown', onKeyDown);
}
