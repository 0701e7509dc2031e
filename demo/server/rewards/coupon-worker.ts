import type { Database } from '../db/types';
import type { StoreDirectory } from '../program/store';
import { finishPendingCoupon } from './issue-coupon';
import { DEFAULT_ISSUING_LIMITS, type IssuingLimits } from './issuers/issuer';
import { deliverCouponWebhook } from './issuers/webhook';

export interface CouponWorkerOptions {
	/** How often the worker looks for work. Default 1 s. */
	pollMs: number;
	/** A pending coupon older than this is taken as orphaned (its request died) and finished here. Default 60 s. */
	stalePendingMs: number;
	/** Shopify call limits. */
	issuing: IssuingLimits;
	/** First retry delay of a webhook; doubles per attempt up to maxDelayMs. Default 2 s. */
	webhookBaseDelayMs: number;
	/** Default 1 h. */
	webhookMaxDelayMs: number;
	/** Attempts before an event is parked (kept, last_error set, not retried). Default 30 (about 20 hours). */
	webhookMaxAttempts: number;
	/** One delivery attempt. Default 10 s. */
	webhookTimeoutMs: number;
	/** Events and pending coupons handled per round, at most, all at once. Default 10. */
	batchSize: number;
}

export const DEFAULT_COUPON_WORKER: CouponWorkerOptions = {
	pollMs: 1_000,
	stalePendingMs: 60_000,
	issuing: DEFAULT_ISSUING_LIMITS,
	webhookBaseDelayMs: 2_000,
	webhookMaxDelayMs: 3_600_000,
	webhookMaxAttempts: 30,
	webhookTimeoutMs: 10_000,
	batchSize: 10,
};

interface OutboxRow {
	id: string;
	store_key: string;
	event_id: string;
	body: string;
	attempts: number;
}

/**
The coupon worker, one per server: delivers queued `coupon.issued` webhooks with exponential
backoff, and finishes Shopify coupons left pending by a request that died (a crash between the
debit and the platform's answer). Rows are leased by pushing next_attempt_at ahead rather than
held in a transaction, so replicas can share the work and the database is never held during a
call. Bounded: one round at a time, `batchSize` items per round.
*/
export function startCouponWorker(db: Database, stores: StoreDirectory, options: CouponWorkerOptions) {
	let stopped = false;

	const deliverEvents = async () => {
		const due = await db.query<OutboxRow>(
			`update coupon_webhook_outbox o set next_attempt_at = now() + interval '5 minutes'
			from stores s
			where s.id = o.store_id and o.id in (
				select id from coupon_webhook_outbox where delivered_at is null and next_attempt_at <= now() order by next_attempt_at limit $1
			)
			returning o.id::text as id, s.key as store_key, o.event_id, o.body, o.attempts`,
			[options.batchSize],
		);
		await Promise.all(
			due.map(async (event) => {
				try {
					const store = await stores.get(event.store_key);
					if (!store?.definition.couponWebhook) throw new Error('the store has no couponWebhook any more');
					await deliverCouponWebhook(store.definition.couponWebhook, event.event_id, event.body, options.webhookTimeoutMs);
					await db.query(
						'update coupon_webhook_outbox set delivered_at = now(), attempts = attempts + 1, last_error = null where id = $1',
						[event.id],
					);
				} catch (error) {
					const attempts = event.attempts + 1;
					const delayMs =
						Math.min(options.webhookMaxDelayMs, options.webhookBaseDelayMs * 2 ** (attempts - 1)) * (0.8 + Math.random() * 0.4);
					await db.query(
						`update coupon_webhook_outbox set attempts = $2::int, last_error = $3,
							next_attempt_at = case when $4::boolean then 'infinity'::timestamptz else now() + make_interval(secs => $5::float8) end
						where id = $1`,
						[event.id, attempts, String((error as Error).message).slice(0, 500), attempts >= options.webhookMaxAttempts, delayMs / 1000],
					);
				}
			}),
		);
	};

	const finishOrphans = async () => {
		const pending = await db.query<{ code: string; store_key: string }>(
			`select k.code, s.key as store_key from coupons k join stores s on s.id = k.store_id
			where k.status = 'pending' and k.created_at <= now() - make_interval(secs => $1::float8) order by k.created_at limit $2`,
			[options.stalePendingMs / 1000, options.batchSize],
		);
		await Promise.all(
			pending.map(async ({ code, store_key }) => {
				const store = await stores.get(store_key);
				if (store) await finishPendingCoupon(db, store, code, options.issuing);
			}),
		);
	};

	const tick = async () => {
		try {
			await finishOrphans();
			await deliverEvents();
		} catch (error) {
			if (!stopped) console.error('[rewards] coupon worker:', (error as Error).message);
		}
	};

	let busy: Promise<void> | undefined;
	// One round at a time: a slow platform never piles rounds up.
	const run = (): Promise<void> => {
		busy ??= tick().finally(() => {
			busy = undefined;
		});
		return busy;
	};
	void run();
	const timer = setInterval(() => void run(), options.pollMs);
	timer.unref();

	return {
		/** Runs one round now, or waits for the one in progress. */
		runOnce: run,
		/** Stops polling and waits for the round in progress. */
		async stop(): Promise<void> {
			stopped = true;
			clearInterval(timer);
			await busy;
		},
	};
}

export type CouponWorker = ReturnType<typeof startCouponWorker>;
