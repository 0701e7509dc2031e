import pg from 'pg';
import { createAdmissionGate } from './admission';
import type { Database, Transaction } from './types';

// Deadlocks and serialization failures are safe to retry: the transaction was rolled back whole.
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 3;

/** PostgreSQL through a `pg` pool of `poolSize` connections, with at most `maxWaiting` requests queued for one. */
export async function openPostgres({
	connectionString,
	poolSize,
	maxWaiting,
}: {
	connectionString: string;
	poolSize: number;
	maxWaiting: number;
}): Promise<Database> {
	const pool = new pg.Pool({ connectionString, max: poolSize });
	// An idle client losing its connection (e.g. a database restart) must not crash the server.
	pool.on('error', (error) => console.error('[rewards] idle PostgreSQL client error:', error.message));
	await pool.query('select 1');
	const gate = createAdmissionGate({ concurrency: poolSize, maxWaiting });

	const runTransaction = async <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => {
		const client = await pool.connect();
		const tx: Transaction = {
			query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
			exec: async (script) => void (await client.query(script)),
		};
		try {
			await client.query('BEGIN');
			const result = await work(tx);
			await client.query('COMMIT');
			client.release();
			return result;
		} catch (error) {
			await client.query('ROLLBACK').catch(() => undefined);
			client.release();
			throw error;
		}
	};

	return {
		kind: 'postgres',
		query: <T>(sql: string, params?: unknown[]) => gate.run(async () => (await pool.query(sql, params)).rows as T[]),
		transaction: (work) =>
			gate.run(async () => {
				for (let attempt = 1; ; attempt++) {
					try {
						return await runTransaction(work);
					} catch (error) {
						if (attempt >= ATTEMPTS || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
					}
				}
			}),
		close: () => pool.end(),
	};
}
