import { newReferralCode } from '../codes';
import { isUniqueViolation } from '../db/errors';
import type { Database, Queryable, Transaction } from '../db/types';
import type { Store } from '../program/store';
import type { CustomerIdentity } from './identity';
import { expireIfDue } from '../points/expiry';

export interface CustomerRow {
	/** Internal id (bigint as text). */
	id: string;
	external_id: string;
	email: string;
	referral_code: string;
	birthday_month: number | null;
	birthday_day: number | null;
	birthday_year: number | null;
	birthday_set_at: string | null;
	created_at: string;
}

/** The CustomerRow columns, from the customers table or its alias `c` (`prefix` = 'c.'). */
export function customerColumns(prefix = ''): string {
	return `${prefix}id::text as id, ${prefix}external_id as external_id, ${prefix}email as email, ${prefix}referral_code as referral_code,
	${prefix}birthday_month as birthday_month, ${prefix}birthday_day as birthday_day, ${prefix}birthday_year as birthday_year,
	iso_utc(${prefix}birthday_set_at) as birthday_set_at, iso_utc(${prefix}created_at) as created_at`;
}

const REFERRAL_CODE_CONSTRAINT = 'customers_store_id_referral_code_key';

/**
Enrols the customer if the store does not know them yet, awarding the signup rule. Safe under
concurrent first requests: the insert and the signup entry's dedupe key are both unique, so
whoever loses the race changes nothing.
*/
async function insertIfNew(tx: Queryable, store: Store, identity: CustomerIdentity): Promise<void> {
	const [created] = await tx.query<{ id: string }>(
		`insert into customers (store_id, external_id, email, referral_code) values ($1, $2, $3, $4)
		on conflict (store_id, external_id) do nothing returning id::text as id`,
		[store.id, identity.customerId, identity.email, newReferralCode()],
	);
	const signup = store.ruleOfKind('signup');
	if (created && signup) {
		await tx.query(
			`insert into ledger (customer_id, points, kind, rule_key, dedupe_key) values ($1, $2, 'signup', $3, $4)
			on conflict (customer_id, dedupe_key) do nothing`,
			[created.id, signup.points, signup.key, `action:${signup.key}`],
		);
	}
}

/**
Locks the customer's row for the rest of the transaction (FOR UPDATE), enrolling them first if
needed. Every change to a customer's points starts here, so one customer's transactions run one
after another and a balance check cannot be raced.
*/
export async function lockOrEnrol(tx: Queryable, store: Store, identity: CustomerIdentity): Promise<CustomerRow> {
	const select = `select ${customerColumns()} from customers where store_id = $1 and external_id = $2 for update`;
	const [existing] = await tx.query<CustomerRow>(select, [store.id, identity.customerId]);
	// Points that fell due expire before anything moves them (or new activity would save them).
	if (existing) {
		await expireIfDue(tx, store, existing.id, new Date());
		return existing;
	}
	await insertIfNew(tx, store, identity);
	const [row] = await tx.query<CustomerRow>(select, [store.id, identity.customerId]);
	return row;
}

/** Enrols the customer in a transaction of its own (retrying the rare referral-code collision). */
export async function enrol(db: Database, store: Store, identity: CustomerIdentity): Promise<void> {
	await inTransactionRetryingCodes(db, (tx) => insertIfNew(tx, store, identity));
}

/**
Runs `work` in a transaction, retrying it whole (up to 3 times) when a freshly drawn random code
collided with an existing one. With 39+ bits of randomness that is rare, never impossible.
*/
export async function inTransactionRetryingCodes<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction(work);
		} catch (error) {
			const collided = isUniqueViolation(error, REFERRAL_CODE_CONSTRAINT) || isUniqueViolation(error, 'coupons_code_key');
			if (!collided || attempt >= 3) throw error;
		}
	}
}

/** Spendable balance (the ledger's sum) and lifetime points (everything but redemptions and expiry). */
export async function pointsOf(tx: Queryable, customerId: string): Promise<{ balance: number; lifetimePoints: number }> {
	const [row] = await tx.query<{ balance: number; lifetime: number }>(
		`select coalesce(sum(points), 0)::int as balance, coalesce(sum(points) filter (where kind not in ('redemption', 'expiry')), 0)::int as lifetime
		from ledger where customer_id = $1`,
		[customerId],
	);
	return { balance: row.balance, lifetimePoints: Math.max(0, row.lifetime) };
}
