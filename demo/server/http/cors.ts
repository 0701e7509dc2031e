import type { Store } from '../program/store';

const ALLOWED_HEADERS = 'Authorization, Idempotency-Key, Content-Type, Accept-Language';
const EXPOSED_HEADERS = 'Retry-After, Content-Language';

/**
Whether a browser page at `origin` may call `store`: the store's configured origins plus the
server-wide ones (REWARDS_ALLOWED_ORIGINS); `*` there allows any (tests only).
*/
export function isOriginAllowed(origin: string, store: Store | undefined, serverOrigins: readonly string[]): boolean {
	if (serverOrigins.includes('*')) return true;
	return serverOrigins.includes(origin) || Boolean(store?.allowedOrigins.includes(origin));
}

/** Headers that let the allowed `origin` read a response. */
export function corsHeaders(origin: string): Record<string, string> {
	return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS, Vary: 'Origin' };
}

/** Headers answering a preflight from the allowed `origin` for a path serving `methods`. */
export function preflightHeaders(origin: string, methods: string[]): Record<string, string> {
	return {
		...corsHeaders(origin),
		'Access-Control-Allow-Methods': methods.join(', '),
		'Access-Control-Allow-Headers': ALLOWED_HEADERS,
		'Access-Control-Max-Age': '600',
	};
}
