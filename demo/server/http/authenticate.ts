import { fullFormats } from 'ajv-formats/dist/formats';
import { errors, jwtVerify } from 'jose';
import type { CustomerIdentity } from '../customers/identity';
import type { Store } from '../program/store';
import { MAX_TOKEN_TTL_SECONDS } from '../token';
import { ApiError } from '../errors';

const CLOCK_SKEW_SECONDS = 30;
// The contract's `format: email` (ajv-formats, full mode), so every email the API shows matches it.
const EMAIL = fullFormats.email as RegExp;
const VERIFIED_CACHE_SIZE = 10_000;

// A widget sends the same token for up to an hour; verifying it once per store object (the
// directory refreshes stores, so a rotated secret is picked up) saves the HMAC and JSON work on
// every later request. Only successes are cached, and their expiry is still checked each time.
const verified = new WeakMap<Store, Map<string, { identity: CustomerIdentity; exp: number }>>();

export function expired(message = 'The customer token has expired.'): ApiError {
	return new ApiError('token_expired', message, undefined, {
		'WWW-Authenticate': `Bearer error="invalid_token", error_description="expired"`,
	});
}

export function invalid(message: string): ApiError {
	return new ApiError('invalid_token', message, undefined, { 'WWW-Authenticate': `Bearer error="invalid_token"` });
}

/**
Verifies `Authorization: Bearer <jwt>` for `store`: HS256 only (so `none` and RS/HS confusion
fail), signed with the store secret, audience = the store key, not expired, and living at most an
hour. Answers 401 `token_expired` or `invalid_token`.
*/
export async function authenticate(authorization: string | undefined, store: Store): Promise<CustomerIdentity> {
	const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
	if (!token) throw invalid('A customer token is required: Authorization: Bearer <token>.');
	let cache = verified.get(store);
	if (!cache) verified.set(store, (cache = new Map()));
	const hit = cache.get(token);
	if (hit) {
		if (hit.exp + CLOCK_SKEW_SECONDS < Date.now() / 1000) throw expired();
		return hit.identity;
	}
	const checked = await verifyToken(token, store);
	if (cache.size >= VERIFIED_CACHE_SIZE) cache.delete(cache.keys().next().value!);
	cache.set(token, checked);
	return checked.identity;
}

async function verifyToken(token: string, store: Store): Promise<{ identity: CustomerIdentity; exp: number }> {
	let payload;
	try {
		({ payload } = await jwtVerify(token, store.signingKey, {
			algorithms: ['HS256'],
			audience: store.key,
			requiredClaims: ['sub', 'exp'],
			clockTolerance: CLOCK_SKEW_SECONDS,
		}));
	} catch (error) {
		if (error instanceof errors.JWTExpired) throw expired();
		throw invalid('The customer token is not valid for this store.');
	}
	const now = Math.floor(Date.now() / 1000);
	const lifetime = payload.iat === undefined ? payload.exp! - now : payload.exp! - payload.iat;
	if (payload.exp! - now > MAX_TOKEN_TTL_SECONDS + CLOCK_SKEW_SECONDS || lifetime > MAX_TOKEN_TTL_SECONDS) {
		throw invalid(`Customer tokens may live at most ${MAX_TOKEN_TTL_SECONDS} seconds.`);
	}
	const { sub, email } = payload;
	if (!isCustomerId(sub)) throw invalid('The token subject must be a customer id of 1–128 characters.');
	if (!isEmail(email)) throw invalid('The token must carry the customer’s email.');
	return { identity: { customerId: sub, email }, exp: payload.exp! };
}

/** A merchant's customer id as every way of identifying a shopper takes it: 1–128 characters, no control characters. */
export function isCustomerId(id: unknown): id is string {
	return typeof id === 'string' && id.length > 0 && id.length <= 128 && !/[\u0000-\u001f]/.test(id);
}

/** An email of the contract's `format: email`, at most 254 characters. */
export function isEmail(email: unknown): email is string {
	return typeof email === 'string' && email.length <= 254 && EMAIL.test(email);
}
