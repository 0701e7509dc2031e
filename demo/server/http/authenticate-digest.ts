import type { IncomingHttpHeaders } from 'node:http';
import { customerDigestMessage, isCustomerDigest } from '../customers/digest';
import type { CustomerIdentity } from '../customers/identity';
import type { Store } from '../program/store';
import { authenticate, expired, invalid, isCustomerId, isEmail } from './authenticate';

/** How far ahead of the server's clock a digest may say it was issued (the shop's clock may run fast). */
export const DIGEST_FUTURE_SECONDS = 300;
/** How old a digest may be unless the server is told otherwise: a theme renders one per page, and pages are cached. */
export const DEFAULT_DIGEST_MAX_AGE_SECONDS = 86_400;

const FIELDS = ['id', 'email', 'issuedAt', 'digest'] as const;
const FORMAT = 'X-Rewards-Customer must be id=…&email=…&issuedAt=…&digest=… (form-encoded), each of these once.';

/**
Verifies `X-Rewards-Customer: id=…&email=…&issuedAt=…&digest=…` (application/x-www-form-urlencoded,
as URLSearchParams writes it) for `store`: the digest is the lowercase hex HMAC-SHA256 of
`storeKey:id:email:issuedAt` keyed with the store's identity secret, compared in constant time;
then it must be at most `maxAgeSeconds` old (401 `token_expired`) and not more than five minutes
ahead (401 `invalid_token`). A store without an identity secret refuses every digest.
*/
export function authenticateDigest(header: string, store: Store, maxAgeSeconds: number): CustomerIdentity {
	if (!store.identitySecret) throw invalid('This store does not accept signed customers: it has no identity secret.');
	const fields = new URLSearchParams(header);
	// Other fields are ignored: only these four are signed.
	if (FIELDS.some((name) => fields.getAll(name).length !== 1)) throw invalid(FORMAT);
	const [id, email, issuedAt, digest] = FIELDS.map((name) => fields.get(name)!);
	if (!isCustomerId(id)) throw invalid('The signed customer id must have 1–128 characters.');
	if (!isEmail(email)) throw invalid('The signed customer must carry a valid email.');
	if (!/^\d{1,12}$/.test(issuedAt)) throw invalid('issuedAt must be a time in Unix seconds.');
	if (!/^[0-9a-f]{64}$/.test(digest)) throw invalid('digest must be the lowercase hex HMAC-SHA256 (64 characters).');
	// The signature first: only a genuine digest may hear that it is merely old.
	if (!isCustomerDigest(digest, customerDigestMessage(store.key, id, email, issuedAt), store.identitySecret))
		throw invalid('The customer digest is not valid for this store.');
	const age = Math.floor(Date.now() / 1000) - Number(issuedAt);
	if (age < -DIGEST_FUTURE_SECONDS) throw invalid('The customer digest was issued in the future: check the clock of the shop.');
	if (age > maxAgeSeconds) throw expired(`The customer digest is older than ${maxAgeSeconds} seconds.`);
	return { customerId: id, email };
}

/**
Who the shopper is on a customer operation: a customer token (`Authorization: Bearer`) or a
signed customer (`X-Rewards-Customer`), never both at once.
*/
export async function authenticateCustomer(
	headers: IncomingHttpHeaders,
	store: Store,
	digestMaxAgeSeconds: number,
): Promise<CustomerIdentity> {
	const signed = headers['x-rewards-customer'];
	if (signed === undefined) return authenticate(headers.authorization, store);
	if (headers.authorization !== undefined)
		throw invalid('Send a customer token (Authorization) or a signed customer (X-Rewards-Customer), not both.');
	return authenticateDigest(String(signed), store, digestMaxAgeSeconds);
}

/** Whether the request names a shopper at all, for operations where that is optional. */
export const namesCustomer = (headers: IncomingHttpHeaders) =>
	headers.authorization !== undefined || headers['x-rewards-customer'] !== undefined;
