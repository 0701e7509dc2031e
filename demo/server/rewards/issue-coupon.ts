import { randomBytes } from 'node:crypto';
import type { components } from '../../../src/api/schema';
import type { Database, Queryable } from '../db/types';
import { ApiError } from '../errors';
import { refusal, type StoredResponse } from '../idempotency';
import type { LocalizedText } from '../program/definition';
import { localize } from '../program/locale';
import type { Store } from '../program/store';
import { CouponPlatformUnavailableError, CouponRefusedError, type IssuingLimits } from './issuers/issuer';
import { createShopifyIssuer } from './issuers/shopify';
import { merchantCouponById } from './merchant-coupons';

type RedemptionResult = components['schemas']['RedemptionResult'];

/** Where a store's codes must exist for its checkout to accept them. */
export type CouponPlatform = 'shopify' | 'webhook' | null;

/**
Shopify (with an Admin API token) creates each code through the Admin API before it is shown;
a coupon webhook announces codes to the merchant's own checkout; a store with neither keeps codes
in this API only (its checkout looks them up through the merchant endpoint).
*/
export function couponPlatformOf(store: Store): CouponPlatform {
	if (store.definition.shopify?.adminAccessToken) return 'shopify';
	if (store.definition.couponWebhook) return 'webhook';
	return null;
}

/** The coupon row's initial state: `pending` until Shopify confirms; usable at once otherwise. */
export function initialCouponState(store: Store): { status: 'pending' | 'active'; platform: CouponPlatform } {
	const platform = couponPlatformOf(store);
	return { status: platform === 'shopify' ? 'pending' : 'active', platform };
}

/**
In the transaction that issues a coupon: for a webhook store, queues its `coupon.issued` event in
the outbox, so the event commits with the coupon or not at all and the worker delivers it.
*/
export async function announceCoupon(tx: Queryable, store: Store, couponId: string): Promise<void> {
	if (couponPlatformOf(store) !== 'webhook') return;
	const eventId = `evt_${randomBytes(12).toString('hex')}`;
	const coupon = await merchantCouponById(tx, store, couponId);
	const body = JSON.stringify({
		id: eventId,
		type: 'coupon.issued',
		createdAt: new Date().toISOString(),
		storeKey: store.key,
		data: { coupon },
	});
	await tx.query('insert into coupon_webhook_outbox (store_id, coupon_id, event_id, body) values ($1, $2, $3, $4)', [
		store.id,
		couponId,
		eventId,
		body,
	]);
}

interface PendingRow {
	id: string;
	code: string;
	status: 'pending' | 'active' | 'failed';
	kind: components['schemas']['CouponKind'];
	amount: number | null;
	percent: number | null;
	min_order_amount: number | null;
	currency: string;
	title: LocalizedText;
	reward_id: string;
	idempotency_key: string | null;
	customer_id: string;
	customer_external_id: string;
	debit: number;
}

async function storedResponse(db: Queryable, customerId: string, key: string | null): Promise<StoredResponse | undefined> {
	if (key === null) return undefined;
	const [row] = await db.query<StoredResponse>('select status, body from idempotency_keys where customer_id = $1 and key = $2', [
		customerId,
		key,
	]);
	return row;
}

/** Pending → active, and the stored redemption response says so. Only the first of concurrent finishers changes anything. */
async function confirm(db: Database, coupon: PendingRow, platformId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const changed = await tx.query(
			"update coupons set status = 'active', platform_id = $2, platform_error = null where id = $1 and status = 'pending' returning id",
			[coupon.id, platformId],
		);
		if (!changed.length || coupon.idempotency_key === null) return;
		const stored = await storedResponse(tx, coupon.customer_id, coupon.idempotency_key);
		if (!stored || stored.status !== 201) return;
		const body = JSON.parse(stored.body) as RedemptionResult;
		body.coupon.status = 'active';
		await tx.query('update idempotency_keys set body = $3 where customer_id = $1 and key = $2', [
			coupon.customer_id,
			coupon.idempotency_key,
			JSON.stringify(body),
		]);
	});
}

