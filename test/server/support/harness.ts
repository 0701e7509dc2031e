import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { type RunningServer, type StartServerOptions, startServer } from '../../../demo/server/app';
import { signBody } from '../../../demo/server/orders/signature';
import { DEMO_SHOPPERS, DEMO_STORE } from '../../../demo/server/seed/demo-store';
import { mintCustomerToken } from '../../../demo/server/token';
import { assertResponseMatchesContract } from './contract-validator';

export { DEMO_SHOPPERS, DEMO_STORE };

/** Which database this test run uses: REWARDS_TEST_DB=postgres (with TEST_DATABASE_URL) or the embedded PGlite. */
export const TEST_DB: 'postgres' | 'pglite' = process.env.REWARDS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** `/v1/stores/pk_demo` + `suffix`. */
export function storePath(suffix = '', storeKey: string = DEMO_STORE.key): string {
	return `/v1/stores/${storeKey}${suffix}`;
}

/** A customer token for the demo store (demo shoppers get their seeded email). */
export function tokenFor(customerId: string, options: { email?: string; ttlSeconds?: number } = {}): Promise<string> {
	const known = Object.values(DEMO_SHOPPERS).find((shopper) => shopper.customerId === customerId);
	return mintCustomerToken({
		storeKey: DEMO_STORE.key,
		secret: DEMO_STORE.secret,
		customerId,
		email: options.email ?? known?.email ?? `${customerId}@example.com`,
		ttlSeconds: options.ttlSeconds ?? 600,
	});
}

/** The X-Rewards-Signature header value for a webhook body, signed with the demo store's secret. */
export function signWebhook(body: string, secret: string = DEMO_STORE.secret): string {
	return signBody(body, secret);
}

/** A fresh, unguessable customer id, so tests never share a customer by accident. */
export function newCustomerId(prefix = 'shopper'): string {
	return `${prefix}-${randomBytes(6).toString('hex')}`;
}

export interface ApiResponse<T = any> {
	status: number;
	headers: Headers;
	/** Parsed JSON, or undefined for an empty body. */
	body: T;
	text: string;
}

export interface RequestOptions {
	/** A customer token, sent as `Authorization: Bearer …`. */
	token?: string;
	/** JSON body (serialised here, with Content-Type: application/json). */
	json?: unknown;
	/** A body sent exactly as given (no Content-Type unless in headers). */
	raw?: string;
	headers?: Record<string, string>;
	/** Skip the contract check, for responses that are deliberately outside it (CORS preflights). */
	unchecked?: boolean;
}

