import type { components } from '../../../src/api/schema';
import type { Queryable } from '../db/types';
import { ApiError } from '../errors';
import type { Store } from '../program/store';

/**
The referral code `code` as the store writes it (any case is accepted, as by the claim), so a friend's
welcome can say at once that a link is not valid instead of promising a gift the claim then refuses.
*/
export async function findReferralCode(db: Queryable, store: Store, code: string): Promise<components['schemas']['ReferralCode']> {
	if (!store.ruleOfKind('referral')?.friendGift) throw new ApiError('not_found', 'This store has no referral program.');
	const [row] = await db.query<{ referral_code: string }>(
		'select referral_code from customers where store_id = $1 and referral_code = $2',
		[store.id, code.toUpperCase()],
	);
	if (!row) throw new ApiError('unknown_referral', 'No such referral code.');
	return { code: row.referral_code };
}
