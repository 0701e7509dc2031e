import type { Database } from './db/types';
import { IDEMPOTENCY_WINDOW_HOURS } from './idempotency';

export interface PurgeOptions {
	/** The time to count the window back from. Default: now. */
	now?: Date;
	/** Rows deleted per statement. Default 1000. */
	batchSize?: number;
	/** Statements per table and run, so one run stays short however much has piled up. Default 10. */
	maxBatches?: number;
}

const TABLES = [
	['idempotency_keys', 'customer_id'],
	['referral_claim_keys', 'store_id'],
] as const;

/**
Deletes stored Idempotency-Key responses older than the window, oldest first, in bounded batches; answers
how many went. Safe at any time: a key is refused once past the window whether or not its row is still
there (the ledger's dedupe key refuses a purged redemption key; a purged claim key meets the claim's
once-per-email rule), so purging never lets a request run twice.
*/
export async function purgeExpiredKeys(db: Database, options: PurgeOptions = {}): Promise<number> {
	const { now = new Date(), batchSize = 1000, maxBatches = 10 } = options;
	const cutoff = new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * 3_600_000);
	let purged = 0;
	for (const [table, scope] of TABLES) {
		for (let batch = 0; batch < maxBatches; batch++) {
			const deleted = await db.query(
				`delete from ${table} where (${scope}, key) in
				(select ${scope}, key from ${table} where created_at < $1 order by created_at limit $2) returning 1`,
				[cutoff, batchSize],
			);
			purged += deleted.length;
			if (deleted.length < batchSize) break;
		}
	}
	return purged;
}