export interface ContractClient {
	request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
	get<T = any>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
	post<T = any>(path: string, json?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>;
	put<T = any>(path: string, json?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>;
	/** Sends a signed order webhook for the demo store. */
	order<T = any>(order: Record<string, unknown>): Promise<ApiResponse<T>>;
}

/**
A fetch wrapper for `baseUrl` that checks every response against the contract (documented status,
body schema, Retry-After) and throws on drift, so each test also tests the contract.
*/
export function contractClient(baseUrl: string): ContractClient {
	const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> => {
		const headers: Record<string, string> = { ...options.headers };
		if (options.token) headers.authorization = `Bearer ${options.token}`;
		let body = options.raw;
		if (options.json !== undefined) {
			body = JSON.stringify(options.json);
			headers['content-type'] ??= 'application/json';
		}
		const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
		const text = await response.text();
		let parsed: unknown;
		if (text && response.headers.get('content-type')?.startsWith('application/json')) parsed = JSON.parse(text);
		if (!options.unchecked)
			assertResponseMatchesContract(method, new URL(path, 'http://x').pathname, response.status, response.headers, parsed, text);
		return { status: response.status, headers: response.headers, body: parsed as T, text };
	};
	return {
		request,
		get: (path, options) => request('GET', path, options),
		post: (path, json, options) => request('POST', path, { ...options, json }),
		put: (path, json, options) => request('PUT', path, { ...options, json }),
		order: (order) => {
			const raw = JSON.stringify({ currency: 'USD', ...order });
			return request('POST', storePath('/webhooks/orders'), {
				raw,
				headers: { 'content-type': 'application/json', 'x-rewards-signature': signWebhook(raw) },
			});
		},
	};
}

/** A database of its own on TEST_DATABASE_URL, dropped by `drop()`. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) throw new Error('REWARDS_TEST_DB=postgres needs TEST_DATABASE_URL (source .ci/postgres.sh)');
	const name = `rewards_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
	} finally {
		await admin.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const client = new pg.Client({ connectionString: adminUrl });
			await client.connect();
			try {
				await client.query(`drop database if exists ${name} with (force)`);
			} finally {
				await client.end();
			}
		},
	};
}

// Running initdb, the migrations and the seed takes PGlite seconds; a data directory made once
// (per day, per migrations and seed source) and copied per server takes a fraction of that.
async function pgliteTemplate(): Promise<string> {
	const hash = createHash('sha256');
	const migrations = new URL('../../../demo/server/db/migrations/', import.meta.url);
	for (const file of (await readdir(migrations)).sort()) hash.update(file).update(await readFile(new URL(file, migrations)));
	for (const file of ['seed/demo-store.ts', 'seed/demo-shoppers.ts', 'seed/demo-history.ts', 'seed/seed.ts'])
		hash.update(await readFile(new URL(`../../../demo/server/${file}`, import.meta.url)));
	hash.update(new Date().toISOString().slice(0, 10));
	const template = join(tmpdir(), `openrewards-pglite-template-${hash.digest('hex').slice(0, 16)}`);
	try {
		await readdir(template);
		return template;
	} catch {
		const building = await mkdtemp(join(tmpdir(), 'openrewards-pglite-building-'));
		const server = await startServer({ port: 0, dataDir: building, seed: true, rateLimit: false });
		await server.close();
		// Another test file may have won the race: then its template is as good as ours.
		await rename(building, template).catch(() => rm(building, { recursive: true, force: true }));
		await pruneStaleTemplates(template);
		return template;
	}
}

/** Removes PGlite templates, builds and copies left from earlier days (e.g. by interrupted runs). */
async function pruneStaleTemplates(current: string) {
	const dayAgo = Date.now() - 86_400_000;
	for (const name of await readdir(tmpdir())) {
		const path = join(tmpdir(), name);
		if (path === current || !name.startsWith('openrewards-pglite-')) continue;
		const info = await stat(path).catch(() => undefined);
		if (info && info.mtimeMs < dayAgo) await rm(path, { recursive: true, force: true });
	}
}

/** A directory holding a copy of the migrated, seeded PGlite template. Remove it when done. */
export async function copyOfPgliteTemplate(): Promise<string> {
	const template = await pgliteTemplate();
	const dir = await mkdtemp(join(tmpdir(), 'openrewards-pglite-'));
	// cp -a is several times faster than fs.cp for PGlite's thousand small files.
	await promisify(execFile)('cp', ['-a', `${template}/.`, dir]);
	return dir;
}

export interface TestServer extends RunningServer {
	api: ContractClient;
	/** Where this server's data lives: the PGlite directory or the PostgreSQL URL. */
	database: { dataDir?: string; databaseUrl?: string };
}

/**
Starts the reference server on a free port with a database of its own, seeded with the demo
store: a copy of a prepared PGlite directory by default, or a fresh PostgreSQL database when
REWARDS_TEST_DB=postgres. Rate limits are off unless `options.rateLimit` sets them. `close()`
stops the server and deletes its database.
*/
export async function startTestServer(options: StartServerOptions = {}): Promise<TestServer> {
	let database: TestServer['database'];
	let dispose: () => Promise<void>;
	if (TEST_DB === 'postgres') {
		const created = await createTestDatabase();
		database = { databaseUrl: created.url };
		dispose = created.drop;
	} else {
		const dataDir = await copyOfPgliteTemplate();
		database = { dataDir };
		dispose = () => rm(dataDir, { recursive: true, force: true });
	}
	let server: RunningServer;
	try {
		server = await startServer({ port: 0, seed: true, rateLimit: false, ...database, ...options });
	} catch (error) {
		await dispose();
		throw error;
	}
	return {
		...server,
		database,
		api: contractClient(server.url),
		async close() {
			await server.close();
			await dispose();
		},
	};
}
