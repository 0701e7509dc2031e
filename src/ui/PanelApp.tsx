import type { ReadonlySignal } from '@preact/signals';
import type { PageName } from '../config/options';
import { Dialog } from './Dialog';
import { safeUrl } from '../config/safe-url';
import { CloseIcon, Icon } from './icons';
import { PAGE_COMPONENTS, PAGE_LABELS, PAGE_ORDER } from './pages';
import type { Resource } from '../state/resource';
import { Async } from './parts/Async';
import { points, type View } from './view';

export interface PanelAppProps {
	open: ReadonlySignal<boolean>;
	page: ReadonlySignal<PageName>;
	view: ReadonlySignal<View>;
	/** The live region's text: balance changes and confirmations, for screen readers. */
	announcement: ReadonlySignal<string>;
	onClose: () => void;
}

const TITLE_ID = 'rewards-panel-title';

export function PanelApp({ open, page, view, announcement, onClose }: PanelAppProps) {
	const current = view.value;
	const { t, store } = current;
	const Page = PAGE_COMPONENTS[page.value];
	const program = store.program.value.data;
	const customer = store.customer.value.data;
	const logo = safeUrl(program?.brand?.logoUrl);
	const needed: Resource<unknown>[] = [store.program.value];
	if (store.token.value) needed.push(store.customer.value);
	return (
		<Dialog open={open} labelledBy={TITLE_ID} lang={current.locale} onClose={onClose}>
			<header class="panel-header">
				<div class="header-text">
					{logo ? <img class="store-logo" src={logo} alt={program!.name} /> : program && <p class="store-name">{program.name}</p>}
					<h2 class="panel-title" id={TITLE_ID} tabIndex={-1}>
						{t('panelTitle')}
					</h2>
					{customer && (
						<p class="header-balance">
							<span>
								<b>{points(current, customer.balance)}</b>
							</span>
							<span class="tier-chip">
								<Icon name="star" />
								{customer.tier.name}
							</span>
						</p>
					)}
				</div>
				<button type="button" class="icon-button" aria-label={t('closePanel')} onClick={onClose}>
					<CloseIcon />
				</button>
			</header>
			<nav class="panel-nav" aria-label={t('navLabel')}>
				{PAGE_ORDER.map((name) => (
					<button type="button" key={name} aria-current={page.value === name ? 'page' : undefined} onClick={() => current.navigate(name)}>
						{t(PAGE_LABELS[name])}
					</button>
				))}
			</nav>
			<div class="panel-body">
				<div role="status">{store.offline.value && <p class="card">{t('offline')}</p>}</div>
				{/* Rendered while hidden too: the panel is pre-rendered on intent and the click only reveals it. */}
				<Async view={current} resources={needed} retry={store.refresh}>
					{() => <Page view={current} />}
				</Async>
			</div>
			<p class="visually-hidden" role="status">
				{announcement.value}
			</p>
		</Dialog>
	);
}
