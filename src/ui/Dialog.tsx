import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { trapTab } from './focus';
import { HOST_REATTACHED } from './panel-host';

interface DialogProps {
	open: boolean;
	labelledBy: string;
	/** The panel's language, which may differ from the page's (screen readers pick their voice by it). */
	lang: string;
	onClose: () => void;
	children: ComponentChildren;
}

/**
The panel's modal dialog: the browser's `<dialog>` opened with `showModal()`, so it sits in the top
layer above any z-index on the page and makes the page inert. Escape closes, Tab wraps.
*/
export function Dialog({ open, labelledBy, lang, onClose, children }: DialogProps) {
	const ref = useRef<HTMLDialogElement>(null);
	// A layout effect opens the dialog in the same task as the click, so it is in the very next
	// frame; a plain effect would wait for a frame to pass and then paint in a second task.
	useLayoutEffect(() => {
		const dialog = ref.current;
		if (!dialog) return;
		if (open && !dialog.open) dialog.showModal();
		if (!open && dialog.open) dialog.close();
	}, [open]);
	useEffect(() => {
		const dialog = ref.current;
		const root = dialog?.getRootNode();
		if (!dialog || !root) return;
		// An SPA swapped <body> while the panel was open and the host was put back: the browser
		// left the dialog open but non-modal (page not inert, focus lost, Escape unheard).
		const reshow = () => {
			if (!dialog.open || dialog.matches(':modal')) return;
			dialog.close();
			// showModal() remembers what has focus, and close() hands focus back to it. Focus was
			// lost with the old body, so first put it on the control that opened us (the launcher).
			(root as ParentNode).querySelector<HTMLElement>('[aria-haspopup="dialog"][aria-expanded="true"]')?.focus();
			dialog.showModal();
		};
		root.addEventListener(HOST_REATTACHED, reshow);
		return () => root.removeEventListener(HOST_REATTACHED, reshow);
	}, []);
	return (
		<dialog
			ref={ref}
			class="panel"
			aria-labelledby={labelledBy}
			lang={lang}
			aria-modal="true"
			onCancel={(event) => {
				event.preventDefault();
				onClose();
			}}
			onKeyDown={(event) => {
				if (event.key === 'Escape') {
					event.preventDefault();
					onClose();
				} else trapTab(event, event.currentTarget);
			}}
		>
			{children}
		</dialog>
	);
}
