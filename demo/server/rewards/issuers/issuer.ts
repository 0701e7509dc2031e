import type { CouponRow } from '../coupon-view';

/** What a platform needs to create one single-use code for one shopper. */
export interface CouponToIssue {
	code: string;
	kind: CouponRow['kind'];
	/** Minor units. */
	amount: number | null;
	percent: number | null;
	/** Minor units. */
	minOrderAmount: number | null;
	currency: string;
	minorUnitsPerUnit: number;
	/** The title the platform keeps for the code (the merchant sees it in their admin). */
	title: string;
	/** The merchant's id of the shopper: on Shopify, the Shopify customer id. */
	customerId: string;
}

/** The platform created the code (or had already created this very code for us). */
export interface IssuedCoupon {
	/** The platform's id for it, e.g. a Shopify DiscountCodeNode gid. */
	platformId: string;
}

/** The platform answered, and will not create this code: retrying cannot help. The points go back. */
export class CouponRefusedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CouponRefusedError';
	}
}

/** The platform did not answer usefully within the time allowed (down, slow, 5xx, throttled too long). The points go back. */
export class CouponPlatformUnavailableError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CouponPlatformUnavailableError';
	}
}

/**
The coupon-issuer port: creates a code on the shop's platform before the shopper sees it.
`issue` must be idempotent for one code (a retry after a lost answer must not create two codes),
and answers the created code or throws CouponRefusedError / CouponPlatformUnavailableError.
*/
export interface CouponIssuer {
	readonly platform: 'shopify';
	issue(coupon: CouponToIssue): Promise<IssuedCoupon>;
}

/** Time limits for calls to a platform; tests shorten them. */
export interface IssuingLimits {
	/** One HTTP attempt. Default 5 s. */
	attemptTimeoutMs: number;
	/** Every attempt and wait for one code, retries included. Default 15 s. */
	budgetMs: number;
}

export const DEFAULT_ISSUING_LIMITS: IssuingLimits = { attemptTimeoutMs: 5_000, budgetMs: 15_000 };
