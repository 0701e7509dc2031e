import type { components } from '../../../src/api/schema';
import type { LocalizedText } from '../program/definition';
import { localize } from '../program/locale';
import type { Store } from '../program/store';

type Coupon = components['schemas']['Coupon'];

/** A coupons row (or the same keys from json_build_object). */
export interface CouponRow {
	code: string;
	source: Coupon['source'];
	reward_id: string | null;
	title: LocalizedText;
	kind: Coupon['kind'];
	amount: number | null;
	percent: number | null;
	product_name: LocalizedText | null;
	min_order_amount: number | null;
	currency: string;
	created_at: string;
	/** `pending`, `active` or `failed`; `used` is read from used_at. */
	status: 'pending' | 'active' | 'failed';
	used_at: string | null;
}

export const COUPON_COLUMNS = `code, source, reward_id, title, kind, amount, percent, product_name, min_order_amount, currency, iso_utc(created_at) as created_at,
	status, iso_utc(used_at) as used_at`;

/** SQL building the same object as COUPON_COLUMNS for a coupons row aliased `k`. */
export const COUPON_JSON = `json_build_object('code', k.code, 'source', k.source, 'reward_id', k.reward_id, 'title', k.title, 'kind', k.kind,
	'amount', k.amount, 'percent', k.percent, 'product_name', k.product_name, 'min_order_amount', k.min_order_amount,
	'currency', k.currency, 'created_at', iso_utc(k.created_at), 'status', k.status, 'used_at', iso_utc(k.used_at))`;

/** The contract's status: `used` once an order used it, else the stored one. */
export function couponStatus(row: Pick<CouponRow, 'status' | 'used_at'>): Coupon['status'] & string {
	return row.used_at ? 'used' : row.status;
}

/** A coupon as the API shows it, its texts in `locale`. */
export function couponView(store: Store, row: CouponRow, locale: string): Coupon {
	const coupon: Coupon = {
		code: row.code,
		source: row.source,
		rewardId: row.reward_id,
		title: localize(row.title, locale, store.defaultLocale),
		kind: row.kind,
		currency: row.currency,
		createdAt: row.created_at,
		status: couponStatus(row),
	};
	if (row.amount !== null) coupon.amount = row.amount;
	if (row.percent !== null) coupon.percent = row.percent;
	if (row.product_name !== null) coupon.productName = localize(row.product_name, locale, store.defaultLocale);
	if (row.min_order_amount !== null) coupon.minOrderAmount = row.min_order_amount;
	if (row.used_at !== null) coupon.usedAt = row.used_at;
	return coupon;
}
