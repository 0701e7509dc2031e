import type { ApiClient } from '../api/client';
import type { ApiError } from '../api/errors';

// randomUUID exists only in secure contexts; a plain-http storefront still gets a unique enough key.
const newKey = () => crypto.randomUUID?.() ?? Math.random().toString(36).slice(2) + Date.now();

/**
Redemptions that never spend twice. One Idempotency-Key per attempt: a double click joins the
request in flight, and "Try again" after a timeout or a network error reuses the key, so the
server answers with the first outcome. A definite answer (success, or a refusal) ends the attempt.
*/
export function createRedemptions(api: ApiClient) {
	const keys: Record<string, string> = {};
	const inFlight: Record<string, ReturnType<ApiClient['redeem']>> = {};
	return {
		redeem(rewardId: string, points?: number) {
			const attempt = `${rewardId}:${points}`;
			const key = (keys[attempt] ||= newKey());
			return (inFlight[attempt] ||= api
				.redeem({ rewardId, points }, key)
				.then(
					(result) => {
						delete keys[attempt];
						return result;
					},
					(error: ApiError) => {
						// No answer, or the server failed: the debit may have happened, so keep the key.
						if (error.status && error.status < 500) delete keys[attempt];
						throw error;
					},
				)
				.finally(() => delete inFlight[attempt]));
		},
	};
}
