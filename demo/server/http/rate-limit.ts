import { ApiError } from '../errors';

/** Requests per minute allowed unless configured otherwise. */
export const DEFAULT_RATE_LIMIT = { perIpPerMinute: 1200, perCustomerPerMinute: 300 };

/**
Token buckets per key (an IP address, a customer): `perMinute` requests refill evenly over a
minute, so short bursts pass and sustained excess answers 429 with the seconds until the next
request would be allowed. In-memory and per process: behind a load balancer each replica counts
its own share.
*/
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
	const buckets = new Map<string, { tokens: number; updated: number }>();
	const refillPerMs = perMinute / 60_000;
	let lastSweep = now();

	// Full buckets carry no information; dropping them keeps memory bounded by active clients.
	const sweep = (time: number) => {
		if (time - lastSweep < 60_000) return;
		lastSweep = time;
		for (const [key, bucket] of buckets) if (bucket.tokens + (time - bucket.updated) * refillPerMs >= perMinute) buckets.delete(key);
	};

	return {
		/** Takes one request's token for `key`, or throws 429 `rate_limited`. */
		take(key: string) {
			const time = now();
			sweep(time);
			const bucket = buckets.get(key) ?? { tokens: perMinute, updated: time };
			bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * refillPerMs);
			bucket.updated = time;
			buckets.set(key, bucket);
			if (bucket.tokens < 1) {
				const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
				throw new ApiError('rate_limited', 'Too many requests; retry later.', undefined, { 'Retry-After': String(retryAfter) });
			}
			bucket.tokens -= 1;
		},
	};
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
