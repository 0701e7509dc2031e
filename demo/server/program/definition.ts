/** A text per locale, e.g. { en: 'Follow us', fr: 'Suivez-nous' }; must include the store's default locale. */
export type LocalizedText = Record<string, string>;

export type EarnRuleKind = 'order' | 'signup' | 'instagram_follow' | 'birthday' | 'referral';
export type RewardKind = 'fixed_amount' | 'percent' | 'free_shipping' | 'free_product' | 'variable';

export interface EarnRuleDefinition {
	key: string;
	kind: EarnRuleKind;
	/** Points awarded; per whole currency unit for `order`; the referrer's reward for `referral`. */
	points: number;
	title: LocalizedText;
	description?: LocalizedText;
	/** `instagram_follow` only. */
	profileUrl?: string;
	/** `referral` only: the referred friend's amount off their first order. */
	friendGift?: { amount: number; minOrderAmount: number; title: LocalizedText };
}

export interface RewardDefinition {
	id: string;
	kind: RewardKind;
	title: LocalizedText;
	description?: LocalizedText;
	/** The cost, for every kind but `variable`. */
	points?: number;
	amount?: number;
	percent?: number;
	productName?: LocalizedText;
	pointsPerUnit?: number;
	unitAmount?: number;
	minPoints?: number;
	maxPoints?: number;
	stepPoints?: number;
	minOrderAmount?: number;
}

export interface TierDefinition {
	key: string;
	name: LocalizedText;
	/** Lifetime points needed. */
	threshold: number;
	/** What members of this tier get, one text per perk. */
	perks?: LocalizedText[];
}

/** The merchant's look for the panel. */
export interface BrandDefinition {
	/** #rrggbb */
	primaryColor?: string;
	/** https URL of a square logo. */
	logoUrl?: string;
}

/** The store's Shopify shop, when it sells on Shopify. Secrets: never shown by the public or merchant program views. */
export interface ShopifyConnection {
	/** e.g. `maple-and-moss.myshopify.com` */
	shopDomain: string;
	/** Key of `X-Shopify-Hmac-Sha256`: the app's client secret, or the key shown under Settings › Notifications › Webhooks. */
	webhookSecret: string;
	/** Admin API access token (`shpat_…`) with `write_discounts`; unset, coupons go through the generic issuer. */
	adminAccessToken?: string;
	/** The Admin GraphQL endpoint; by default `https://{shopDomain}/admin/api/2025-07/graphql.json` (tests point it at a local stand-in). */
	adminApiUrl?: string;
}

/** Where the generic coupon issuer announces codes (`coupon.issued`), signed like order webhooks. */
export interface CouponWebhookDefinition {
	url: string;
	secret: string;
}

/**
Everything a store is, in the shape of REWARDS_STORE_CONFIG files. Amounts are integers in
the currency's minor units.
*/
export interface StoreDefinition {
	key: string;
	/** Signs customer JWTs and order webhooks (the merchant's server keeps it). */
	secret: string;
	/** Keys the shopper digest a theme template computes (`customer.digest`); can impersonate shoppers, nothing more. */
	identitySecret?: string;
	/** Opens the merchant API and console; stored only as its SHA-256. */
	adminKey?: string;
	name: LocalizedText;
	currency: string;
	defaultLocale: string;
	/** The languages the program is written in, default first; absent, the languages of `name`. */
	locales?: string[];
	/** Exact origins (scheme://host[:port]) allowed to call the API from a browser. */
	allowedOrigins: string[];
	joinUrl: string;
	signInUrl: string;
	/** A URL with `{code}` where the shopper's referral code goes. */
	referralLinkTemplate: string;
	earnRules: EarnRuleDefinition[];
	rewards: RewardDefinition[];
	tiers: TierDefinition[];
	brand?: BrandDefinition;
	/** Points expire after this many months without activity; absent, never. */
	pointsExpiry?: { monthsWithoutActivity: number };
	shopify?: ShopifyConnection;
	couponWebhook?: CouponWebhookDefinition;
}

/** Rules a shopper completes themselves through completeAction; the server awards the others. */
export const CLAIMABLE_KINDS: ReadonlySet<EarnRuleKind> = new Set(['instagram_follow']);
/** Rules awarded at most once per customer. */
export const ONE_TIME_KINDS: ReadonlySet<EarnRuleKind> = new Set(['signup', 'instagram_follow']);
