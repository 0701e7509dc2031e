import type { ApiError } from '../api/errors';
import { restore, save } from './saved';
import { settle } from './settle';

// randomUUID exists only in secure contexts; a plain-http storefront still gets a unique enough key.
const newKey = () => crypto.randomUUID?.() ?? Math.random().toString(36).slice(2) + Date.now();

/**
Actions that never act twice (redemptions, referral claims): `send` goes with one
Idempotency-Key per attempt, an attempt being the action's arguments. A double click joins the
request in flight, and "Try again" after a timeout or a network error reuses the key, so the
server answers with the first outcome. A definite answer (success, or a refusal) ends the attempt.

Unfinished attempts are kept in sessionStorage under `savedAs()` (per store, and per shopper
where there is one), so that after a reload the same attempt goes with the same key: the shopper
gets the first attempt's outcome, never a second one. `unfinished()` lists them, to ask again.
*/
export function idempotent<A extends unknown[], R>(send: (key: string, ...args: A) => Promise<R>, savedAs: () => string | undefined) {
	// Attempt (JSON of the arguments) → key, per place. Memory comes first, so a storage that is
	// full or blocked never loses a key while the page lives.
	const keys: Record<string, Record<string, string>> = {};
	const mine = () => (keys[savedAs() ?? ''] ||= restore(savedAs(), {}, Infinity, 'sessionStorage') ?? {});
	const inFlight: Record<string, Promise<R>> = {};
	return {
		send(...args: A) {
			const pending = mine();
			const attempt = JSON.stringify(args);
			const key = (pending[attempt] ||= newKey());
			const end = () => {
				delete pending[attempt];
				save(savedAs(), pending, 'sessionStorage');
			};
			save(savedAs(), pending, 'sessionStorage');
			return (inFlight[key] ||= settle(() => send(key, ...args))
				.then(
					(result) => {
						end();
						return result;
					},
					(error: ApiError) => {
						// No answer, or the server failed: the action may have happened, so keep the key.
						if (error.status && error.status < 500) end();
						throw error;
					},
				)
				.finally(() => delete inFlight[key]));
		},
		/** Attempts a reload interrupted, as their arguments (JSON turns a missing one into null). */
		unfinished: () => Object.keys(mine()).map((attempt): A => JSON.parse(attempt)),
	};
}
