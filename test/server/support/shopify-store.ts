import { randomInt } from 'node:crypto';
import type { StoreDefinition } from '../../../demo/server/program/definition';
import { demoStoreDefinition } from '../../../demo/server/seed/demo-store';
import { mintCustomerToken } from '../../../demo/server/token';
import type { ContractClient } from './harness';
import { signWebhook } from './harness';
import type { ShopifyAdminStandin } from './shopify-admin-standin';

export const SHOPIFY_STORE_KEY = 'pk_shopify_coupons';
const SECRET = 'sk_shopify_coupons_3b8e1f0a9c2d4e57';

/** The demo program as a Shopify store whose Admin API is the stand-in. */
export function shopifyStoreDefinition(standin: Pick<ShopifyAdminStandin, 'url' | 'accessToken'>): StoreDefinition {
	return {
		...demoStoreDefinition(),
		key: SHOPIFY_STORE_KEY,
		secret: SECRET,
		adminKey: 'sk_admin_shopify_coupons_5d1c9e7b2a4f',
		identitySecret: undefined,
		shopify: {
			shopDomain: 'maple-and-moss.myshopify.com',
			webhookSecret: 'shopify_webhook_secret_standin',
			adminAccessToken: standin.accessToken,
			adminApiUrl: standin.url,
		},
	};
}

export const shopifyPath = (suffix: string) => `/v1/stores/${SHOPIFY_STORE_KEY}${suffix}`;

/**
A Shopify shopper (numeric id, as a theme passes `customer.id`) known to the stand-in, holding
`points`: 100 from signup plus a signed order for the rest (5 points per dollar).
*/
export async function shopifyShopper(
	api: ContractClient,
	standin: ShopifyAdminStandin,
	points: number,
	options: { knownToShopify?: boolean; id?: string } = {},
) {
	const customerId = options.id ?? String(randomInt(1_000_000_000, 9_999_999_999));
	if (options.knownToShopify !== false) standin.customers.add(`gid://shopify/Customer/${customerId}`);
	const token = await mintCustomerToken({
		storeKey: SHOPIFY_STORE_KEY,
		secret: SECRET,
		customerId,
		email: `shopper-${customerId}@example.com`,
		ttlSeconds: 1800,
	});
	await api.get(shopifyPath('/customer'), { token });
	if (points > 100) {
		const raw = JSON.stringify({ orderId: `top-up-${customerId}`, customerId, subtotal: ((points - 100) / 5) * 100, currency: 'USD' });
		const order = await api.request('POST', shopifyPath('/webhooks/orders'), {
			raw,
			headers: { 'content-type': 'application/json', 'x-rewards-signature': signWebhook(raw, SECRET) },
		});
		if (order.body.balance !== points) throw new Error(`top-up answered ${order.status} ${order.text}`);
	}
	return { customerId, token };
}

export const SHOPIFY_ADMIN_KEY = 'sk_admin_shopify_coupons_5d1c9e7b2a4f';