/**
Pending → failed: appends the entry that gives the points back (its dedupe key makes it one at
most) and stores the refusal as the redemption's answer, all in one transaction.
*/
async function compensate(db: Database, store: Store, coupon: PendingRow, error: ApiError, reason: string): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.query('select id from customers where id = $1 for update', [coupon.customer_id]);
		const changed = await tx.query(
			"update coupons set status = 'failed', platform_error = $2 where id = $1 and status = 'pending' returning id",
			[coupon.id, reason.slice(0, 500)],
		);
		if (!changed.length) return;
		const title = localize(coupon.title, store.defaultLocale, store.defaultLocale);
		await tx.query(
			`insert into ledger (customer_id, points, kind, reward_id, note, dedupe_key) values ($1, $2, 'adjustment', $3, $4, $5)
			on conflict (customer_id, dedupe_key) do nothing`,
			[
				coupon.customer_id,
				-coupon.debit,
				coupon.reward_id,
				`${title}: the shop could not create the code, so the points are back.`,
				`coupon-refund:${coupon.id}`,
			],
		);
		if (coupon.idempotency_key !== null) {
			const response = refusal(error);
			await tx.query('update idempotency_keys set status = $3, body = $4 where customer_id = $1 and key = $2', [
				coupon.customer_id,
				coupon.idempotency_key,
				response.status,
				response.body,
			]);
		}
	});
}

/**
Finishes a pending coupon: creates its code on Shopify (the same code every time, so a retry after
a crash or a lost answer cannot make a second one), then confirms it, or gives the points back
when Shopify refuses or stays unreachable. Answers the redemption's stored response afterwards.
An unexpected error (a bug, the database gone) leaves it pending for the worker.
*/
export async function finishPendingCoupon(
	db: Database,
	store: Store,
	code: string,
	limits: IssuingLimits,
): Promise<StoredResponse | undefined> {
	const [coupon] = await db.query<PendingRow>(
		`select k.id::text as id, k.code, k.status, k.kind, k.amount, k.percent, k.min_order_amount, k.currency, k.title, k.reward_id,
			k.idempotency_key, k.customer_id::text as customer_id, c.external_id as customer_external_id, l.points as debit
		from coupons k join customers c on c.id = k.customer_id join ledger l on l.id = k.ledger_entry_id
		where k.store_id = $1 and k.code = $2`,
		[store.id, code],
	);
	if (!coupon) return undefined;
	if (coupon.status === 'pending' && store.definition.shopify) {
		await db.query('update coupons set platform_attempts = platform_attempts + 1 where id = $1', [coupon.id]);
		const title = localize(coupon.title, store.defaultLocale, store.defaultLocale);
		try {
			const issued = await createShopifyIssuer(store.definition.shopify, limits).issue({
				code: coupon.code,
				kind: coupon.kind,
				amount: coupon.amount,
				percent: coupon.percent,
				minOrderAmount: coupon.min_order_amount,
				currency: coupon.currency,
				minorUnitsPerUnit: store.minorUnitsPerUnit,
				title: `${title} · ${coupon.code}`,
				customerId: coupon.customer_external_id,
			});
			await confirm(db, coupon, issued.platformId);
		} catch (error) {
			if (error instanceof CouponRefusedError) {
				await compensate(
					db,
					store,
					coupon,
					new ApiError('coupon_refused', 'The shop refused to create this discount code; no points were spent.'),
					error.message,
				);
			} else if (error instanceof CouponPlatformUnavailableError) {
				await compensate(
					db,
					store,
					coupon,
					new ApiError(
						'coupon_platform_unavailable',
						'The shop could not be reached to create this discount code; no points were spent. Try again later.',
					),
					error.message,
				);
			} else throw error;
		}
	}
	return storedResponse(db, coupon.customer_id, coupon.idempotency_key);
}

/** After the redemption's transaction: a response whose coupon is still pending is finished on the platform first. */
export async function settleRedemption(
	db: Database,
	store: Store,
	response: StoredResponse,
	limits: IssuingLimits,
): Promise<StoredResponse> {
	if (response.status !== 201) return response;
	const { coupon } = JSON.parse(response.body) as RedemptionResult;
	if (coupon.status !== 'pending') return response;
	return (await finishPendingCoupon(db, store, coupon.code, limits)) ?? response;
}
