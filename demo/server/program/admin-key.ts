import { createHash } from 'node:crypto';

/** The SHA-256 under which a store keeps its admin key: a leaked database does not leak the key. */
export function adminKeyDigest(adminKey: string): Buffer {
	return createHash('sha256').update(adminKey, 'utf8').digest();
}
