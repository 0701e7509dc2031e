import ky from 'ky';
import { ApiError, toApiError } from './errors';
import { stringifyJson } from './json';
import { fits, type Shape } from './shape';

export interface HttpOptions {
	/** Base URL of the loyalty API and the store's publishable key, read at request time. */
	config(): { api: string; store: string };
	/** The current customer token; undefined for guests. */
	token(): string | undefined;
	/** The panel's language, sent as Accept-Language so the program's titles come localized. */
	locale(): string;
	/** Called when the server says the token expired; true when a fresh one is in place to retry with. */
	renew(): Promise<boolean>;
	/** Told how each request ended: undefined when it was answered as the contract says. */
	heard?(failure?: ApiError): void;
}

// Exponential backoff with jitter (ky has none built in), so widgets that lost the server together
// do not come back in lockstep. ky itself honours Retry-After on 413, 429 and 503.
const RETRY = {
	limit: 2,
	methods: ['get', 'put', 'post'],
	delay: (attempt: number) => 2 ** attempt * 150 * (1 + Math.random()),
};

/**
The transport every endpoint goes through: a 10 s timeout, retries only for requests that are
safe to repeat, one renewal of an expired token, answers checked against the contract's `shape`,
and failures as ApiError (never ky's errors).
*/
export function createHttp(options: HttpOptions) {
	const call = async <T>(
		method: 'get' | 'post' | 'put',
		path: string,
		shape?: Shape,
		json?: unknown,
		idempotencyKey?: string,
		renewed?: boolean,
	): Promise<T> => {
		const { api, store } = options.config();
		const token = options.token();
		const headers: Record<string, string> = { 'Accept-Language': options.locale() };
		if (token) headers.Authorization = `Bearer ${token}`;
		if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
		const url = `${api.replace(/\/$/, '')}/v1/stores/${encodeURIComponent(store)}/${path}`;
		let text: string;
		try {
			text = await ky(url, {
				method,
				json,
				headers,
				stringifyJson,
				timeout: 10_000,
				// A POST without an Idempotency-Key could act twice, so it is never retried.
				retry: method != 'post' || idempotencyKey ? RETRY : 0,
			}).text();
		} catch (error) {
			const failure = await toApiError(error, { method, url });
			options.heard?.(failure);
			if (failure.code == 'token_expired' && !renewed && (await options.renew()))
				return call(method, path, shape, json, idempotencyKey, true);
			throw failure;
		}
		// An answer cut short, or too big to parse without freezing the page (1 MB), or not of the
		// contract's shape is no answer: status 0, so a redemption keeps its key for the retry.
		let data: unknown;
		try {
			data = text && text.length < 1e6 ? JSON.parse(text) : undefined;
		} catch {}
		const failure =
			shape && !fits(data, shape)
				? new ApiError(
						'invalid_response',
						0,
						`${method.toUpperCase()} ${url} answered outside the contract (cut short, too big or of another shape)`,
					)
				: undefined;
		options.heard?.(failure);
		if (failure) throw failure;
		return data as T;
	};
	return call;
}
