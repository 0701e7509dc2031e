import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { trapTab } from './focus';

interface DialogProps {
	open: boolean;
	labelledBy: string;
	onClose: () => void;
	children: ComponentChildren;
}

/**
The panel's modal dialog: the browser's `<dialog>` opened with `showModal()`, so it sits in the top
layer above any z-index on the page and makes the page inert. Escape closes, Tab wraps.
*/
export function Dialog({ open, labelledBy, onClose, children }: DialogProps) {
	const ref = useRef<HTMLDialogElement>(null);
	useEffect(() => {
		const dialog = ref.current;
		if (!dialog) return;
		if (open && !dialog.open) dialog.showModal();
		if (!open && dialog.open) dialog.close();
	}, [open]);
	return (
		<dialog
			ref={ref}
			class="panel"
			aria-labelledby={labelledBy}
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
