import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-Shopify-Hmac-Sha256` for a raw body: the base64 HMAC-SHA256 keyed with the webhook secret, as Shopify computes it. */
export function shopifyHmac(body: string | Buffer, secret: string): string {
	return createHmac('sha256', secret).update(body).digest('base64');
}

/**
Shopify's documented check (shopify.dev › Webhooks › Verify): recompute the HMAC over the raw
bytes received, never over re-serialised JSON, and compare in constant time. The header is compared
as the base64 text Shopify sends rather than decoded, because Node's base64 decoder ignores stray
characters and would accept variants of it. No secret (a store without a Shopify connection)
verifies nothing.
*/
export function isValidShopifyHmac(header: string | undefined, body: Buffer, secret: string | undefined): boolean {
	if (!header || !secret) return false;
	const expected = Buffer.from(shopifyHmac(body, secret));
	const given = Buffer.from(header.trim());
	return given.length === expected.length && timingSafeEqual(given, expected);
}
