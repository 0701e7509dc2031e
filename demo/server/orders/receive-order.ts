import type { components } from '../../../src/api/schema';
import { customerColumns, pointsOf, type CustomerRow } from '../customers/repository';
import type { Database, Queryable } from '../db/types';
import { invalidField } from '../errors';
import type { Store } from '../program/store';
import { latestEventKey, settleOrder } from './reverse-order';
import { expireIfDue } from '../points/expiry';

type OrderWebhook = components['schemas']['OrderWebhook'];

const MAX_POINTS_PER_ENTRY = 1_000_000_000;
type OrderWebhookResult = components['schemas']['OrderWebhookResult'];

interface OrderRow {
	customer_external_id: string | null;
	customer_id: string | null;
	points_awarded: number;
	referral_rewarded: boolean;
}

/** `dana@example.com` → `d***@example.com`: enough for the referrer to recognise a friend. */
export function maskEmail(email: string): string {
	const [local, domain] = email.split('@');
	return `${local.slice(0, 1)}***@${domain}`;
}

async function findCustomer(tx: Queryable, store: Store, order: OrderWebhook): Promise<CustomerRow | undefined> {
	if (order.customerId) {
		const [byId] = await tx.query<CustomerRow>(
			`select ${customerColumns()} from customers where store_id = $1 and external_id = $2 for update`,
			[store.id, order.customerId],
		);
		return byId;
	}
	if (!order.email) return undefined;
	const [byEmail] = await tx.query<CustomerRow>(
		`select ${customerColumns()} from customers where store_id = $1 and lower(email) = lower($2) order by id limit 1 for update`,
		[store.id, order.email],
	);
	return byEmail;
}

/** Rewards the referrer once per referred friend, on that friend's first order with a subtotal. */
async function rewardReferrer(
	tx: Queryable,
	store: Store,
	email: string | undefined,
	subtotal: number,
	buyerId: string | undefined,
): Promise<boolean> {
	const rule = store.ruleOfKind('referral');
	if (!rule || !email || subtotal <= 0) return false;
	const [claim] = await tx.query<{ id: string; referrer_id: string }>(
		'select id::text as id, referrer_id::text as referrer_id from referral_claims where store_id = $1 and lower(email) = lower($2)',
		[store.id, email],
	);
	if (!claim || claim.referrer_id === buyerId) return false;
	const inserted = await tx.query(
		`insert into ledger (customer_id, points, kind, rule_key, friend, dedupe_key) values ($1, $2, 'referral', $3, $4, $5)
		on conflict (customer_id, dedupe_key) do nothing returning id`,
		[claim.referrer_id, rule.points, rule.key, maskEmail(email), `referral:${claim.id}`],
	);
	return inserted.length > 0;
}

/**
Handles a signed order from the merchant's server: points per whole currency unit of the
subtotal for an enrolled customer, the referrer's reward on a referred friend's first order,
coupons marked used. Idempotent on the order id: the order row is claimed first, so a repeat
(even a concurrent one) answers the first outcome with `duplicate: true`.
*/
export async function receiveOrder(db: Database, store: Store, order: OrderWebhook): Promise<OrderWebhookResult> {
	if (order.currency !== store.currency) throw invalidField('body', '/currency', `must be the store currency ${store.currency}`);
	return db.transaction(async (tx) => {
		const claimed = await tx.query(
			`insert into orders (store_id, order_id, email, subtotal, currency, points_awarded, referral_rewarded, placed_at)
			values ($1, $2, $3, $4, $5, 0, false, $6) on conflict (store_id, order_id) do nothing returning order_id`,
			[store.id, order.orderId, order.email ?? null, order.subtotal, order.currency, order.placedAt ?? null],
		);
		if (!claimed.length) {
			const [first] = await tx.query<OrderRow>(
				`select c.external_id as customer_external_id, o.customer_id::text as customer_id, o.points_awarded, o.referral_rewarded
				from orders o left join customers c on c.id = o.customer_id where o.store_id = $1 and o.order_id = $2`,
				[store.id, order.orderId],
			);
			const balance = first.customer_id ? (await pointsOf(tx, first.customer_id)).balance : null;
			return {
				orderId: order.orderId,
				duplicate: true,
				customerId: first.customer_external_id,
				pointsAwarded: first.points_awarded,
				balance,
				referralRewarded: first.referral_rewarded,
			};
		}

		const customer = await findCustomer(tx, store, order);
		if (customer) await expireIfDue(tx, store, customer.id, new Date());
		const rule = store.ruleOfKind('order');
		const points = customer && rule ? Math.floor(order.subtotal / store.minorUnitsPerUnit) * rule.points : 0;
		// Ledger entries are 32-bit; an order worth more points than that is a mistake, not a purchase.
		if (points > MAX_POINTS_PER_ENTRY) throw invalidField('body', '/subtotal', 'is too large to award points for');
		if (customer && points > 0) {
			await tx.query(
				`insert into ledger (customer_id, points, kind, rule_key, order_id, order_subtotal, dedupe_key, order_name) values ($1, $2, 'order', $3, $4, $5, $6, $7)`,
				[customer.id, points, rule!.key, order.orderId, order.subtotal, `order:${order.orderId}`, order.orderName ?? null],
			);
		}
		const referralRewarded = await rewardReferrer(tx, store, order.email ?? customer?.email, order.subtotal, customer?.id);
		if (order.couponCodes?.length) {
			await tx.query('update coupons set used_at = now(), used_order_id = $3 where store_id = $1 and code = any($2) and used_at is null', [
				store.id,
				order.couponCodes.map((code) => code.toUpperCase()),
				order.orderId,
			]);
		}
		await tx.query(
			'update orders set customer_id = $3, points_awarded = $4, referral_rewarded = $5, order_name = $6 where store_id = $1 and order_id = $2',
			[store.id, order.orderId, customer?.id ?? null, points, referralRewarded, order.orderName ?? null],
		);
		// Refunds or a cancellation that arrived before the order apply now.
		const pendingEvent = await latestEventKey(tx, store, order.orderId);
		if (pendingEvent) await settleOrder(tx, store, order.orderId, pendingEvent);
		const balance = customer ? (await pointsOf(tx, customer.id)).balance : null;
		return {
			orderId: order.orderId,
			duplicate: false,
			customerId: customer?.external_id ?? null,
			pointsAwarded: points,
			balance,
			referralRewarded,
		};
	});
}
