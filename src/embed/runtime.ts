import type { ResolvedConfig } from '../config/defaults';
import type { IdentifyOptions, PageName, RewardsOptions } from '../config/options';
import { encodeSignedCustomer } from '../config/shopper';
import { LAUNCHER_ICONS } from '../config/launcher-icons';
import { safeUrl } from '../config/safe-url';
import { isSignedCustomerOption, validateOptions } from '../config/validate';
import { LAUNCHER_LABELS } from '../i18n/launcher-labels';
import { resolveLocale } from '../i18n/locale';
import { saveBadge, savedBadge } from '../state/saved';
import { savedKey } from '../state/saved-key';
import type { MountPanel, PanelController } from '../ui/panel-host';
import { trackColorScheme } from './color-scheme';
import { isPage, pageFromLocation, PAGES } from './deep-link';
import { createEventBus } from './events';
import { countImpression } from './impression';
import hostCss from './host.css?inline';
import { preloadOnIntent, whenIdle } from './intent';
import { createLauncher, type LauncherView } from './launcher';
import { listen, whenLoaded } from './listen';
import launcherCss from './launcher.css?inline';
import { mountHost, type Mount } from './mount';
import { createReporter, log } from './report';
import { createStyles, type Styles } from './styles';
import { onPrimaryCss, onPrimaryForOption, themeCss } from './theme';

export interface RuntimeOptions {
	/** Loads the panel chunk: a dynamic import, by URL for the script tag and by module for npm. */
	loadPanel: () => Promise<{ mountPanel: MountPanel }>;
	/** Options read from the script tag's data attributes; `init()` options override them. */
	baseOptions?: RewardsOptions;
}

interface Mounted {
	mount: Mount;
	styles: Styles;
	launcher: LauncherView;
	/** Picks the text colour on the brand colour in effect again, in the next frame. */
	repickOnPrimary: () => void;
	/** Sets `data-scheme` on the host again from the option and the system setting. */
	syncColorScheme: () => void;
	cleanups: Array<() => void>;
}

/** Page markers that mean the panel's data is wanted without a click, so it loads when idle. */
const DATA_ELEMENTS = '[data-rewards-balance],[data-rewards-earn-for]';

