import type { Session } from './session';

/** A field the server refused, by JSON Pointer into the body (e.g. `/rewards/0/title/en`). */
export interface FieldProblem {
	in: 'body' | 'query' | 'path' | 'header';
	path: string;
	message: string;
}

/** An answer that was not a success: the contract's error body, or a network failure (status 0). */
export class MerchantApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly fields: FieldProblem[] = [],
	) {
		super(message);
		this.name = 'MerchantApiError';
	}
}

export interface Answer<T> {
	data: T;
	headers: Headers;
}

export interface RequestOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	query?: Record<string, string | number | undefined>;
	body?: unknown;
	headers?: Record<string, string>;
	signal?: AbortSignal;
}

/**
Calls the merchant API on this origin (the server that serves the console) with the admin key as
a bearer token. Errors come back as MerchantApiError; `onUnauthorized` hears a refused key.
*/
export function createHttp(session: Session, onUnauthorized: (error: MerchantApiError) => void) {
	return async function request<T>(path: string, options: RequestOptions = {}): Promise<Answer<T>> {
		const url = new URL(path.replace('{storeKey}', encodeURIComponent(session.storeKey)), location.origin);
		for (const [name, value] of Object.entries(options.query ?? {}))
			if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
		const headers: Record<string, string> = { Authorization: `Bearer ${session.adminKey}`, Accept: 'application/json', ...options.headers };
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		let response: Response;
		try {
			response = await fetch(url, {
				method: options.method ?? 'GET',
				headers,
				body: options.body === undefined ? undefined : JSON.stringify(options.body),
				signal: options.signal,
				credentials: 'omit',
				cache: 'no-store',
			});
		} catch (error) {
			if (error instanceof DOMException && error.name === 'AbortError') throw error;
			throw new MerchantApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
		}
		const text = await response.text();
		let data: unknown;
		try {
			data = text ? JSON.parse(text) : undefined;
		} catch {
			data = undefined;
		}
		if (!response.ok) {
			const body = (data as { error?: { code?: string; message?: string; fields?: FieldProblem[] } } | undefined)?.error;
			const error = new MerchantApiError(
				response.status,
				body?.code ?? 'http_error',
				body?.message ?? `The server answered ${response.status}.`,
				body?.fields ?? [],
			);
			if (response.status === 401) onUnauthorized(error);
			throw error;
		}
		return { data: data as T, headers: response.headers };
	};
}

export type Http = ReturnType<typeof createHttp>;
