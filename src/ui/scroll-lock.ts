/** Keys whose default action scrolls: Space, Page Up/Down, Home/End and the arrows. */
const SCROLL_KEYS = new Set([' ', 'PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** The nearest element from `target` up to `layer` that can still scroll by `delta` on that axis. */
function canScroll(path: EventTarget[], layer: Element, deltaX: number, deltaY: number): boolean {
	for (const node of path) {
		if (node === layer || !(node instanceof Element)) break;
		const { overflowX, overflowY } = getComputedStyle(node);
		const scrollsY = /auto|scroll/.test(overflowY) && node.scrollHeight > node.clientHeight;
		const scrollsX = /auto|scroll/.test(overflowX) && node.scrollWidth > node.clientWidth;
		if (scrollsY && deltaY < 0 && node.scrollTop > 0) return true;
		if (scrollsY && deltaY > 0 && node.scrollTop + node.clientHeight < node.scrollHeight - 1) return true;
		if (scrollsX && deltaX !== 0 && (deltaX < 0 ? node.scrollLeft > 0 : node.scrollLeft + node.clientWidth < node.scrollWidth - 1))
			return true;
	}
	return false;
}

const editable = (target: EventTarget | undefined) =>
	target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
Stops the page behind the open panel from scrolling, without touching the page: no `overflow` on
`<html>` (setting it restyles and re-lays out the whole document, about 100 ms on a large page at
4× CPU). The layer covers the viewport and takes the pointer, so wheel and touch gestures over it
reach these handlers, and focus stays inside it, so do scrolling keys. A gesture or key that would
scroll something inside the panel (its body, a text field) keeps its default; one that would reach
the page is cancelled. The layer's CSS adds `touch-action: none` and `overscroll-behavior: contain`.
Returns the function that removes the handlers.
*/
export function blockPageScroll(layer: HTMLElement): () => void {
	const onWheel = (event: WheelEvent) => {
		if (!event.ctrlKey && !canScroll(event.composedPath(), layer, event.deltaX, event.deltaY)) event.preventDefault();
	};
	let lastTouch: { x: number; y: number } | undefined;
	const onTouchStart = (event: TouchEvent) => {
		const touch = event.touches[0];
		lastTouch = touch && { x: touch.clientX, y: touch.clientY };
	};
	const onTouchMove = (event: TouchEvent) => {
		const touch = event.touches[0];
		if (!touch || !lastTouch || event.touches.length > 1) return;
		const deltaX = lastTouch.x - touch.clientX;
		const deltaY = lastTouch.y - touch.clientY;
		lastTouch = { x: touch.clientX, y: touch.clientY };
		if (event.cancelable && !canScroll(event.composedPath(), layer, deltaX, deltaY)) event.preventDefault();
	};
	const onKeyDown = (event: KeyboardEvent) => {
		if (!SCROLL_KEYS.has(event.key) || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
		const target = event.composedPath()[0];
		if (editable(target)) return;
		// Space and arrows on a control are the control's own (press a button, move in a radio group).
		if (target instanceof HTMLElement && /^(BUTTON|A|SUMMARY)$/.test(target.tagName) && (event.key === ' ' || event.key === 'Enter'))
			return;
		const horizontal = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
		const up = ['ArrowUp', 'PageUp', 'Home'].includes(event.key) || (event.key === ' ' && event.shiftKey);
		const deltaY = horizontal ? 0 : up ? -1 : 1;
		const deltaX = horizontal ? (event.key === 'ArrowLeft' ? -1 : 1) : 0;
		if (!canScroll(event.composedPath(), layer, deltaX, deltaY)) event.preventDefault();
	};
	const active = { passive: false } as const;
	layer.addEventListener('wheel', onWheel, active);
	layer.addEventListener('touchstart', onTouchStart, { passive: true });
	layer.addEventListener('touchmove', onTouchMove, active);
	layer.addEventListener('keydown', onKeyDown);
	return () => {
		layer.removeEventListener('wheel', onWheel);
		layer.removeEventListener('touchstart', onTouchStart);
		layer.removeEventListener('touchmove', onTouchMove);
		layer.removeEventListener('keydown', onKeyDown);
	};
}
