import { PGlite, parse, protocol } from '@electric-sql/pglite';
import { createAdmissionGate } from './admission';
import type { Database, Transaction } from './types';

const { serialize } = protocol;

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/** A parameter in PostgreSQL's text format; the statement's own parameter types do the casting. */
function toText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (Array.isArray(value))
		return `{${value.map((item) => (item === null ? 'NULL' : `"${String(item).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
	if (value instanceof Date) return value.toISOString();
	// bytea's text form; JSON.stringify would store a Buffer as '{"type":"Buffer",…}'.
	if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/**
Runs SQL on PGlite through the wire protocol: each distinct statement is parsed and planned once
as a named prepared statement, then every call is a single bind/execute/sync round trip into the
WebAssembly module. PGlite's own query() re-parses each time in six round trips, and the API's
hottest reads are three times cheaper this way.
*/
function createStatementRunner(pg: PGlite) {
	const prepared = new Map<string, string>();
	let counter = 0;

	const simple = async (sql: string, syncToFs: boolean) => {
		const { messages } = await pg.execProtocol(concat([serialize.query(sql), serialize.sync()]), { syncToFs });
		return messages;
	};

	const run = async <T>(sql: string, params: unknown[] = [], syncToFs = true): Promise<T[]> => {
		let name = prepared.get(sql);
		const parts: Uint8Array[] = [];
		const preparing = !name;
		if (!name) {
			name = `s${++counter}`;
			parts.push(serialize.parse({ name, text: sql, types: [] }));
		}
		parts.push(
			serialize.bind({ statement: name, values: params.map(toText) }),
			serialize.describe({ type: 'P' }),
			serialize.execute({}),
			serialize.sync(),
		);
		try {
			const { messages } = await pg.execProtocol(concat(parts), { syncToFs });
			if (preparing) prepared.set(sql, name);
			return (parse.parseResults(messages, pg.parsers)[0]?.rows ?? []) as T[];
		} catch (error) {
			// A statement that failed on first use may or may not exist now; names are never reused.
			if (preparing)
				await pg
					.execProtocol(concat([serialize.close({ type: 'S', name }), serialize.sync()]), { throwOnError: false })
					.catch(() => undefined);
			throw error;
		}
	};

	return { run, simple };
}

/**
The embedded database: PGlite persisted under `dataDir`, or in memory when it is omitted.
PGlite has a single connection, so every query and transaction passes one at a time through
the admission gate, which also bounds how many may wait.
*/
export async function openPglite({ dataDir, maxWaiting }: { dataDir?: string; maxWaiting: number }): Promise<Database> {
	const pg = await PGlite.create(dataDir);
	const gate = createAdmissionGate({ concurrency: 1, maxWaiting });
	const { run, simple } = createStatementRunner(pg);
	let closed = false;

	const tx: Transaction = {
		query: (sql, params) => run(sql, params, false),
		exec: async (script) => void (await simple(script, false)),
	};

	return {
		kind: 'pglite',
		query: (sql, params) => gate.run(() => run(sql, params)),
		transaction: (work) =>
			gate.run(async () => {
				await simple('BEGIN', false);
				try {
					const result = await work(tx);
					const messages = await simple('COMMIT', true);
					// COMMIT of a transaction that hit an error silently rolls back: never report that as success.
					if (messages.some((message) => message.name === 'commandComplete' && (message as { text?: string }).text === 'ROLLBACK'))
						throw new Error('The transaction was rolled back');
					return result;
				} catch (error) {
					await simple('ROLLBACK', true).catch(() => undefined);
					throw error;
				}
			}),
		async close() {
			if (closed) return;
			closed = true;
			// Waits behind queued work so nothing in flight loses its connection.
			await gate.run(() => pg.close()).catch(() => pg.close());
		},
	};
}
