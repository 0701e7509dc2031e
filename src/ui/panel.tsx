// Entry of the lazily loaded panel chunk (dist/rewards-panel.js and the npm build's panel chunk).
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { PageName } from '../config/options';
import dialogCss from './dialog.css?inline';
import paletteCss from './palette.css?inline';
import { createI18n } from './i18n';
import { PanelApp } from './PanelApp';
import type { MountPanel } from './panel-host';
import { lockPageScroll } from './scroll-lock';

export type { MountPanel, PanelController, PanelHost } from './panel-host';

export const mountPanel: MountPanel = (host) => {
	let config = host.config;
	host.setStyles('palette', paletteCss);
	host.setStyles('panel', dialogCss);
	const container = document.createElement('div');
	host.root.append(container);

	const open = signal(false);
	const page = signal<PageName>('home');
	const i18n = createI18n(host.locale, config.text, host.report);
	let unlockScroll: (() => void) | undefined;
	let returnFocusTo: HTMLElement | null = null;

	const close = () => {
		if (!open.value) return;
		open.value = false;
		unlockScroll?.();
		unlockScroll = undefined;
		host.onOpenChange(false, page.value);
		(returnFocusTo?.isConnected ? returnFocusTo : host.launcher)?.focus();
	};

	const show = (next: PageName = 'home') => {
		page.value = next;
		if (open.value) return;
		// Focus returns where it was: the launcher, or the page's own "Rewards" link.
		const active = document.activeElement;
		returnFocusTo = active instanceof HTMLElement && active !== document.body && !active.shadowRoot ? active : host.launcher;
		open.value = true;
		unlockScroll = lockPageScroll();
		host.onOpenChange(true, next);
	};

	const renderApp = () => render(<PanelApp open={open} page={page} t={i18n.t} onNavigate={(next) => (page.value = next)} onClose={close} />, container);
	renderApp();

	return {
		open: show,
		close,
		isOpen: () => open.value,
		update(next, locale) {
			config = next;
			void i18n.setLocale(locale, config.text);
		},
		identify() {},
		refresh: async () => {},
		destroy() {
			close();
			render(null, container);
			container.remove();
		},
	};
};
