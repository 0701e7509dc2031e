import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../errors';
import { adminKeyDigest } from '../program/admin-key';
import type { Store } from '../program/store';

/**
Verifies `Authorization: Bearer <admin key>` for `store`, comparing SHA-256 digests in constant
time (equal lengths whatever was sent). A store without an admin key refuses every merchant call.
*/
export function authenticateMerchant(authorization: string | undefined, store: Store): void {
	const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
	const expected = store.adminKeySha256;
	if (!presented || !expected || !timingSafeEqual(adminKeyDigest(presented), expected)) {
		throw new ApiError('invalid_admin_key', 'A valid admin key is required: Authorization: Bearer <admin key>.', undefined, {
			'WWW-Authenticate': 'Bearer realm="merchant"',
		});
	}
}
