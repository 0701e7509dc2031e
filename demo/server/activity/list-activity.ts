import type { components } from '../../../src/api/schema';
import type { CustomerIdentity } from '../customers/identity';
import { enrol } from '../customers/repository';
import type { Database } from '../db/types';
import { invalidField } from '../errors';
import type { LocalizedText } from '../program/definition';
import { localize } from '../program/locale';
import type { Store } from '../program/store';
import { expireIfDueNow } from '../points/expiry';

type ActivityEntry = components['schemas']['ActivityEntry'];
type ActivityPage = components['schemas']['ActivityPage'];

interface LedgerRow {
	id: string;
	points: number;
	kind: ActivityEntry['kind'];
	rule_key: string | null;
	order_id: string | null;
	order_subtotal: string | null;
	reward_id: string | null;
	reward_title: LocalizedText | null;
	coupon_code: string | null;
	year: number | null;
	friend: string | null;
	note: string | null;
	order_event: 'refunded' | 'cancelled' | null;
	order_name: string | null;
	created_at: string;
}

/** Cursors are opaque to clients: the last entry's id, base64url-encoded. */
export function encodeCursor(id: string): string {
	return Buffer.from(id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
	const id = Buffer.from(cursor, 'base64url').toString('utf8');
	if (!/^[1-9]\d{0,17}$/.test(id)) throw invalidField('query', '/cursor', 'is not a cursor this API returned');
	return id;
}

function toEntry(store: Store, row: LedgerRow, locale: string): ActivityEntry {
	const text = (value: LocalizedText | null | undefined) => (value ? localize(value, locale, store.defaultLocale) : undefined);
	const rule = row.rule_key ? store.rules.get(row.rule_key) : undefined;
	const reference: ActivityEntry['reference'] = {};
	const set = <K extends keyof ActivityEntry['reference']>(key: K, value: ActivityEntry['reference'][K] | null | undefined) => {
		if (value !== null && value !== undefined && value !== '') reference[key] = value;
	};
	set('ruleKey', row.rule_key);
	set('ruleTitle', text(rule?.title));
	set('orderId', row.order_id);
	if (row.order_subtotal !== null) {
		set('orderSubtotal', Number(row.order_subtotal));
		set('currency', store.currency);
	}
	set('rewardId', row.reward_id);
	set('rewardTitle', text(row.reward_title ?? (row.reward_id ? store.rewards.get(row.reward_id)?.title : undefined)));
	set('couponCode', row.coupon_code);
	set('year', row.year);
	set('friend', row.friend);
	set('note', row.note);
	set('orderEvent', row.order_event);
	set('orderName', row.order_name);
	return { id: row.id, points: row.points, kind: row.kind, reference, createdAt: row.created_at };
}

/** One page of the customer's ledger, newest first; enrols an unknown customer like getCustomer does. */
export async function listActivity(
	db: Database,
	store: Store,
	identity: CustomerIdentity,
	options: { cursor?: string; limit: number; locale: string; now?: Date },
): Promise<ActivityPage> {
	const before = options.cursor ? decodeCursor(options.cursor) : null;
	const findCustomer = async () =>
		(
			await db.query<{ id: string }>('select id::text as id from customers where store_id = $1 and external_id = $2', [
				store.id,
				identity.customerId,
			])
		)[0];
	let customer = await findCustomer();
	if (!customer) {
		await enrol(db, store, identity);
		customer = await findCustomer();
	}
	await expireIfDueNow(db, store, customer.id, options.now ?? new Date());
	const rows = await db.query<LedgerRow>(
		`select l.id::text as id, l.points, l.kind, l.rule_key, l.order_id, l.order_subtotal::text as order_subtotal, l.reward_id,
			k.title as reward_title, k.code as coupon_code, l.year, l.friend, l.note, l.order_event, l.order_name, iso_utc(l.created_at) as created_at
		from ledger l left join coupons k on k.ledger_entry_id = l.id
		where l.customer_id = $1 and ($2::bigint is null or l.id < $2::bigint)
		order by l.id desc limit $3`,
		[customer.id, before, options.limit + 1],
	);
	const page = rows.slice(0, options.limit);
	return {
		locale: options.locale,
		items: page.map((row) => toEntry(store, row, options.locale)),
		nextCursor: rows.length > options.limit ? encodeCursor(page[page.length - 1].id) : null,
	};
}
