import type { ShopifyConnection } from '../../program/definition';
import {
	CouponPlatformUnavailableError,
	CouponRefusedError,
	type CouponIssuer,
	type CouponToIssue,
	type IssuedCoupon,
	type IssuingLimits,
} from './issuer';
import { isCallablePlatformUrl } from './platform-url';

/** The Admin API version the default endpoint uses; the mutations below are written against it. */
export const SHOPIFY_ADMIN_API_VERSION = '2025-07';

const USER_ERROR_FIELDS = 'userErrors { field code message extraInfo }';

const BASIC_CREATE = `mutation discountCodeBasicCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
	discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) { codeDiscountNode { id } ${USER_ERROR_FIELDS} }
}`;

const FREE_SHIPPING_CREATE = `mutation discountCodeFreeShippingCreate($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {
	discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) { codeDiscountNode { id } ${USER_ERROR_FIELDS} }
}`;

const BY_CODE = `query codeDiscountNodeByCode($code: String!) {
	codeDiscountNodeByCode(code: $code) {
		id
		codeDiscount { ... on DiscountCodeBasic { title } ... on DiscountCodeFreeShipping { title } }
	}
}`;

interface DiscountUserError {
	field: string[] | null;
	code: string | null;
	message: string;
	extraInfo?: string | null;
}

interface CreatePayload {
	codeDiscountNode: { id: string } | null;
	userErrors: DiscountUserError[];
}

interface GraphqlResponse {
	data?: Record<string, unknown> | null;
	errors?: Array<{ message: string; extensions?: { code?: string } }>;
	extensions?: {
		cost?: {
			requestedQueryCost?: number;
			throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
		};
	};
}

/** The Shopify customer gid for the shopper's id: the id a Shopify theme passes is the numeric customer id. */
export function shopifyCustomerGid(customerId: string): string {
	if (/^gid:\/\/shopify\/Customer\/\d+$/.test(customerId)) return customerId;
	if (/^\d{1,20}$/.test(customerId)) return `gid://shopify/Customer/${customerId}`;
	throw new CouponRefusedError(`Customer id ${customerId} is not a Shopify customer id, so the code cannot be limited to them.`);
}

/** A decimal string in the currency's whole units, as Shopify's Decimal scalar takes it: 500 cents → "5.00". */
export function shopifyDecimal(minorUnits: number, minorUnitsPerUnit: number): string {
	const digits = Math.round(Math.log10(minorUnitsPerUnit));
	return (minorUnits / minorUnitsPerUnit).toFixed(digits);
}

