import { effect, type ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { trapTab } from './focus';
import { hidePageFromAssistiveTech } from './page-hiding';
import { HOST_REATTACHED } from './panel-host';
import { blockPageScrollKeys } from './scroll-lock';

interface DialogProps {
	/** Read in an effect, not in render: opening toggles a class and moves focus, nothing re-renders. */
	open: ReadonlySignal<boolean>;
	labelledBy: string;
	/** The panel's language, which may differ from the page's (screen readers pick their voice by it). */
	lang: string;
	onClose: () => void;
	children: ComponentChildren;
}

/** Runs `then` after the next frame has been painted (a task queued from a frame callback). */
function afterPaint(then: () => void): () => void {
	let cancelled = false;
	const frame = requestAnimationFrame(() => setTimeout(() => cancelled || then()));
	return () => {
		cancelled = true;
		cancelAnimationFrame(frame);
	};
}

/**
The panel's modal dialog, built so that opening it never restyles or re-lays out the host page.

`showModal()` makes every other element of the page inert, and the browser restyles the whole
document for that inside the click's task: the cost grows with the page (381 ms on a page of
26,000 elements at 4× CPU). Instead, a viewport-sized `popover="manual"` layer sits in the top
layer (above any z-index) from the moment the panel is pre-rendered, invisible and letting the
pointer through. Opening only flips a class on it and focuses the title; the layer then acts as the
backdrop, takes the pointer, keeps Tab inside, and ends every scroll chain before the page (its
CSS for wheel and touch, a key handler for scrolling keys). After the first paint the rest of the page is hidden from assistive
technology with `aria-hidden` (see page-hiding.ts); `aria-modal` alone leaves it reachable.
*/
export function Dialog({ open, labelledBy, lang, onClose, children }: DialogProps) {
	const layerRef = useRef<HTMLDivElement>(null);
	const panelRef = useRef<HTMLDivElement>(null);

	useLayoutEffect(() => {
		const layer = layerRef.current!;
		const panel = panelRef.current!;
		const root = layer.getRootNode() as ShadowRoot;
		// Without popover support (Safari < 17, Firefox < 125) the layer is a fixed box under the
		// host's z-index, as the launcher is.
		const popover = typeof layer.showPopover === 'function';
		const shown = () => popover && layer.matches(':popover-open');
		const show = () => {
			// A removed popover leaves the top layer; a detached one cannot be shown.
			if (popover && layer.isConnected && !shown()) layer.showPopover();
		};
		show();
		const unblockScrollKeys = blockPageScrollKeys(layer);
		let restorePage: (() => void) | undefined;
		let cancelHiding: (() => void) | undefined;
		const focusTitle = () => root.getElementById(labelledBy)?.focus();

		const stopOpenEffect = effect(() => {
			const isOpen = open.value;
			if (isOpen === layer.classList.contains('is-open')) return;
			layer.classList.toggle('is-open', isOpen);
			if (isOpen) {
				show();
				// Focus starts on the title, so a screen reader reads the dialog from the top and Tab
				// then reaches the first control (APG: content-heavy dialogs focus a static element).
				focusTitle();
				// The widget's outermost element stays exposed: the shadow host, or the layer itself when the
				// panel is rendered straight into a document (component tests), where `root.host` is undefined.
				cancelHiding = afterPaint(() => (restorePage = hidePageFromAssistiveTech(root.host || layer)));
			} else {
				cancelHiding?.();
				restorePage?.();
				restorePage = cancelHiding = undefined;
			}
		});

		// An SPA took the host out of the document and the embed put it back: the browser dropped
		// the popover from the top layer and focus went with the old nodes.
		const reattached = () => {
			show();
			if (open.peek()) focusTitle();
		};
		root.addEventListener(HOST_REATTACHED, reattached);
		const onKeyDown = (event: KeyboardEvent) => {
			if (!open.peek()) return;
			if (event.key === 'Escape') {
				event.preventDefault();
				onClose();
			} else trapTab(event, panel);
		};
		layer.addEventListener('keydown', onKeyDown);
		return () => {
			stopOpenEffect();
			cancelHiding?.();
			restorePage?.();
			unblockScrollKeys();
			root.removeEventListener(HOST_REATTACHED, reattached);
			layer.removeEventListener('keydown', onKeyDown);
			if (shown()) layer.hidePopover();
		};
	}, []);

	return (
		<div
			ref={layerRef}
			class="panel-layer"
			popover="manual"
			onMouseDown={(event) => {
				// A press on the backdrop leaves focus in the panel, as on the inert page behind a modal <dialog>.
				if (event.target === event.currentTarget) event.preventDefault();
			}}
		>
			<div ref={panelRef} class="panel" role="dialog" aria-modal="true" aria-labelledby={labelledBy} lang={lang}>
				{children}
			</div>
		</div>
	);
}
