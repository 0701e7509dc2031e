import { readFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { shopifyHmac } from '../../../demo/server/platforms/shopify/verify-webhook';
import { DEMO_STORE } from '../../../demo/server/seed/demo-store';
import type { ApiResponse, ContractClient } from './harness';

/** The documented sample body of a topic (see fixtures/shopify/README.md), as text. */
export function shopifySample(name: 'orders-paid' | 'refunds-create' | 'customers-create'): string {
	return readFileSync(new URL(`../fixtures/shopify/${name}.json`, import.meta.url), 'utf8');
}

/** A fresh 18-digit Shopify-style id (beyond 2^53, like Shopify's). */
export function shopifyId(): string {
	return `9${String(randomInt(1e8)).padStart(8, '0')}${String(randomInt(1e9)).padStart(9, '0')}`;
}

/** Replaces every occurrence of each key in the raw text: ids, emails, amounts. */
export function rewrite(text: string, replacements: Record<string, string>): string {
	return Object.entries(replacements).reduce((result, [from, to]) => result.split(from).join(to), text);
}

export interface ShopifyDelivery {
	topic: string;
	body: string;
	webhookId?: string;
	/** The X-Shopify-Hmac-Sha256 to send; default: the right one for the demo store's secret. */
	hmac?: string | null;
	secret?: string;
}

/** POSTs a delivery the way Shopify does: its headers, the raw body, the HMAC of exactly those bytes. */
export function sendShopify(api: ContractClient, path: string, delivery: ShopifyDelivery): Promise<ApiResponse> {
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'x-shopify-topic': delivery.topic,
		'x-shopify-webhook-id': delivery.webhookId ?? crypto.randomUUID(),
		'x-shopify-shop-domain': 'maple-and-moss.myshopify.com',
		'x-shopify-api-version': '2026-04',
		'x-shopify-triggered-at': new Date().toISOString(),
		'x-shopify-event-id': crypto.randomUUID(),
	};
	const hmac = delivery.hmac === undefined ? shopifyHmac(delivery.body, delivery.secret ?? DEMO_STORE.shopifyWebhookSecret) : delivery.hmac;
	if (hmac !== null) headers['x-shopify-hmac-sha256'] = hmac;
	return api.request('POST', path, { raw: delivery.body, headers });
}
