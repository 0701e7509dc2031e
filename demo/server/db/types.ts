/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
	/** One statement with `$1`-style parameters; resolves to its rows. */
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** An open transaction; `exec` runs a parameterless script of several statements (migrations). */
export interface Transaction extends Queryable {
	exec(script: string): Promise<void>;
}

/** The two adapters (embedded PGlite, PostgreSQL through a pool) behind one small interface. */
export interface Database extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/** Runs `work` inside BEGIN … COMMIT, rolling back if it throws. */
	transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}
