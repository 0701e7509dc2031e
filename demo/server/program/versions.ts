import type { components } from '../../../src/api/schema';
import type { Database, Queryable } from '../db/types';
import { ApiError, invalidField } from '../errors';
import type { Store } from './store';

type MerchantProgram = components['schemas']['MerchantProgram'];
type ProgramDocument = components['schemas']['ProgramDocument'];
type ProgramVersionPage = components['schemas']['ProgramVersionPage'];

interface VersionRow {
	version: number;
	document: ProgramDocument;
	note: string | null;
	created_at: string;
}

const toMerchantProgram = (row: VersionRow): MerchantProgram => ({
	version: row.version,
	createdAt: row.created_at,
	note: row.note,
	program: row.document,
});

/** A program version as a strong ETag: `"7"`. */
export function versionTag(version: number): string {
	return `"${version}"`;
}

/** The version an `If-Match` value names (`"7"` or `W/"7"`), as the contract's pattern allows. */
export function versionOfTag(tag: string): number {
	return Number(/^(?:W\/)?"(\d+)"$/.exec(tag)![1]);
}

async function readVersion(db: Queryable, storeId: number, version: number | 'current'): Promise<MerchantProgram | undefined> {
	const [row] = await db.query<VersionRow>(
		`select v.version, v.document, v.note, iso_utc(v.created_at) as created_at
		from program_versions v join stores s on s.id = v.store_id
		where v.store_id = $1 and v.version = (case when $2::int is null then s.program_version else $2::int end)`,
		[storeId, version === 'current' ? null : version],
	);
	return row && toMerchantProgram(row);
}

/** The version the store runs (read from the database, not the store cache, so it is never stale). */
export async function readCurrentProgram(db: Database, store: Store): Promise<MerchantProgram> {
	const current = await readVersion(db, store.id, 'current');
	if (!current) throw new ApiError('not_found', `Store ${store.key} has no program version.`);
	return current;
}

/** One saved version, or 404. */
export async function readProgramVersion(db: Database, store: Store, version: number): Promise<MerchantProgram> {
	const found = await readVersion(db, store.id, version);
	if (!found) throw new ApiError('not_found', `Store ${store.key} has no program version ${version}.`);
	return found;
}

/**
Saves `program` (already validated) as the next version, if `expectedVersion` is still the current
one: otherwise 412 `version_conflict` and nothing is written. The store row (what the store
directory reads) changes in the same transaction; the connections in it are kept.
*/
export async function replaceProgram(
	db: Database,
	store: Store,
	expectedVersion: number,
	program: ProgramDocument,
	note: string | undefined,
): Promise<MerchantProgram> {
	return db.transaction(async (tx) => {
		const [row] = await tx.query<{ program_version: number }>('select program_version from stores where id = $1 for update', [store.id]);
		if (row.program_version !== expectedVersion)
			throw new ApiError(
				'version_conflict',
				`Version ${expectedVersion} is no longer current: version ${row.program_version} was saved since. Read the program again and reapply your changes.`,
			);
		const version = expectedVersion + 1;
		const document = JSON.stringify(program);
		await tx.query('insert into program_versions (store_id, version, document, note) values ($1, $2, $3, $4)', [
			store.id,
			version,
			document,
			note ?? null,
		]);
		await tx.query(
			`update stores set program_version = $2,
				program = $3::jsonb || jsonb_strip_nulls(jsonb_build_object('key', key, 'shopify', program->'shopify', 'couponWebhook', program->'couponWebhook')),
				currency = $4, default_locale = $5, allowed_origins = $6, updated_at = now()
			where id = $1`,
			[store.id, version, document, program.currency, program.defaultLocale, program.allowedOrigins],
		);
		return (await readVersion(tx, store.id, version))!;
	});
}

function decodeVersionCursor(cursor: string): number {
	const version = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
	if (!Number.isInteger(version) || version < 1) throw invalidField('query', '/cursor', 'is not a cursor this API returned');
	return version;
}

/** The store's versions, newest first, without their documents. */
export async function listProgramVersions(
	db: Database,
	store: Store,
	options: { cursor?: string; limit: number },
): Promise<ProgramVersionPage> {
	const before = options.cursor ? decodeVersionCursor(options.cursor) : null;
	const rows = await db.query<{ version: number; note: string | null; created_at: string; current: boolean }>(
		`select v.version, v.note, iso_utc(v.created_at) as created_at, v.version = s.program_version as current
		from program_versions v join stores s on s.id = v.store_id
		where v.store_id = $1 and ($2::int is null or v.version < $2::int)
		order by v.version desc limit $3`,
		[store.id, before, options.limit + 1],
	);
	const page = rows.slice(0, options.limit);
	return {
		items: page.map((row) => ({ version: row.version, createdAt: row.created_at, note: row.note, current: row.current })),
		nextCursor: rows.length > options.limit ? Buffer.from(String(page[page.length - 1].version)).toString('base64url') : null,
	};
}
