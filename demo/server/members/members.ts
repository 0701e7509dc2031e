import type { components } from '../../../src/api/schema';
import { listActivity } from '../activity/list-activity';
import type { Database } from '../db/types';
import { ApiError, invalidField } from '../errors';
import { tierStanding } from '../customers/tier-standing';
import type { Store } from '../program/store';

type Member = components['schemas']['Member'];
type MemberSummary = components['schemas']['MemberSummary'];
type MemberPage = components['schemas']['MemberPage'];
type ActivityPage = components['schemas']['ActivityPage'];

export type MemberSort = 'points' | 'lastActivity' | 'memberSince';

interface MemberRow {
	id: string;
	external_id: string;
	email: string;
	referral_code: string;
	balance: number;
	lifetime: number;
	redeemed: number;
	orders_count: number;
	spent: string;
	last_activity_at: string | null;
	member_since: string;
}

// One row per member with their points, orders and last activity. Orders count as in the insights:
// cancelled and fully refunded ones are left out, and spend is net of refunds.
const MEMBERS = `
	select c.id::text as id, c.external_id, c.email, c.referral_code, iso_utc(c.created_at) as member_since,
		coalesce(l.balance, 0)::int as balance, coalesce(l.lifetime, 0)::int as lifetime, coalesce(l.redeemed, 0)::int as redeemed,
		coalesce(o.orders_count, 0)::int as orders_count, coalesce(o.spent, 0)::text as spent,
		iso_utc(greatest(l.last_entry, o.last_order)) as last_activity_at,
		greatest(l.last_entry, o.last_order) as last_activity, coalesce(l.balance, 0) as points
	from customers c
	left join lateral (
		select sum(points) as balance, sum(points) filter (where kind <> 'redemption') as lifetime,
			-sum(points) filter (where kind = 'redemption') as redeemed, max(created_at) as last_entry
		from ledger where customer_id = c.id
	) l on true
	left join lateral (
		select count(*) filter (where cancelled_at is null and refunded_amount < subtotal) as orders_count,
			sum(subtotal - refunded_amount) filter (where cancelled_at is null and refunded_amount < subtotal) as spent,
			max(coalesce(placed_at, received_at)) as last_order
		from orders where store_id = c.store_id and customer_id = c.id
	) o on true
	where c.store_id = $1`;

const SORT_COLUMNS: Record<MemberSort, string> = { points: 'points', lastActivity: 'last_activity', memberSince: 'c.created_at' };

function toSummary(store: Store, row: MemberRow, locale: string): MemberSummary {
	const lifetimePoints = Math.max(0, row.lifetime);
	return {
		id: row.external_id,
		email: row.email,
		balance: row.balance,
		lifetimePoints,
		tier: (({ key, name }) => ({ key, name }))(tierStanding(store, lifetimePoints, locale).tier),
		ordersCount: row.orders_count,
		spent: Number(row.spent),
		currency: store.currency,
		lastActivityAt: row.last_activity_at,
		memberSince: row.member_since,
	};
}

function decodeOffset(cursor: string): number {
	const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
	if (!Number.isInteger(offset) || offset < 1) throw invalidField('query', '/cursor', 'is not a cursor this API returned');
	return offset;
}

/** Escapes LIKE's wildcards so `q` matches literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
One page of members matching `q` (a substring of the email or customer id, any case), sorted by
`sort` then customer id. The cursor is the offset of the next page: members may move between pages
as they earn points, which a console listing tolerates.
*/
export async function listMembers(
	db: Database,
	store: Store,
	options: { q?: string; sort: MemberSort; order: 'asc' | 'desc'; cursor?: string; limit: number; locale: string },
): Promise<MemberPage> {
	const offset = options.cursor ? decodeOffset(options.cursor) : 0;
	const pattern = options.q ? `%${literal(options.q.toLowerCase())}%` : null;
	const filter = `($2::text is null or lower(c.email) like $2 or lower(c.external_id) like $2)`;
	const direction = options.order === 'asc' ? 'asc nulls first' : 'desc nulls last';
	const [rows, [{ total }]] = await Promise.all([
		db.query<MemberRow>(
			`${MEMBERS} and ${filter} order by ${SORT_COLUMNS[options.sort]} ${direction}, c.external_id ${options.order} limit $3 offset $4`,
			[store.id, pattern, options.limit + 1, offset],
		),
		db.query<{ total: number }>(`select count(*)::int as total from customers c where c.store_id = $1 and ${filter}`, [store.id, pattern]),
	]);
	const page = rows.slice(0, options.limit);
	return {
		locale: options.locale,
		items: page.map((row) => toSummary(store, row, options.locale)),
		total,
		nextCursor: rows.length > options.limit ? Buffer.from(String(offset + options.limit)).toString('base64url') : null,
	};
}

async function findMember(db: Database, store: Store, customerId: string): Promise<MemberRow> {
	const [row] = await db.query<MemberRow>(`${MEMBERS} and c.external_id = $2`, [store.id, customerId]);
	if (!row) throw new ApiError('not_found', `No member ${customerId} in store ${store.key}.`);
	return row;
}

/** One member with their points, orders and referrals; 404 for a customer the program does not know. */
export async function readMember(db: Database, store: Store, customerId: string, locale: string): Promise<Member> {
	const row = await findMember(db, store, customerId);
	const [{ claimed }] = await db.query<{ claimed: number }>('select count(*)::int as claimed from referral_claims where referrer_id = $1', [
		row.id,
	]);
	return { ...toSummary(store, row, locale), pointsRedeemed: row.redeemed, referralCode: row.referral_code, referralsClaimed: claimed };
}

/** A member's ledger as the shopper sees it in their activity; 404 (and no enrolment) for an unknown customer. */
export async function listMemberLedger(
	db: Database,
	store: Store,
	customerId: string,
	options: { cursor?: string; limit: number; locale: string },
): Promise<ActivityPage> {
	const row = await findMember(db, store, customerId);
	return listActivity(db, store, { customerId: row.external_id, email: row.email }, options);
}
