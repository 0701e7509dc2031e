import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './types';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
// Any constant works: it only has to be the same for every replica starting at once.
const MIGRATION_LOCK = 727_001;

/**
Applies the pending `NNN_name.sql` files in order, in one transaction recorded in
schema_migrations. An advisory lock makes replicas that start together take turns.
Returns the versions it applied.
*/
export async function migrate(db: Database): Promise<string[]> {
	const files = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d+_[\w-]+\.sql$/.test(name)).sort();
	return db.transaction(async (tx) => {
		await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await tx.exec('create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())');
		const applied = new Set((await tx.query<{ version: string }>('select version from schema_migrations')).map((row) => row.version));
		const pending = files.filter((file) => !applied.has(file.replace(/\.sql$/, '')));
		for (const file of pending) {
			await tx.exec(await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'));
			await tx.query('insert into schema_migrations (version) values ($1)', [file.replace(/\.sql$/, '')]);
		}
		return pending.map((file) => file.replace(/\.sql$/, ''));
	});
}
