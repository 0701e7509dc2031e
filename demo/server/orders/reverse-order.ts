import type { components } from '../../../src/api/schema';
import type { Queryable, Transaction, Database } from '../db/types';
import type { Store } from '../program/store';

type OrderReversalResult = components['schemas']['OrderReversalResult'];

/** A refund or the cancellation of an order, as a platform reports it. */
export type ReversalEvent =
	| { kind: 'refund'; refundId: string; /** Minor units of the order's subtotal refunded. */ amount: number; occurredAt?: string }
	| { kind: 'cancellation'; occurredAt?: string };

interface OrderState {
	customer_id: string | null;
	customer_external_id: string | null;
	email: string | null;
	subtotal: string;
	points_awarded: number;
	points_reversed: number;
	referral_rewarded: boolean;
	referral_reversed: boolean;
	order_name: string | null;
}

interface EventTotals {
	refunded: string;
	cancelled: boolean;
}

/**
How many of the order's points should be taken back by now. A cancellation, or refunds reaching the
subtotal, take back everything; partial refunds take back `floor(awarded × refunded / subtotal)`,
rounded down in the shopper's favour. Computed from the cumulative refunds, so it only grows and
never passes `awarded`, however the refunds are split. BigInt: awarded × refunded can pass 2^53.
*/
export function pointsToReverse(awarded: number, subtotal: bigint, refunded: bigint, cancelled: boolean): number {
	if (awarded <= 0) return 0;
	if (cancelled || refunded >= subtotal || subtotal <= 0n) return awarded;
	return Number((BigInt(awarded) * refunded) / subtotal);
}

/** Takes up to `points` from the customer's balance (under their row lock): what was taken and what was missing. */
async function takePoints(
	tx: Queryable,
	customerId: string,
	points: number,
	entry: { orderId: string; orderName: string | null; orderEvent: 'refunded' | 'cancelled'; friend?: string; dedupeKey: string },
): Promise<{ taken: number; shortfall: number }> {
	if (points <= 0) return { taken: 0, shortfall: 0 };
	await tx.query('select id from customers where id = $1 for update', [customerId]);
	const [{ balance }] = await tx.query<{ balance: number }>(
		'select coalesce(sum(points), 0)::int as balance from ledger where customer_id = $1',
		[customerId],
	);
	const taken = Math.min(points, Math.max(0, balance));
	if (taken > 0) {
		await tx.query(
			`insert into ledger (customer_id, points, kind, order_id, order_name, order_event, friend, dedupe_key)
			values ($1, $2, 'reversal', $3, $4, $5, $6, $7)`,
			[customerId, -taken, entry.orderId, entry.orderName, entry.orderEvent, entry.friend ?? null, entry.dedupeKey],
		);
	}
	return { taken, shortfall: points - taken };
}

/** The referrer's reward entry for this order's buyer, if the order completed a referral. */
async function referralReward(tx: Queryable, store: Store, email: string | null) {
	if (!email) return undefined;
	const [reward] = await tx.query<{ customer_id: string; points: number; friend: string; claim_id: string }>(
		`select l.customer_id::text as customer_id, l.points, l.friend, r.id::text as claim_id
		from referral_claims r join ledger l on l.customer_id = r.referrer_id and l.dedupe_key = 'referral:' || r.id
		where r.store_id = $1 and lower(r.email) = lower($2)`,
		[store.id, email],
	);
	return reward;
}