/**
The widget's life cycle behind `window.Rewards` and the npm entry: config, mount, launcher, and
the lazily loaded panel. Each public method is safe to call at any time and never throws.
*/
export function createRuntime({ loadPanel, baseOptions = {} }: RuntimeOptions) {
	let options: RewardsOptions = {};
	let config: ResolvedConfig | undefined;
	let locale = 'en';
	let mounted: Mounted | undefined;
	let panel: PanelController | undefined;
	let panelLoading: Promise<PanelController | undefined> | undefined;
	/** Stops waiting for <body>, while init() waits for it. */
	let stopWaitingForBody: (() => void) | undefined;
	// Bumped by destroy(), so that a panel chunk arriving afterwards is not mounted.
	let generation = 0;

	const report = createReporter(() => config?.onError);
	const bus = createEventBus(report);

	function ensurePanel(): Promise<PanelController | undefined> {
		if (panelLoading) return panelLoading;
		const loadingGeneration = generation;
		panelLoading = loadPanel()
			.then(({ mountPanel }) => {
				if (!mounted || !config || loadingGeneration !== generation) return undefined;
				const current = mounted;
				panel = mountPanel({
					root: current.mount.root,
					config,
					locale,
					launcher: config.hideLauncher ? null : current.launcher.button,
					setStyles: current.styles.set,
					repickOnPrimary: current.repickOnPrimary,
					emit: bus.emit,
					report,
					onOpenChange: (open, page) => {
						current.launcher.setExpanded(open);
						open ? bus.emit('open', { page }) : bus.emit('close', {});
					},
					setBadge: (text) => {
						current.launcher.setBalance(text);
						if (config) saveBadge(config.store, config.customerToken, locale, text);
					},
					shared: { safeUrl, savedKey, launcherIcons: LAUNCHER_ICONS },
				});
				return panel;
			})
			.catch((error: unknown) => {
				// Let a later click try again, e.g. after the network comes back. A CDN without CORS is
				// a setup mistake: one console error that names the fix, and no retry. Said here: the
				// panel's reporter, which errors on setup mistakes, never loaded.
				if ((error as { code?: string } | undefined)?.code == 'panel_chunk_cors') log.error((error as Error).message);
				else panelLoading = undefined;
				report(error);
				return undefined;
			});
		return panelLoading;
	}

	function applyConfig(current: Mounted, next: ResolvedConfig) {
		const { host } = current.mount;
		locale = resolveLocale(next.locale, document.documentElement.lang, navigator.languages);
		host.dataset.position = next.position;
		host.dataset.showOn = next.showOn;
		next.hideLauncher ? (host.dataset.hideLauncher = '') : delete host.dataset.hideLauncher;
		// A later init({ colorScheme }) applies at once, to the panel's palette too.
		current.syncColorScheme();
		current.styles.set('theme', themeCss(next));
		// The option's colour at once (no style read); the colour in effect (page CSS may set it on
		// the host) after the first paint.
		current.styles.set('on-primary', onPrimaryForOption(next.theme.primary));
		current.repickOnPrimary();
		current.launcher.setLabel(next.text[locale]?.launcherLabel ?? LAUNCHER_LABELS[locale] ?? LAUNCHER_LABELS.en);
		current.launcher.setIcon(next.launcherIcon);
	}

	function mount(next: ResolvedConfig) {
		const mountResult = mountHost();
		const styles = createStyles(mountResult.root, next.nonce);
		styles.set('host', hostCss);
		styles.set('launcher', launcherCss);
		const launcher = createLauncher(mountResult.root, () => void open());
		// Reading the colour in effect costs a style recalculation: never at start-up nor in a
		// click's task, but in a task after the next frame has been painted, when the page's styles
		// are clean and only the probe needs styling.
		let frame = 0;
		const repickOnPrimary = () => {
			frame ||= requestAnimationFrame(() =>
				setTimeout(() => {
					frame = 0;
					styles.set('on-primary', onPrimaryCss(mountResult.root));
				}),
			);
		};
		const scheme = trackColorScheme(mountResult.host, () => config?.colorScheme ?? 'auto');
		const cleanups = [() => cancelAnimationFrame(frame), scheme.stop];
		const current: Mounted = { mount: mountResult, styles, launcher, repickOnPrimary, syncColorScheme: scheme.sync, cleanups };
		mounted = current;
		applyConfig(current, next);
		// The balance this device showed on an earlier page, at once while the panel loads. Guests
		// have none: not even asking spares the page the first localStorage access.
		if (next.customerToken) launcher.setBalance(savedBadge(next.store, next.customerToken, locale) ?? null);
		current.cleanups.push(
			preloadOnIntent(launcher.button, () => void ensurePanel()),
			// Page CSS may set --rewards-primary on the host, and this async script can run while the
			// theme's stylesheet is still loading: pick the text colour on it again once the page's
			// stylesheets are in (the load event waits for them).
			whenLoaded(repickOnPrimary),
			listen(window, 'hashchange', () => {
				const page = pageFromLocation(location);
				if (page) void open(page);
			}),
		);

		const deepLink = pageFromLocation(location);
		if (deepLink) void open(deepLink);
		else
			current.cleanups.push(
				// With data to show (a friend's link, a signed-in shopper, the page's own rewards elements),
				// the panel loads at idle. The elements are looked for then too: on a long page, a query
				// that matches nothing walks every element, which start-up should not pay for.
				whenIdle(() => {
					if (
						new URLSearchParams(location.search).has(next.referralParam) ||
						config?.customerToken ||
						document.querySelector(DATA_ELEMENTS)
					)
						void ensurePanel();
				}),
			);
		current.cleanups.push(countImpression(next));
		// Announced after the current task, so listeners queued in the snippet (replayed after
		// init) and ones added right after the script tag still hear it.
		queueMicrotask(() => mounted === current && bus.emit('ready', {}));
	}

	async function open(page: PageName = 'home') {
		if (!mounted) return log.warn('open() was called before a successful init()');
		if (!isPage(page)) return log.warn(`open(): unknown page ${JSON.stringify(page)}; use one of ${PAGES.join(', ')}`);
		const current = mounted;
		// The page may have restyled the brand colour since (a theme switch, an SPA route's CSS).
		current.repickOnPrimary();
		current.launcher.setBusy(true);
		const controller = await ensurePanel();
		current.launcher.setBusy(false);
		controller?.open(page);
	}

	function init(next: RewardsOptions = {}) {
		if (typeof next !== 'object' || next === null) return log.error('init() takes an options object');
		const merged = { ...baseOptions, ...options, ...next };
		const result = validateOptions(merged);
		result.warnings.forEach((warning) => log.warn(warning));
		if (!result.config) {
			log.error(`the widget is off because of invalid options: ${result.errors.join('; ')}`);
			return;
		}
		forgetShopperUnless(result.config.customerToken);
		options = { ...options, ...next };
		config = result.config;
		if (mounted) {
			applyConfig(mounted, config);
			panel?.update(config, locale);
			return;
		}
		if (document.body) return mount(config);
		// A tag in <head> runs before <body> exists.
		stopWaitingForBody ||= listen(
			document,
			'DOMContentLoaded',
			() => {
				stopWaitingForBody = undefined;
				if (config && !mounted) mount(config);
			},
			{ once: true },
		);
	}

	/** A shared device keeps nothing of a shopper who left: their badge goes when the token changes. */
	function forgetShopperUnless(customerToken: string | undefined) {
		if (config && customerToken != config.customerToken) saveBadge(config.store, config.customerToken, locale, null);
	}

	/** Signs a shopper in (by a token or a signed customer) or out (neither). */
	function setToken({ customerToken, customer }: Pick<RewardsOptions, 'customerToken' | 'customer'>) {
		if (!config) return log.warn('identify()/logout() was called before a successful init()');
		options = { ...options, customerToken, customer };
		customerToken ||= encodeSignedCustomer(customer);
		forgetShopperUnless(customerToken);
		config = { ...config, customerToken };
		if (panel) panel.identify(customerToken);
		else if (customerToken) void ensurePanel();
	}

	function destroy() {
		generation++;
		stopWaitingForBody?.();
		stopWaitingForBody = undefined;
		panel?.destroy();
		panel = undefined;
		panelLoading = undefined;
		if (mounted) {
			mounted.cleanups.forEach((cleanup) => cleanup());
			mounted.mount.unmount();
		}
		mounted = undefined;
		bus.clear();
		options = {};
		config = undefined;
	}

	return {
		init,
		open: (page?: PageName) => void open(page),
		close: () => panel?.close(),
		toggle: (page?: PageName) => (panel?.isOpen() ? panel.close() : void open(page)),
		identify: (identity: IdentifyOptions) => {
			const { customerToken, customer } = (identity || {}) as RewardsOptions;
			if (!customerToken == !customer || (customerToken ? typeof customerToken != 'string' : !isSignedCustomerOption(customer)))
				return log.error('identify() takes { customerToken } or { customer: { id, email, issuedAt, digest } }');
			setToken({ customerToken, customer });
		},
		logout: () => setToken({}),
		refresh: () => panel?.refresh() ?? Promise.resolve(),
		destroy,
		on: bus.on,
		off: bus.off,
		/** Exposed for the public API wrapper: reports an error the way the runtime does. */
		report,
	};
}

export type Runtime = ReturnType<typeof createRuntime>;
