import type { ApiClient } from '../api/client';
import type { ApiError } from '../api/errors';
import { restore, save } from './saved';
import { settle } from './settle';

// randomUUID exists only in secure contexts; a plain-http storefront still gets a unique enough key.
const newKey = () => crypto.randomUUID?.() ?? Math.random().toString(36).slice(2) + Date.now();

/**
Redemptions that never spend twice. One Idempotency-Key per attempt: a double click joins the
request in flight, and "Try again" after a timeout or a network error reuses the key, so the
server answers with the first outcome. A definite answer (success, or a refusal) ends the attempt.

Unfinished attempts are kept in sessionStorage under `savedAs()` (per store and shopper), so that
after a reload `unfinished()` lists them to be asked again with the same key: the shopper gets the
first attempt's coupon, never a second debit.
*/
export function createRedemptions(api: ApiClient, savedAs = (): string | undefined => undefined) {
	// Attempt (JSON of [rewardId, points]) → key, per shopper. Memory comes first, so a storage
	// that is full or blocked never loses a key while the page lives.
	const keys: Record<string, Record<string, string>> = {};
	const mine = () => (keys[savedAs() ?? ''] ||= restore(savedAs(), {}, Infinity, 'sessionStorage') ?? {});
	const inFlight: Record<string, ReturnType<ApiClient['redeem']>> = {};
	return {
		redeem(rewardId: string, points?: number) {
			const pending = mine();
			const attempt = JSON.stringify([rewardId, points]);
			const key = (pending[attempt] ||= newKey());
			const end = () => {
				delete pending[attempt];
				save(savedAs(), pending, 'sessionStorage');
			};
			save(savedAs(), pending, 'sessionStorage');
			return (inFlight[key] ||= settle(() => api.redeem({ rewardId, points }, key))
				.then(
					(result) => (end(), result),
					(error: ApiError) => {
						// No answer, or the server failed: the debit may have happened, so keep the key.
						if (error.status && error.status < 500) end();
						throw error;
					},
				)
				.finally(() => delete inFlight[key]));
		},
		/** Attempts a reload interrupted, as [rewardId, points]. */
		unfinished: () =>
			Object.keys(mine()).map((attempt): [string, number | undefined] => {
				// JSON keeps a missing points as null, which would change the request's body.
				const [rewardId, points] = JSON.parse(attempt);
				return [rewardId, points ?? undefined];
			}),
	};
}
