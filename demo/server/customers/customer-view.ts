import type { components } from '../../../src/api/schema';
import type { Database } from '../db/types';
import type { Store } from '../program/store';
import { COUPON_JSON, couponView, type CouponRow } from '../rewards/coupon-view';
import { birthdayLockedUntil, birthdayRewardDue } from './birthday-rules';
import type { CustomerIdentity } from './identity';
import { toSafeInteger } from './points-limits';
import { customerColumns, enrol, type CustomerRow } from './repository';
import { tierStanding } from './tier-standing';
import { expireIfDueNow, expiringPointsOf } from '../points/expiry';

type Customer = components['schemas']['Customer'];

interface ViewRow extends CustomerRow {
	/** bigint sums: strings from pg, numbers or bigints from PGlite. */
	balance: string | number;
	lifetime: string | number;
	completed: string[];
	birthday_awarded: boolean;
	coupons: CouponRow[];
}

/** How long a used coupon stays in the shopper's list, marked used ("Used on March 3"). */
const USED_COUPONS_SHOWN_DAYS = 90;

// Everything the view needs in one statement (one scan of the customer's ledger): this is the
// hottest read of the API.
const VIEW_SQL = `
select ${customerColumns('c.')},
	l.balance, l.lifetime, l.completed, l.birthday_awarded,
	coalesce((select json_agg(${COUPON_JSON} order by k.used_at is not null, k.id desc) from coupons k
		where k.customer_id = c.id and k.status = 'active' and (k.used_at is null or k.used_at > $4::timestamptz - interval '${USED_COUPONS_SHOWN_DAYS} days')), '[]') as coupons
from customers c
cross join lateral (
	select coalesce(sum(points), 0)::bigint as balance,
		coalesce(sum(points) filter (where kind not in ('redemption', 'expiry') and coalesce(dedupe_key, '') not like 'coupon-refund:%'), 0)::bigint as lifetime,
		coalesce(json_agg(rule_key order by id) filter (where dedupe_key like 'action:%'), '[]') as completed,
		coalesce(bool_or(dedupe_key = $3), false) as birthday_awarded
	from ledger where customer_id = c.id
) l
where c.store_id = $1 and c.external_id = $2`;

function toView(store: Store, row: ViewRow, locale: string, expiringPoints: Customer['expiringPoints']): Customer {
	const lifetimePoints = Math.max(0, toSafeInteger(row.lifetime));
	const setAt = row.birthday_set_at ? new Date(row.birthday_set_at) : null;
	const lockedUntil = setAt ? birthdayLockedUntil(setAt) : null;
	return {
		id: row.external_id,
		email: row.email,
		locale,
		balance: toSafeInteger(row.balance),
		lifetimePoints,
		...tierStanding(store, lifetimePoints, locale),
		birthday:
			row.birthday_month === null || row.birthday_day === null
				? null
				: { month: row.birthday_month, day: row.birthday_day, ...(row.birthday_year === null ? {} : { year: row.birthday_year }) },
		birthdayLockedUntil: lockedUntil && lockedUntil.getTime() > Date.now() ? lockedUntil.toISOString() : null,
		referral: {
			code: row.referral_code,
			link: store.definition.referralLinkTemplate.replace('{code}', encodeURIComponent(row.referral_code)),
		},
		completedActions: row.completed,
		coupons: row.coupons.map((coupon) => couponView(store, coupon, locale)),
		memberSince: row.created_at,
		expiringPoints,
	};
}

/**
The signed-in customer's view. Enrols an unknown customer (with the signup award), keeps their
email current, and awards this year's birthday points when they became due: lazily, on read,
and at most once per year thanks to the ledger's unique `birthday:<year>` key.
*/
export async function readCustomer(
	db: Database,
	store: Store,
	identity: CustomerIdentity,
	locale: string,
	now = new Date(),
): Promise<Customer> {
	const birthdayKey = `birthday:${now.getUTCFullYear()}`;
	const load = async () => (await db.query<ViewRow>(VIEW_SQL, [store.id, identity.customerId, birthdayKey, now.toISOString()]))[0];
	let row = await load();
	if (!row) {
		await enrol(db, store, identity);
		row = await load();
	}
	if (row.email !== identity.email) {
		await db.query('update customers set email = $2 where id = $1', [row.id, identity.email]);
		row.email = identity.email;
	}
	const birthdayRule = store.ruleOfKind('birthday');
	if (
		birthdayRule &&
		row.birthday_set_at &&
		!row.birthday_awarded &&
		birthdayRewardDue({ month: row.birthday_month!, day: row.birthday_day!, setAt: new Date(row.birthday_set_at) }, now)
	) {
		await db.query(
			`insert into ledger (customer_id, points, kind, rule_key, year, dedupe_key) values ($1, $2, 'birthday', $3, $4, $5)
			on conflict (customer_id, dedupe_key) do nothing`,
			[row.id, birthdayRule.points, birthdayRule.key, now.getUTCFullYear(), birthdayKey],
		);
		row = await load();
	}
	// Lazily, like the birthday award: the balance expires here if it fell due since the job last ran.
	const standing = await expireIfDueNow(db, store, row.id, now);
	if (standing && standing.balance !== row.balance) row = await load();
	return toView(store, row, locale, standing ? expiringPointsOf(standing) : null);
}
