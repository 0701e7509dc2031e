import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './types';

export interface OpenDatabaseOptions {
	/** postgres://… selects PostgreSQL; otherwise the embedded PGlite. */
	databaseUrl?: string;
	/** PGlite's directory; omitted (with no databaseUrl) means in memory. */
	dataDir?: string;
	/** Requests allowed to wait for the database before 503 `overloaded`. */
	maxWaiting: number;
	poolSize?: number;
}

/** Opens the database the options describe. */
export function openDatabase({ databaseUrl, dataDir, maxWaiting, poolSize = 10 }: OpenDatabaseOptions): Promise<Database> {
	if (databaseUrl) return openPostgres({ connectionString: databaseUrl, poolSize, maxWaiting });
	return openPglite({ dataDir, maxWaiting });
}
