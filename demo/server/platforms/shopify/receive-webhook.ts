import type { components } from '../../../../src/api/schema';
import { enrol } from '../../customers/repository';
import type { Database } from '../../db/types';
import { invalidField } from '../../errors';
import { receiveOrder } from '../../orders/receive-order';
import { reverseOrder } from '../../orders/reverse-order';
import type { Store } from '../../program/store';
import { arrayAt, idOf, minorUnits, objectAt, parseShopifyBody, shopMoney, textAt, type ShopifyJson } from './payload';

type OrderWebhook = components['schemas']['OrderWebhook'];
type ShopifyWebhookResult = components['schemas']['ShopifyWebhookResult'];
type Outcome = ShopifyWebhookResult['outcome'];

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A Shopify customer (of an order, or of customers/create) as the loyalty customer it is: the same id the theme snippet signs. */
function identityOf(customer: ShopifyJson | undefined): { customerId: string; email: string } | undefined {
	const customerId = idOf(customer?.id);
	const email = textAt(customer?.email);
	return customerId && email && EMAIL.test(email) ? { customerId, email } : undefined;
}

/**
An orders/paid body as the generic order: the subtotal in shop money after discounts, before
shipping and tax (`current_subtotal_price_set.shop_money`, which follows order edits, else the
original `subtotal_price`), its discount codes, and the order's name (#1001) for the activity.
*/
export function orderFromShopify(
	store: Store,
	order: ShopifyJson,
): OrderWebhook & { shopifyCustomer?: { customerId: string; email: string } } {
	const orderId = idOf(order.id);
	if (!orderId) throw invalidField('body', '/id', 'must be the Shopify order id');
	const money = shopMoney(order.current_subtotal_price_set) ??
		(order.current_subtotal_price !== undefined ? { amount: order.current_subtotal_price, currency: textAt(order.currency) } : undefined) ??
		shopMoney(order.subtotal_price_set) ?? { amount: order.subtotal_price, currency: textAt(order.currency) };
	const customer = objectAt(order.customer);
	const email = [order.email, order.contact_email, customer?.email].map(textAt).find((value) => value && EMAIL.test(value));
	const couponCodes = arrayAt(order.discount_codes)
		.map((discount) => textAt(objectAt(discount)?.code))
		.filter((code): code is string => Boolean(code) && code!.length <= 64)
		.slice(0, 20);
	const placedAt = textAt(order.processed_at) ?? textAt(order.created_at);
	return {
		orderId,
		customerId: idOf(customer?.id),
		email: email && email.length <= 254 ? email : undefined,
		subtotal: minorUnits(money.amount, store.minorUnitsPerUnit, '/current_subtotal_price'),
		currency: money.currency ?? store.currency,
		...(couponCodes.length ? { couponCodes } : {}),
		...(placedAt && !Number.isNaN(Date.parse(placedAt)) ? { placedAt: new Date(placedAt).toISOString() } : {}),
		...(textAt(order.name) ? { orderName: textAt(order.name)!.slice(0, 64) } : {}),
		shopifyCustomer: identityOf(customer),
	};
}

/**
The part of the order's subtotal a refunds/create body gives back, in shop money: its refund line
items' subtotals (after discounts, before tax); a refund without line items (an amount typed in by
the merchant) counts its successful refund transactions instead. Shipping and tax refunds beyond
the subtotal change nothing: reversals cap the refunded amount at the order's subtotal.
*/
export function refundedSubtotal(store: Store, refund: ShopifyJson): number {
	const lines = arrayAt(refund.refund_line_items).map(objectAt);
	if (lines.length) {
		return lines.reduce(
			(sum, line, index) =>
				sum +
				minorUnits(
					shopMoney(line?.subtotal_set)?.amount ?? line?.subtotal,
					store.minorUnitsPerUnit,
					`/refund_line_items/${index}/subtotal`,
				),
			0,
		);
	}
	return arrayAt(refund.transactions)
		.map(objectAt)
		.filter((transaction) => transaction?.kind === 'refund' && transaction?.status === 'success')
		.reduce(
			(sum, transaction, index) => sum + minorUnits(transaction!.amount, store.minorUnitsPerUnit, `/transactions/${index}/amount`),
			0,
		);
}

async function handleTopic(db: Database, store: Store, topic: string, raw: Buffer): Promise<Outcome> {
	switch (topic) {
		case 'orders/paid': {
			const order = orderFromShopify(store, parseShopifyBody(raw));
			const { shopifyCustomer, ...generic } = order;
			// A shop account paying an order is a member, even when customers/create has not arrived (yet).
			if (shopifyCustomer) await enrol(db, store, shopifyCustomer);
			return (await receiveOrder(db, store, generic)).duplicate ? 'duplicate' : 'processed';
		}
		case 'orders/cancelled': {
			const order = parseShopifyBody(raw);
			const orderId = idOf(order.id);
			if (!orderId) throw invalidField('body', '/id', 'must be the Shopify order id');
			const result = await reverseOrder(db, store, orderId, { kind: 'cancellation', occurredAt: textAt(order.cancelled_at) });
			return result.duplicate ? 'duplicate' : 'processed';
		}
		case 'refunds/create': {
			const refund = parseShopifyBody(raw);
			const orderId = idOf(refund.order_id);
			const refundId = idOf(refund.id);
			if (!orderId || !refundId) throw invalidField('body', '/order_id', 'a refund needs its id and order_id');
			const result = await reverseOrder(db, store, orderId, {
				kind: 'refund',
				refundId,
				amount: refundedSubtotal(store, refund),
				occurredAt: textAt(refund.processed_at) ?? textAt(refund.created_at),
			});
			return result.duplicate ? 'duplicate' : 'processed';
		}
		case 'customers/create': {
			const identity = identityOf(parseShopifyBody(raw));
			// Customers without an email (phone-only accounts) cannot be members: nothing to enrol.
			if (!identity) return 'ignored';
			await enrol(db, store, identity);
			return 'processed';
		}
		default:
			// Shopify retries every non-2xx answer and removes subscriptions that keep failing:
			// a topic subscribed by mistake is acknowledged and ignored.
			return 'ignored';
	}
}

/**
One Shopify delivery, already verified (X-Shopify-Hmac-Sha256). A webhook id seen before answers
`duplicate` without running again; the order, refund or cancellation itself is also idempotent,
so the same order sent under two webhook ids (Shopify does that for orders/paid after an edit,
and a shop can have two subscriptions) counts once. The id is recorded after the work succeeds, so
a failed delivery is retried whole by Shopify.
*/
export async function receiveShopifyWebhook(
	db: Database,
	store: Store,
	delivery: { topic: string; webhookId: string; raw: Buffer },
): Promise<ShopifyWebhookResult> {
	const { topic, webhookId } = delivery;
	const [seen] = await db.query<{ outcome: string }>('select outcome from shopify_webhooks where store_id = $1 and webhook_id = $2', [
		store.id,
		webhookId,
	]);
	if (seen) return { webhookId, topic, outcome: 'duplicate' };
	const outcome = await handleTopic(db, store, topic, delivery.raw);
	await db.query(
		`insert into shopify_webhooks (store_id, webhook_id, topic, outcome) values ($1, $2, $3, $4)
		on conflict (store_id, webhook_id) do nothing`,
		[store.id, webhookId, topic, outcome],
	);
	return { webhookId, topic, outcome };
}
