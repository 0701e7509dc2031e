/** The widget pages a deep link or `Rewards.open(page)` can show. */
export type PageName = 'home' | 'earn' | 'redeem' | 'refer' | 'activity';

/** Where the launcher floats. */
export type LauncherPosition = 'bottom-right' | 'bottom-left';

/** Which devices show the launcher: `desktop` is wider than 600 px, `mobile` is 600 px or narrower. */
export type ShowOn = 'all' | 'desktop' | 'mobile';

/** Colour scheme of the panel. `auto` follows `prefers-color-scheme`. */
export type ColorScheme = 'auto' | 'light' | 'dark';

/** Theme values. Each becomes a CSS custom property on the widget's host element, see README › Theming. */
export interface ThemeOptions {
	/**
	Brand colour for the launcher, buttons and highlights (`--rewards-primary`). Any CSS hex, `rgb()` or `hsl()` colour. The text drawn on it is picked automatically to reach 4.5:1 contrast.
	@default '#1f6feb'
	@example '#0a7d4f'
	*/
	primary?: string;
	/**
	Main text colour of the light panel (`--rewards-text`).
	@default '#1b1f24'
	*/
	text?: string;
	/**
	Background of the light panel (`--rewards-background`).
	@default '#ffffff'
	*/
	background?: string;
	/**
	Corner radius in pixels of the panel, cards and buttons (`--rewards-radius`).
	@default 12
	*/
	radius?: number;
	/**
	Font stack (`--rewards-font`). The host page's font is not inherited unless you pass it here.
	@default 'system-ui, sans-serif' (every supported browser has system-ui: the platform's own font)
	@example 'Inter, system-ui, sans-serif'
	*/
	font?: string;
}

/** Offsets of the launcher from the viewport corner, in pixels. The device's safe-area inset is added. */
export interface OffsetOptions {
	/**
	Distance from the left or right edge.
	@default 20
	*/
	x?: number;
	/**
	Distance from the bottom edge. Raise it to clear a sticky add-to-cart bar.
	@default 20
	*/
	y?: number;
}

/**
The signed-in shopper as the shop's theme template names them, signed with the store's identity secret: the way in for shops
that cannot mint a customer token (Shopify and WooCommerce themes). See README › Install on Shopify.
*/
export interface SignedCustomer {
	/** The shop's own customer id (Shopify's `customer.id`), 1–128 characters. */
	id: string;
	/** The shopper's email. */
	email: string;
	/** When `digest` was computed, in Unix seconds (Liquid: `'now' | date: '%s'`). The server accepts it for 24 hours. */
	issuedAt: number;
	/** Lowercase hex HMAC-SHA256 of `storeKey:id:email:issuedAt`, keyed with the store's identity secret. */
	digest: string;
}

/** Events the widget emits on `window` (as `rewards:<name>` CustomEvents) and through `Rewards.on`. */
export interface RewardsEventMap {
	ready: Record<string, never>;
	open: { page: PageName };
	close: Record<string, never>;
	earned: { action: string; points: number; balance: number };
	redeemed: { rewardId: string; code: string; pointsSpent: number; balance: number };
	'referral-shared': { channel: string };
	balance: { balance: number };
	error: { error: unknown };
}

export type RewardsEventName = keyof RewardsEventMap;

/**
Options for `Rewards.init()`, the script tag's `data-*` attributes (kebab-case: `data-store`, `data-api`, `data-locale`, `data-position`, `data-customer-token`, `data-customer-id`/`-email`/`-issued-at`/`-digest`, `data-nonce`, `data-show-on`, `data-z-index`, `data-color-scheme`) and `init()` from the npm package.

Grouped as: connection, customer, appearance, text, callbacks.
*/
export interface RewardsOptions {
	// Connection

	/**
	The store's publishable key. Safe to expose; it only reads the public program.
	@default undefined (required)
	@example 'pk_demo'
	*/
	store?: string;
	/**
	Base URL of the loyalty backend. Must be `https:` except on localhost.
	@default undefined (required)
	@example 'https://loyalty.example.com'
	*/
	api?: string;

