import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { PageName } from '../config/options';
import type { Translate } from '../i18n/translate';
import { Dialog } from './Dialog';
import { CloseIcon } from './icons';
import { PAGE_COMPONENTS, PAGE_LABELS, PAGE_ORDER } from './pages';

export interface PanelAppProps {
	open: ReadonlySignal<boolean>;
	page: ReadonlySignal<PageName>;
	t: ReadonlySignal<Translate>;
	onNavigate: (page: PageName) => void;
	onClose: () => void;
}

const TITLE_ID = 'rewards-panel-title';

export function PanelApp({ open, page, t, onNavigate, onClose }: PanelAppProps) {
	const translate = t.value;
	const Page = PAGE_COMPONENTS[page.value];
	const title = useRef<HTMLHeadingElement>(null);
	useEffect(() => {
		// Focus starts on the title, so a screen reader reads the dialog from the top and Tab
		// then reaches the first control (APG: content-heavy dialogs focus a static element).
		if (open.value) title.current?.focus();
	}, [open.value]);
	return (
		<Dialog open={open.value} labelledBy={TITLE_ID} onClose={onClose}>
			<header class="panel-header">
				<h2 class="panel-title" id={TITLE_ID} ref={title} tabIndex={-1}>
					{translate('panelTitle')}
				</h2>
				<button type="button" class="icon-button" aria-label={translate('closePanel')} onClick={onClose}>
					<CloseIcon />
				</button>
			</header>
			<nav class="panel-nav" aria-label={translate('navLabel')}>
				{PAGE_ORDER.map((name) => (
					<button type="button" key={name} aria-current={page.value === name ? 'page' : undefined} onClick={() => onNavigate(name)}>
						{translate(PAGE_LABELS[name])}
					</button>
				))}
			</nav>
			<div class="panel-body">{open.value && <Page t={translate} navigate={onNavigate} />}</div>
		</Dialog>
	);
}
