import type { Database, Queryable } from '../db/types';
import type { Store } from '../program/store';

/**
Ledger kinds that are not the shopper's activity: an expiry or a reversal does not restart the
clock. Everything else (earning, spending, a merchant's adjustment) does.
*/
const NOT_ACTIVITY = `('expiry', 'reversal')`;

/** The SQL for a customer's balance, last activity and expiry date under a policy of `$2` months ($1: customer id). */
const STANDING_SQL = `
select coalesce(sum(points), 0)::int as balance,
	iso_utc(max(created_at) filter (where kind not in ${NOT_ACTIVITY}) + make_interval(months => $2::int)) as expires_at
from ledger where customer_id = $1`;

export interface ExpiryStanding {
	balance: number;
	/** When the balance expires unless the shopper is active before; null without activity. */
	expiresAt: string | null;
}

/** The store's policy in months, or undefined when its points never expire. */
export function expiryMonths(store: Store): number | undefined {
	return store.definition.pointsExpiry?.monthsWithoutActivity;
}

/**
The customer view's warning: the points that will expire and when, or null. Calendar months in
PostgreSQL's arithmetic (31 January + 1 month = 28 or 29 February), from the last activity.
*/
export function expiringPointsOf(standing: ExpiryStanding): { points: number; date: string } | null {
	return standing.balance > 0 && standing.expiresAt ? { points: standing.balance, date: standing.expiresAt } : null;
}

/**
Expires the customer's whole balance if their last activity is more than the policy's months
before `now`: one `expiry` entry, keyed `expiry:<date it was due>` so the periodic job, a read and a
points movement racing each other write it once. Locks the customer's row like every points change.
Returns the standing after.
*/
export async function expireIfDue(tx: Queryable, store: Store, customerId: string, now: Date): Promise<ExpiryStanding | undefined> {
	const months = expiryMonths(store);
	if (!months) return undefined;
	await tx.query('select id from customers where id = $1 for update', [customerId]);
	const [standing] = await tx.query<{ balance: number; expires_at: string | null }>(STANDING_SQL, [customerId, months]);
	if (standing.balance > 0 && standing.expires_at && Date.parse(standing.expires_at) <= now.getTime()) {
		const inserted = await tx.query(
			`insert into ledger (customer_id, points, kind, dedupe_key) values ($1, $2, 'expiry', $3)
			on conflict (customer_id, dedupe_key) do nothing returning id`,
			[customerId, -standing.balance, `expiry:${standing.expires_at.slice(0, 10)}`],
		);
		if (inserted.length) return { balance: 0, expiresAt: standing.expires_at };
	}
	return { balance: standing.balance, expiresAt: standing.expires_at };
}

/**
expireIfDue for reads (the customer view, the activity): one unlocked query when nothing is due,
the locking transaction only when something is.
*/
export async function expireIfDueNow(db: Database, store: Store, customerId: string, now: Date): Promise<ExpiryStanding | undefined> {
	const months = expiryMonths(store);
	if (!months) return undefined;
	const [standing] = await db.query<{ balance: number; expires_at: string | null }>(STANDING_SQL, [customerId, months]);
	const due = standing.balance > 0 && standing.expires_at !== null && Date.parse(standing.expires_at) <= now.getTime();
	if (!due) return { balance: standing.balance, expiresAt: standing.expires_at };
	return db.transaction((tx) => expireIfDue(tx, store, customerId, now));
}

/**
The periodic job: expires the balances that fell due by `now`, in every store with a policy, at most
`limit` customers per run (the rest on the next run), each in its own short transaction. Safe to
run on several replicas at once and again after a crash: each expiry is keyed by its due date.
Returns how many balances it expired.
*/
export async function expireDuePoints(db: Database, stores: { get(key: string): Promise<Store | undefined> }, now: Date, limit = 500) {
	const due = await db.query<{ customer_id: string; store_key: string }>(
		`select c.id::text as customer_id, s.key as store_key
		from stores s join customers c on c.store_id = s.id
		cross join lateral (
			select coalesce(sum(points), 0) as balance, max(created_at) filter (where kind not in ${NOT_ACTIVITY}) as last_activity
			from ledger where customer_id = c.id
		) l
		where s.program ? 'pointsExpiry' and l.balance > 0
			and l.last_activity + make_interval(months => (s.program -> 'pointsExpiry' ->> 'monthsWithoutActivity')::int) <= $1
		order by c.id limit $2`,
		[now.toISOString(), limit],
	);
	let expired = 0;
	for (const { customer_id, store_key } of due) {
		const store = await stores.get(store_key);
		if (!store) continue;
		const standing = await db.transaction((tx) => expireIfDue(tx, store, customer_id, now));
		if (standing?.balance === 0) expired++;
	}
	return expired;
}
