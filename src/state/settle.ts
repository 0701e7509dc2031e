import type { ApiError } from '../api/errors';

/**
Sends an action until its outcome is known. No answer, or a server failure, may hide a success,
so the action goes again: once the browser is back online if it is offline (for as long as that
takes), else once more at once; `again` tells `send` which. Only for actions that are safe to
repeat: earn claims (the server awards a rule once) and redemptions (one Idempotency-Key each).
*/
export async function settle<T>(send: (again: boolean) => Promise<T>): Promise<T> {
	for (let again = false; ; again = true) {
		try {
			return await send(again);
		} catch (error) {
			const { status } = error as ApiError;
			if ((status && status < 500) || (again && navigator.onLine)) throw error;
			if (!navigator.onLine) await new Promise((online) => addEventListener('online', online, { once: true }));
		}
	}
}
