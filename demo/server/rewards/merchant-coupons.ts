import type { components } from '../../../src/api/schema';
import type { Database, Queryable } from '../db/types';
import { ApiError } from '../errors';
import type { LocalizedText } from '../program/definition';
import { localize } from '../program/locale';
import type { Store } from '../program/store';
import { couponStatus, type CouponRow } from './coupon-view';

type MerchantCoupon = components['schemas']['MerchantCoupon'];

interface MerchantCouponRow extends Omit<CouponRow, 'title'> {
	title: LocalizedText;
	customer_external_id: string | null;
	used_order_id: string | null;
}

const MERCHANT_COUPON_SQL = `select k.code, k.source, k.reward_id, k.title, k.kind, k.amount, k.percent, k.product_name, k.min_order_amount,
	k.currency, iso_utc(k.created_at) as created_at, k.status, iso_utc(k.used_at) as used_at, k.used_order_id,
	c.external_id as customer_external_id
from coupons k left join customers c on c.id = k.customer_id`;

function toMerchantCoupon(store: Store, row: MerchantCouponRow): MerchantCoupon {
	const coupon: MerchantCoupon = {
		code: row.code,
		status: couponStatus(row),
		source: row.source,
		rewardId: row.reward_id,
		customerId: row.customer_external_id,
		title: localize(row.title, store.defaultLocale, store.defaultLocale),
		kind: row.kind,
		currency: row.currency,
		createdAt: row.created_at,
		usedAt: row.used_at,
		usedOrderId: row.used_order_id,
	};
	if (row.amount !== null) coupon.amount = row.amount;
	if (row.percent !== null) coupon.percent = row.percent;
	if (row.min_order_amount !== null) coupon.minOrderAmount = row.min_order_amount;
	return coupon;
}

/** A coupon as the merchant's checkout sees it, by its id (inside the transaction that issues it). */
export async function merchantCouponById(tx: Queryable, store: Store, couponId: string): Promise<MerchantCoupon> {
	const [row] = await tx.query<MerchantCouponRow>(`${MERCHANT_COUPON_SQL} where k.id = $1`, [couponId]);
	return toMerchantCoupon(store, row);
}

/** GET …/admin/coupons/{code}: the code in any case; 404 for a code this store never issued. */
export async function getMerchantCoupon(db: Queryable, store: Store, code: string): Promise<MerchantCoupon> {
	const [row] = await db.query<MerchantCouponRow>(`${MERCHANT_COUPON_SQL} where k.store_id = $1 and k.code = $2`, [
		store.id,
		code.toUpperCase(),
	]);
	if (!row) throw new ApiError('not_found', `No coupon ${code}.`);
	return toMerchantCoupon(store, row);
}

/**
POST …/admin/coupons/{code}/use: marks an active code used by `orderId`, under the coupon's row
lock. Again with the same order: the same answer; with another order: 409 coupon_already_used.
*/
export function useMerchantCoupon(db: Database, store: Store, code: string, orderId: string): Promise<MerchantCoupon> {
	return db.transaction(async (tx) => {
		const [row] = await tx.query<MerchantCouponRow>(`${MERCHANT_COUPON_SQL} where k.store_id = $1 and k.code = $2 for update of k`, [
			store.id,
			code.toUpperCase(),
		]);
		if (!row) throw new ApiError('not_found', `No coupon ${code}.`);
		if (row.used_at) {
			if (row.used_order_id === orderId) return toMerchantCoupon(store, row);
			throw new ApiError('coupon_already_used', `Coupon ${row.code} was used by order ${row.used_order_id}.`);
		}
		if (row.status !== 'active') throw new ApiError('coupon_not_active', `Coupon ${row.code} is ${row.status}, not valid at checkout.`);
		const [used] = await tx.query<MerchantCouponRow>(
			`with used as (update coupons set used_at = now(), used_order_id = $3 where store_id = $1 and code = $2 returning *)
			${MERCHANT_COUPON_SQL.replace('from coupons k', 'from used k')}`,
			[store.id, row.code, orderId],
		);
		return toMerchantCoupon(store, used);
	});
}
