import type { ResolvedConfig } from '../config/defaults';
import type { PageName, RewardsEventMap, RewardsEventName } from '../config/options';
import type { LAUNCHER_ICONS } from '../config/launcher-icons';
import type { safeUrl } from '../config/safe-url';
import type { savedKey } from '../state/saved-key';

/** Functions the launcher has loaded already and the panel needs too: it calls these rather than ship copies (ui/launcher-shared.ts). */
export interface SharedModules {
	safeUrl: typeof safeUrl;
	savedKey: typeof savedKey;
	launcherIcons: typeof LAUNCHER_ICONS;
}

/**
What the embed runtime hands the lazily loaded panel. The panel never reaches back into the
runtime except through this object, so the launcher stays free of panel code.
*/
export interface PanelHost {
	/** The widget's shadow root; the panel renders its dialog here. */
	root: ShadowRoot;
	/** The current configuration. Changes arrive through `PanelController.update`. */
	config: ResolvedConfig;
	/** The language resolved from the `locale` option, `<html lang>` and `navigator.languages`. */
	locale: string;
	/** The launcher button, where focus returns on close (null when the launcher is hidden). */
	launcher: HTMLElement | null;
	/** Adds or replaces a named style sheet in the shadow root (CSP-aware). */
	setStyles(id: string, css: string): void;
	/** Picks the text colour on the brand colour in effect again, after a paint (the panel set the program's brand colour). */
	repickOnPrimary(): void;
	/** Emits a public event (`rewards:<name>` on window, and `Rewards.on` listeners). */
	emit<K extends RewardsEventName>(name: K, detail: RewardsEventMap[K]): void;
	/** Reports a caught error to `onError` and the console. Never throws. */
	report(error: unknown): void;
	/** Tells the runtime the dialog opened or closed (launcher `aria-expanded`, events). */
	onOpenChange(open: boolean, page: PageName): void;
	/** Shows the balance on the launcher badge; null hides it. */
	setBadge(text: string | null): void;
	/** The launcher's own copies of what the panel needs too. */
	shared: SharedModules;
}

/** The panel's side of the contract. */
export interface PanelController {
	open(page?: PageName): void;
	close(): void;
	isOpen(): boolean;
	/** New options from a later `init()`, with the locale resolved again. */
	update(config: ResolvedConfig, locale: string): void;
	identify(customerToken: string | undefined): void;
	refresh(): Promise<void>;
	destroy(): void;
}

/**
Dispatched on the shadow root (not composed: the page never hears it) when an SPA took the host
out of the document and the embed put it back. The browser drops a removed modal dialog from the
top layer, so the panel listens for this to show itself modally again.
*/
export const HOST_REATTACHED = 'rewards-host-reattached';

/** The panel chunk's only export. */
export type MountPanel = (host: PanelHost) => PanelController;
