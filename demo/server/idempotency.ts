import { createHash } from 'node:crypto';
import { ApiError } from './errors';

/**
The response to send for a request that carried an Idempotency-Key: stored serialised with the
effect it describes (a redemption, a referral claim), so a retry gets it byte for byte.
*/
export interface StoredResponse {
	status: number;
	/** The JSON body, serialised. */
	body: string;
}

/** A stored response as its table row (request_hash fingerprints the request it answered). */
export interface StoredRow {
	request_hash: string;
	status: number;
	body: string;
}

/** The fingerprint of a request, from its canonical form: key order and whitespace must not make two equal bodies differ. */
export function requestHash(canonical: unknown): string {
	return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** What a request with a key already answered gets: that answer again, or 422 if the body differs. */
export function replay(stored: StoredRow, hash: string): StoredResponse {
	if (stored.request_hash !== hash) throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
	return { status: stored.status, body: stored.body };
}

/** A business refusal (a 409 and the like) as a response to store and replay. */
export function refusal(error: ApiError): StoredResponse {
	return { status: error.status, body: JSON.stringify(error.body) };
}
