import type { components } from '../../../src/api/schema';
import type { CustomerIdentity } from '../customers/identity';
import type { Database } from '../db/types';
import type { Store } from '../program/store';

/**
Stores a batch of engagement events in one statement. The customer is attached when a valid token
came along and they are enrolled; events never enrol anyone.
*/
export async function recordEvents(
	db: Database,
	store: Store,
	batch: components['schemas']['EventBatch'],
	identity?: CustomerIdentity,
): Promise<number> {
	const rows = batch.events.map((event) => ({ type: event.type, data: event.data ?? null, occurred_at: event.occurredAt ?? null }));
	await db.query(
		`insert into events (store_id, customer_id, type, data, occurred_at)
		select $1, (select id from customers where store_id = $1 and external_id = $2), e.type, e.data, e.occurred_at
		from json_to_recordset($3::json) as e(type text, data jsonb, occurred_at timestamptz)`,
		[store.id, identity?.customerId ?? null, JSON.stringify(rows)],
	);
	return rows.length;
}