/**
Brings the order's reversals up to date with its recorded refunds and cancellation, in `tx`, and
attributes what it did to `eventKey`'s row. Idempotent: it compares the points that should have
been taken back with `orders.points_reversed`, so running it again (or for an order that arrives
after its refunds) takes nothing twice.

The referrer's reward goes back when the friend's qualifying order is cancelled or fully refunded
(partial refunds leave it: the friend did buy). The referral stays used: their claim is spent, so a
later order of the same friend does not reward the referrer again.
*/
export async function settleOrder(tx: Queryable, store: Store, orderId: string, eventKey?: string) {
	const [order] = await tx.query<OrderState>(
		`select o.customer_id::text as customer_id, c.external_id as customer_external_id, coalesce(o.email, c.email) as email,
			o.subtotal::text as subtotal, o.points_awarded, o.points_reversed, o.referral_rewarded, o.referral_reversed, o.order_name
		from orders o left join customers c on c.id = o.customer_id where o.store_id = $1 and o.order_id = $2 for update of o`,
		[store.id, orderId],
	);
	if (!order) return undefined;
	const [totals] = await tx.query<EventTotals>(
		`select coalesce(sum(amount), 0)::text as refunded, bool_or(kind = 'cancellation') is true as cancelled
		from order_reversals where store_id = $1 and order_id = $2`,
		[store.id, orderId],
	);
	const subtotal = BigInt(order.subtotal);
	const refunded = BigInt(totals.refunded);
	const target = pointsToReverse(order.points_awarded, subtotal, refunded, totals.cancelled);
	const orderEvent = totals.cancelled ? 'cancelled' : 'refunded';
	let reversed = { taken: 0, shortfall: 0 };
	if (order.customer_id && target > order.points_reversed) {
		reversed = await takePoints(tx, order.customer_id, target - order.points_reversed, {
			orderId,
			orderName: order.order_name,
			orderEvent,
			dedupeKey: `reversal:${orderId}:${target}`,
		});
	}
	let referral = { taken: 0, shortfall: 0 };
	const referralDue = order.referral_rewarded && !order.referral_reversed && (totals.cancelled || refunded >= subtotal);
	if (referralDue) {
		const reward = await referralReward(tx, store, order.email);
		if (reward)
			referral = await takePoints(tx, reward.customer_id, reward.points, {
				orderId,
				orderName: order.order_name,
				orderEvent,
				friend: reward.friend,
				dedupeKey: `referral-reversal:${reward.claim_id}`,
			});
	}
	await tx.query(
		'update orders set points_reversed = greatest(points_reversed, $3), referral_reversed = referral_reversed or $4 where store_id = $1 and order_id = $2',
		[store.id, orderId, target, referralDue],
	);
	if (eventKey) {
		await tx.query(
			`update order_reversals set customer_id = $4, points_reversed = points_reversed + $5, shortfall = shortfall + $6,
				referral_reversed = referral_reversed or $7, referral_shortfall = referral_shortfall + $8
			where store_id = $1 and order_id = $2 and event_key = $3`,
			[store.id, orderId, eventKey, order.customer_id, reversed.taken, reversed.shortfall, referralDue, referral.shortfall],
		);
	}
	return { order, target, reversed, referralReversed: referralDue };
}

/** The latest recorded event of an order: what a late-arriving order's settlement is attributed to. */
export async function latestEventKey(tx: Queryable, store: Store, orderId: string): Promise<string | undefined> {
	const [latest] = await tx.query<{ event_key: string }>(
		'select event_key from order_reversals where store_id = $1 and order_id = $2 order by received_at desc, event_key desc limit 1',
		[store.id, orderId],
	);
	return latest?.event_key;
}

/**
Records a refund or a cancellation once (per refund id; one cancellation per order) and takes back
the order's points accordingly. A repeat answers `duplicate: true` with what that event did. An
event for an order not received yet is kept: settleOrder applies it when the order arrives.
*/
export async function reverseOrder(db: Database, store: Store, orderId: string, event: ReversalEvent): Promise<OrderReversalResult> {
	const eventKey = event.kind === 'refund' ? `refund:${event.refundId}` : 'cancellation';
	return db.transaction(async (tx: Transaction) => {
		const inserted = await tx.query(
			`insert into order_reversals (store_id, order_id, event_key, kind, amount, occurred_at) values ($1, $2, $3, $4, $5, $6)
			on conflict (store_id, order_id, event_key) do nothing returning event_key`,
			[store.id, orderId, eventKey, event.kind, event.kind === 'refund' ? event.amount : 0, event.occurredAt ?? null],
		);
		if (inserted.length) await settleOrder(tx, store, orderId, eventKey);
		const [row] = await tx.query<{
			customer_external_id: string | null;
			known: boolean;
			points_reversed: number;
			shortfall: number;
			referral_reversed: boolean;
			total: number | null;
			balance: number | null;
		}>(
			`select c.external_id as customer_external_id, o.order_id is not null as known, e.points_reversed, e.shortfall, e.referral_reversed,
				o.points_reversed as total,
				(select coalesce(sum(points), 0)::int from ledger where customer_id = o.customer_id) as balance
			from order_reversals e
			left join orders o on o.store_id = e.store_id and o.order_id = e.order_id
			left join customers c on c.id = o.customer_id
			where e.store_id = $1 and e.order_id = $2 and e.event_key = $3`,
			[store.id, orderId, eventKey],
		);
		return {
			orderId,
			duplicate: inserted.length === 0,
			orderKnown: row.known,
			customerId: row.customer_external_id,
			pointsReversed: row.points_reversed,
			shortfall: row.shortfall,
			totalPointsReversed: row.total ?? 0,
			balance: row.customer_external_id ? row.balance : null,
			referralReversed: row.referral_reversed,
		};
	});
}