	// Customer

	/**
	A short-lived token (JWT signed by the merchant's server) identifying the signed-in shopper. Leave it out for guests; call `Rewards.identify()` after a sign-in.
	@default undefined
	*/
	customerToken?: string;
	/**
	The signed-in shopper, signed by your theme template instead of a server: give this or `customerToken`, never both. As attributes: `data-customer-id`, `data-customer-email`, `data-customer-issued-at`, `data-customer-digest`. Leave it out for guests.
	@default undefined
	@example { id: '7243', email: 'alice@example.com', issuedAt: 1767225600, digest: '3f0c…' }
	*/
	customer?: SignedCustomer;
	/**
	Query parameter that carries a referral code on landing pages.
	@default 'ref'
	@example 'invite'
	*/
	referralParam?: string;

	// Appearance

	/**
	Corner the launcher sits in.
	@default 'bottom-right'
	*/
	position?: LauncherPosition;
	/**
	Launcher offsets from the corner, in pixels, on top of the safe-area inset.
	@default { x: 20, y: 20 }
	*/
	offset?: OffsetOptions;
	/**
	Stacking order of the launcher. The open panel uses the browser's top layer and is above everything anyway.
	@default 2147483000
	*/
	zIndex?: number;
	/**
	Which devices show the launcher. The API (`Rewards.open()`) works everywhere.
	@default 'all'
	*/
	showOn?: ShowOn;
	/**
	Hide the launcher entirely, for storefronts that open the panel from their own button with `Rewards.open()`.
	@default false
	*/
	hideLauncher?: boolean;
	/**
	Launcher icon: one of the built-in names.
	@default 'gift'
	*/
	launcherIcon?: 'gift' | 'star' | 'heart' | 'none';
	/**
	Theme values, as CSS custom properties. Merchant CSS on the `rewards-widget` element wins over these.
	@default {}
	*/
	theme?: ThemeOptions;
	/**
	Light, dark, or following the shopper's system setting.
	@default 'auto'
	*/
	colorScheme?: ColorScheme;
	/**
	A CSP nonce. When given, styles go into a `<style nonce>` element instead of constructable stylesheets, and the panel script is loaded with it.
	@default undefined
	*/
	nonce?: string;

	// Text

	/**
	Language of the panel. Falls back to `<html lang>`, then `navigator.languages`, then `en`.
	@default undefined (detected)
	@example 'fr'
	*/
	locale?: string;
	/**
	Replace any message per locale.
	@default {}
	@example { en: { launcherLabel: 'Perks' }, fr: { launcherLabel: 'Avantages' } }
	*/
	text?: Record<string, Record<string, string>>;

	// Behaviour

	/**
	URL template used by "Apply to cart" after a redemption. `{code}` is replaced by the URL-encoded coupon code.
	Only a path on your site or an `https:` URL is accepted (`http:` only on localhost); any other scheme is refused.
	@default '/discount/{code}'
	@example 'https://shop.example/discount/{code}?redirect=/cart'
	*/
	applyCouponUrl?: string;

	// Callbacks

	/**
	Called with every error the widget catches (network, bad data, a throwing listener). The widget never throws into the page.
	@default undefined
	*/
	onError?: (error: unknown) => void;
	/**
	Called when the customer token has expired. Return a fresh token (or a promise of one) and the request is retried once; return nothing and the panel falls back to the guest view with a "sign in again" prompt.
	@default undefined
	*/
	onTokenExpired?: () => string | undefined | null | Promise<string | undefined | null>;
	/**
	Replaces the default "Apply to cart" navigation.
	@default undefined
	@example (code) => cart.applyDiscount(code)
	*/
	onApplyCoupon?: (code: string) => void;
}

/** Argument of `Rewards.identify()`: one of the two ways of naming the shopper. */
export type IdentifyOptions =
	| {
			/** The signed customer token from the merchant's server. */
			customerToken: string;
	  }
	| {
			/** The shopper as signed by the theme template (see `RewardsOptions.customer`). */
			customer: SignedCustomer;
	  };
