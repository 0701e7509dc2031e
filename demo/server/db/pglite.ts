import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { createAdmissionGate } from './admission';
import type { Database, Transaction } from './types';

function wrap(tx: PgliteTransaction): Transaction {
	return {
		query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
		exec: async (script) => void (await tx.exec(script)),
	};
}

/**
The embedded database: PGlite persisted under `dataDir`, or in memory when it is omitted.
PGlite has a single connection, so every query and transaction passes one at a time through
the admission gate, which also bounds how many may wait.
*/
export async function openPglite({ dataDir, maxWaiting }: { dataDir?: string; maxWaiting: number }): Promise<Database> {
	const pg = await PGlite.create(dataDir);
	const gate = createAdmissionGate({ concurrency: 1, maxWaiting });
	let closed = false;
	return {
		kind: 'pglite',
		query: <T>(sql: string, params?: unknown[]) => gate.run(async () => (await pg.query<T>(sql, params)).rows),
		transaction: (work) => gate.run(() => pg.transaction((tx) => work(wrap(tx)))),
		async close() {
			if (closed) return;
			closed = true;
			// Waits behind queued work so nothing in flight loses its connection.
			await gate.run(() => pg.close()).catch(() => pg.close());
		},
	};
}
