// Entry of the lazily loaded panel chunk (dist/rewards-panel.js and the npm build's panel chunk).
import { computed, effect, signal } from '@preact/signals';
import { render } from 'preact';
import type { PageName } from '../config/options';
import { createStore } from '../state/store';
import dialogCss from './dialog.css?inline';
import { createI18n } from './i18n';
import { adoptLauncherModules } from './launcher-shared';
import paletteCss from './palette.css?inline';
import { PanelApp } from './PanelApp';
import type { MountPanel } from './panel-host';
import partsCss from './parts/parts.css?inline';
import layerCss from './layer.css?inline';
import { bindStorefront } from './storefront';
import { points, type View } from './view';

export type { MountPanel, PanelController, PanelHost } from './panel-host';

/** Runs `task` in a task of its own, so that input waiting since this one is handled first. */
function nextTask(task: () => void): () => void {
	const timer = setTimeout(task);
	return () => clearTimeout(timer);
}

export const mountPanel: MountPanel = (host) => {
	adoptLauncherModules(host.shared);
	const config = signal(host.config);
	host.setStyles('palette', paletteCss);
	host.setStyles('panel', dialogCss + partsCss + layerCss);
	const container = document.createElement('div');
	host.root.append(container);
	let cancelRender: (() => void) | undefined;

	const open = signal(false);
	const page = signal<PageName>('home');
	const announcement = signal('');
	const i18n = createI18n(host.locale, config.value.text, host.report);
	const store = createStore({ config: () => config.value, locale: () => i18n.locale.value, emit: host.emit, report: host.report });
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
		host.launcher?.removeAttribute('inert');
		host.onOpenChange(false, page.value);
		(returnFocusTo?.isConnected ? returnFocusTo : host.launcher)?.focus();
	};

	const show = (next: PageName = 'home') => {
		page.value = next;
		if (open.value) return;
		// Focus returns where it was: the launcher, or the page's own "Rewards" link.
		const active = document.activeElement;
		returnFocusTo = active instanceof HTMLElement && active !== document.body && !active.shadowRoot ? active : host.launcher;
		// The panel is already rendered (on intent): this reveals it and moves focus (Dialog.tsx).
		open.value = true;
		// Behind the open panel the launcher is out of reach of keyboard and screen reader, as the
		// rest of the page is (page-hiding.ts): this is not a showModal() dialog that would do it.
		host.launcher?.toggleAttribute('inert', true);
		host.onOpenChange(true, next);
		// Analytics wait until the panel is on screen: the click's frame is for painting it.
		requestAnimationFrame(() => setTimeout(() => store.track('launcher_open')));
	};

	// The program's brand colour (set in the merchant console) is the default primary colour:
	// init()'s theme.primary and the page's own CSS on the host still win over it. Only a #rrggbb
	// value reaches the style sheet, whatever the network sent.
	const stopBrand = effect(() => {
		const brand = store.program.value.data?.brand?.primaryColor;
		const useBrand = !config.value.theme.primary && brand && /^#[\da-f]{6}$/i.test(brand);
		host.setStyles('brand', useBrand ? `:host{--rewards-primary:${brand}}` : '');
		host.repickOnPrimary();
	});

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
	// both wait for the catalogue (at once for English), unless destroy() came first. The data is
	// asked for at once; rendering the (hidden) panel waits for a task of its own, so that
	// evaluating this chunk, setting up and rendering each stay well under a long task.
	void i18n.ready.then(() => {
		if (!container.parentNode) return;
		void store.refresh();
		cancelRender = nextTask(() => {
			cancelRender = undefined;
			render(<PanelApp open={open} page={page} view={view} announcement={announcement} onClose={close} />, container);
		});
	});
	// A visitor who came through a friend's link is welcomed with the gift at once.
	if (view.value.referral) show();

	return {
		open: show,
		close,
		isOpen: () => open.value,
		update(next, locale) {
			config.value = next;
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
			stopBrand();
			stopStorefront();
			cancelRender?.();
			render(null, container);
			container.remove();
		},
	};
};