/** The mutation and its variables for one coupon: single use, for one customer, once per customer. */
export function shopifyDiscountInput(
	coupon: CouponToIssue,
	startsAt: Date,
): { query: string; field: string; variables: Record<string, unknown> } {
	const common = {
		code: coupon.code,
		title: coupon.title,
		startsAt: startsAt.toISOString(),
		usageLimit: 1,
		appliesOncePerCustomer: true,
		customerSelection: { customers: { add: [shopifyCustomerGid(coupon.customerId)] } },
		...(coupon.minOrderAmount
			? {
					minimumRequirement: {
						subtotal: { greaterThanOrEqualToSubtotal: shopifyDecimal(coupon.minOrderAmount, coupon.minorUnitsPerUnit) },
					},
				}
			: {}),
	};
	if (coupon.kind === 'free_shipping') {
		return {
			query: FREE_SHIPPING_CREATE,
			field: 'discountCodeFreeShippingCreate',
			variables: { freeShippingCodeDiscount: { ...common, destination: { all: true } } },
		};
	}
	let value: Record<string, unknown>;
	if (coupon.kind === 'percent' && coupon.percent) value = { percentage: coupon.percent / 100 };
	else if (coupon.kind === 'fixed_amount' && coupon.amount)
		value = { discountAmount: { amount: shopifyDecimal(coupon.amount, coupon.minorUnitsPerUnit), appliesOnEachItem: false } };
	else throw new CouponRefusedError(`A ${coupon.kind} reward has no Shopify code discount here (it needs a product mapping).`);
	return {
		query: BASIC_CREATE,
		field: 'discountCodeBasicCreate',
		variables: { basicCodeDiscount: { ...common, customerGets: { value, items: { all: true } } } },
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long Shopify's cost bucket needs to hold the query again: (requested − available) / restore rate. */
function throttleWaitMs(cost: NonNullable<GraphqlResponse['extensions']>['cost']): number {
	const status = cost?.throttleStatus;
	if (!status || !status.restoreRate) return 1_000;
	const missing = (cost?.requestedQueryCost ?? 10) - status.currentlyAvailable;
	return Math.max(100, Math.ceil((missing / status.restoreRate) * 1000));
}

/** 2^attempt × 200 ms, capped at 3 s, with jitter. */
const backoffMs = (attempt: number) => Math.min(3_000, 200 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);

/**
Creates codes through Shopify's Admin GraphQL API (`X-Shopify-Access-Token`). Retries network
errors, timeouts, 5xx, HTTP 429 (after Retry-After) and `THROTTLED` errors (after the cost bucket
refills) within the time budget; a `userErrors` answer is a refusal, except `TAKEN` for a code
Shopify already holds with our title: that is our own earlier attempt whose answer was lost.
*/
export function createShopifyIssuer(connection: ShopifyConnection, limits: IssuingLimits): CouponIssuer {
	const url = connection.adminApiUrl ?? `https://${connection.shopDomain}/admin/api/${SHOPIFY_ADMIN_API_VERSION}/graphql.json`;

	const call = async (query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> => {
		if (!connection.adminAccessToken) throw new CouponPlatformUnavailableError('The store has no Shopify Admin API access token.');
		if (!isCallablePlatformUrl(url)) throw new CouponPlatformUnavailableError(`The Shopify Admin API URL ${url} is not https.`);
		const deadline = Date.now() + limits.budgetMs;
		for (let attempt = 1; ; attempt++) {
			let waitMs: number;
			let reason: string;
			try {
				const response = await fetch(url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						accept: 'application/json',
						'x-shopify-access-token': connection.adminAccessToken,
					},
					body: JSON.stringify({ query, variables }),
					signal: AbortSignal.timeout(Math.max(1, Math.min(limits.attemptTimeoutMs, deadline - Date.now()))),
				});
				if (response.status === 429) {
					const retryAfter = Number(response.headers.get('retry-after'));
					waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1_000;
					reason = 'Shopify answered 429 Too Many Requests';
					await response.body?.cancel();
				} else if (response.status >= 500) {
					waitMs = backoffMs(attempt);
					reason = `Shopify answered ${response.status}`;
					await response.body?.cancel();
				} else if (!response.ok) {
					// 401, 402 (shop frozen), 403 (missing scope), 404 (wrong shop or version): retrying cannot help.
					await response.body?.cancel();
					throw new CouponPlatformUnavailableError(`Shopify answered ${response.status}: check the shop and its Admin API token.`);
				} else {
					const json = (await response.json()) as GraphqlResponse;
					if (json.errors?.some((error) => error.extensions?.code === 'THROTTLED')) {
						waitMs = throttleWaitMs(json.extensions?.cost);
						reason = 'Shopify throttled the request';
					} else if (json.errors?.length || !json.data) {
						throw new CouponPlatformUnavailableError(`Shopify refused the query: ${json.errors?.map((error) => error.message).join('; ')}`);
					} else return json.data;
				}
			} catch (error) {
				if (error instanceof CouponPlatformUnavailableError || error instanceof CouponRefusedError) throw error;
				waitMs = backoffMs(attempt);
				reason = `Shopify did not answer: ${(error as Error).message}`;
			}
			if (Date.now() + waitMs >= deadline) throw new CouponPlatformUnavailableError(reason);
			await sleep(waitMs);
		}
	};

	return {
		platform: 'shopify',
		async issue(coupon: CouponToIssue): Promise<IssuedCoupon> {
			const { query, field, variables } = shopifyDiscountInput(coupon, new Date());
			const payload = (await call(query, variables))[field] as CreatePayload;
			if (payload.codeDiscountNode) return { platformId: payload.codeDiscountNode.id };
			const taken = payload.userErrors.some((error) => error.code === 'TAKEN' && error.field?.includes('code'));
			if (taken) {
				const found = (await call(BY_CODE, { code: coupon.code })).codeDiscountNodeByCode as {
					id: string;
					codeDiscount: { title?: string } | null;
				} | null;
				if (found && found.codeDiscount?.title === coupon.title) return { platformId: found.id };
			}
			throw new CouponRefusedError(`Shopify refused the code: ${payload.userErrors.map((error) => error.message).join('; ')}`);
		},
	};
}
