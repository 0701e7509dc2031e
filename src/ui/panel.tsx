// Entry of the lazily loaded panel chunk (dist/rewards-panel.js and the npm build's panel chunk).
import { computed, effect, signal } from '@preact/signals';
import { render } from 'preact';
import type { PageName } from '../config/options';
import { createStore } from '../state/store';
import dialogCss from './dialog.css?inline';
import { createI18n } from './i18n';
import paletteCss from './palette.css?inline';
import { PanelApp } from './PanelApp';
import type { MountPanel } from './panel-host';
import partsCss from './parts/parts.css?inline';
import { lockPageScroll } from './scroll-lock';
import { bindStorefront } from './storefront';
import { points, type View } from './view';

/** A later init({ colorScheme }) applies at once (the launcher reads the option only at mount and on system changes). */
function applyColorScheme(element: HTMLElement, scheme: string) {
	element.dataset.scheme = scheme == 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : scheme;
}

export type { MountPanel, PanelController, PanelHost } from './panel-host';

export const mountPanel: MountPanel = (host) => {
	const config = signal(host.config);
	host.setStyles('palette', paletteCss);
	host.setStyles('panel', dialogCss + partsCss);
	applyColorScheme(host.root.host as HTMLElement, host.config.colorScheme);
	const container = document.createElement('div');
	host.root.append(container);

	const open = signal(false);
	const page = signal<PageName>('home');
	const announcement = signal('');
	const i18n = createI18n(host.locale, config.value.text, host.report);
	const store = createStore({ config: () => config.value, locale: () => i18n.locale.value, emit: host.emit, report: host.report });
	let unlockScroll: (() => void) | undefined;
	let returnFocusTo: HTMLElement | null = null;

	const view = computed<View>(() => ({
		t: i18n.t.value,
		locale: i18n.locale.value,
		store,
		config,
		referral: new URLSearchParams(location.search).get(config.value.referralParam),
		navigate: (next) => (page.value = next),
		// A trailing no-break space toggles so that saying the same thing twice is still heard.
		announce: (message) => (announcement.value = announcement.value == message ? `${message}\u00a0` : message),
		report: host.report,
	}));

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
		store.track('launcher_open');
	};

	const balance = computed(() => store.customer.value.data?.balance);
	let previousBalance: number | undefined;
	const stopBalance = effect(() => {
		const current = balance.value;
		// Read as a dependency: the badge is formatted again once the shopper's language is in.
		const locale = i18n.locale.value;
		const v = view.peek();
		host.setBadge(current == undefined ? null : new Intl.NumberFormat(locale).format(current));
		if (current == undefined || current == previousBalance) return;
		if (previousBalance != undefined) v.announce(v.t('balanceNow', { points: points(v, current) }));
		previousBalance = current;
		host.emit('balance', { balance: current });
	});

	const stopStorefront = bindStorefront(
		computed(() => {
			const v = view.value;
			const program = store.program.value.data;
			const order = program?.earnRules.find((rule) => rule.kind == 'order');
			return {
				balance: balance.value == undefined ? undefined : new Intl.NumberFormat(v.locale).format(balance.value),
				// Orders earn per whole unit of the subtotal, as the server counts them.
				earnFor:
					order &&
					((amount: number) => (amount >= 0 ? v.t('earnFor', { points: points(v, Math.floor(amount) * order.points) }) : undefined)),
			};
		}),
	);

	// The first paint and the program's titles (Accept-Language) come in the shopper's language:
	// both wait for the catalogue (at once for English), unless destroy() came first.
	void i18n.ready.then(() => {
		if (!container.parentNode) return;
		render(<PanelApp open={open} page={page} view={view} announcement={announcement} onClose={close} />, container);
		void store.refresh();
	});
	// A visitor who came through a friend's link is welcomed with the gift at once.
	if (view.value.referral) show();

	return {
		open: show,
		close,
		isOpen: () => open.value,
		update(next, locale) {
			config.value = next;
			applyColorScheme(host.root.host as HTMLElement, next.colorScheme);
			store.identify(next.customerToken);
			// The program's titles come in the panel's language: read it again once that is set.
			void i18n.setLocale(locale, next.text).then(store.refresh);
		},
		identify: (token) => void store.identify(token),
		refresh: () => store.refresh(),
		destroy() {
			close();
			store.stop();
			stopBalance();
			stopStorefront();
			render(null, container);
			container.remove();
		},
	};
};
