import type { components } from '../../../src/api/schema';
import type { Database } from '../db/types';
import { ApiError } from '../errors';
import { CLAIMABLE_KINDS, ONE_TIME_KINDS } from '../program/definition';
import type { Store } from '../program/store';
import type { CustomerIdentity } from './identity';
import { inTransactionRetryingCodes, lockOrEnrol, pointsOf } from './repository';

/**
Completes a self-service earn rule such as `instagram_follow`. Rules the server awards itself
(orders, signup, birthday, referral) answer 403; a one-time rule done before answers 409
`already_completed` (checked under the customer's row lock and backed by the ledger's unique key).
*/
export async function completeAction(
	db: Database,
	store: Store,
	identity: CustomerIdentity,
	ruleKey: string,
): Promise<components['schemas']['ActionResult']> {
	const rule = store.rules.get(ruleKey);
	if (!rule) throw new ApiError('not_found', `No earn rule ${ruleKey}.`);
	if (!CLAIMABLE_KINDS.has(rule.kind)) throw new ApiError('forbidden', `Points for ${ruleKey} are awarded by the store, not claimed.`);
	return inTransactionRetryingCodes(db, async (tx) => {
		const customer = await lockOrEnrol(tx, store, identity);
		const dedupeKey = ONE_TIME_KINDS.has(rule.kind) ? `action:${rule.key}` : null;
		if (dedupeKey) {
			const [done] = await tx.query('select 1 from ledger where customer_id = $1 and dedupe_key = $2', [customer.id, dedupeKey]);
			if (done) throw new ApiError('already_completed', `${ruleKey} was already completed.`);
		}
		await tx.query('insert into ledger (customer_id, points, kind, rule_key, dedupe_key) values ($1, $2, $3, $4, $5)', [
			customer.id,
			rule.points,
			rule.kind,
			rule.key,
			dedupeKey,
		]);
		return { ruleKey: rule.key, awarded: rule.points, ...(await pointsOf(tx, customer.id)) };
	});
}
