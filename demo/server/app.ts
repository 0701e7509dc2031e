import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import type { ErrorField } from './errors';
import { createConsoleFiles, defaultConsoleFiles, type ConsoleFilesOptions } from './http/console-files';
import { loadContract, schemaCheckOf, type Contract } from './http/contract';
import { DEFAULT_DIGEST_MAX_AGE_SECONDS } from './http/authenticate-digest';
import { trackInFlight } from './http/graceful-close';
import { handlers } from './http/handlers';
import { purgeExpiredKeys } from './idempotency-purge';
import { createPipeline } from './http/pipeline';
import { DEFAULT_RATE_LIMIT, createRateLimiter } from './http/rate-limit';
import type { StoreDefinition } from './program/definition';
import { createStoreDirectory, upsertStore } from './program/store';
import { programProblems, validateStoreDefinition } from './program/validate-definition';
import { DEFAULT_COUPON_WORKER, startCouponWorker, type CouponWorkerOptions } from './rewards/coupon-worker';
import { seedDemo } from './seed/seed';
import { expireDuePoints } from './points/expiry';

export interface StartServerOptions {
	/** 0 picks a free port. Default 8787. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** postgres://… to use PostgreSQL; otherwise the embedded PGlite. */
	databaseUrl?: string;
	/** PGlite's data directory; omit it (and databaseUrl) for an in-memory database. */
	dataDir?: string;
	/** Create the demo store (and its shoppers, on an empty database). */
	seed?: boolean;
	/** Enable POST /v1/dev/stores/{storeKey}/token. Never in production. */
	devTokens?: boolean;
	/** Exact origins allowed for every store, on top of each store's own; '*' allows any (tests only). */
	allowedOrigins?: string[];
	/** The demo storefront's base URL, for the demo store's links and CORS origin. */
	storefrontUrl?: string;
	/** Requests per minute per client IP and per customer; false disables both. */
	rateLimit?: false | { perIpPerMinute: number; perCustomerPerMinute: number };
	/** One line per request on stdout. */
	log?: boolean;
	/** Stores to create or update at start (REWARDS_STORE_CONFIG). */
	stores?: StoreDefinition[];
	/** Largest request body in bytes. Default 16 KB. */
	bodyLimitBytes?: number;
	/** Requests allowed to wait for the database before 503 `overloaded`. Default 1000. */
	maxQueuedRequests?: number;
	/** Requests in progress at once before new ones answer 503 `overloaded`. Default 2000. */
	maxInFlightRequests?: number;
	/** PostgreSQL pool size. Default 10. */
	poolSize?: number;
	/** Trust X-Forwarded-For for the client address (behind your own load balancer). */
	trustProxy?: boolean;
	/** The clock for points expiry (tests move it). Default: the system clock. */
	now?: () => Date;
	/** How often the points-expiry job runs; 0 disables it. Default 1 hour. */
	pointsExpiryIntervalMs?: number;
	/** How long close() lets in-flight requests finish. Default 10 s. */
	drainTimeoutMs?: number;
	/** Coupon issuing: Shopify call limits, webhook retries, recovery of pending coupons (see CouponWorkerOptions). */
	coupons?: Partial<CouponWorkerOptions>;
	/** How old a signed customer (a theme's digest, X-Rewards-Customer) may be, in seconds. Default 86400 (24 h). */
	identityMaxAgeSeconds?: number;
	/** How often expired Idempotency-Key responses are purged (bounded batches). Default 10 min; 0 never. */
	purgeIntervalMs?: number;
	/** Where the merchant console (served at /admin/) and the widget its preview runs are built; false serves no console. Default: dist/console and dist. */
	console?: ConsoleFilesOptions | false;
}

export interface RunningServer {
	/** e.g. http://127.0.0.1:8787 */
	url: string;
	port: number;
	/** Stops accepting, drains in-flight requests, closes the database. Safe to call twice. */
	close(): Promise<void>;
	/** Runs the points-expiry job once now (it also runs every pointsExpiryIntervalMs); resolves to the balances expired. */
	expirePoints(limit?: number): Promise<number>;
	/** Runs SQL on the server's database (tests, tooling). */
	query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

let contract: Contract | undefined;

const programRules = (body: unknown): ErrorField[] =>
	programProblems((body as { program?: unknown } | undefined)?.program, '/program').map((problem) => ({ in: 'body', ...problem }));

/**
Starts the reference loyalty server: opens (and migrates) the database, optionally seeds the demo
store, and listens. Resolves once it accepts connections.
*/
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
	contract ??= loadContract();
	const missing = contract.operations.filter((operation) => !handlers[operation.id]).map((operation) => operation.id);
	if (missing.length) throw new Error(`No handler for ${missing.join(', ')}`);
	const checkSchema = schemaCheckOf(contract.schemas);
	for (const definition of options.stores ?? []) validateStoreDefinition(definition, checkSchema);
	const digestMaxAgeSeconds = options.identityMaxAgeSeconds ?? DEFAULT_DIGEST_MAX_AGE_SECONDS;
	if (!Number.isInteger(digestMaxAgeSeconds) || digestMaxAgeSeconds < 1)
		throw new Error(`identityMaxAgeSeconds must be a whole number of seconds ≥ 1, got ${digestMaxAgeSeconds}`);

	const db = await openDatabase({
		databaseUrl: options.databaseUrl,
		dataDir: options.dataDir,
		maxWaiting: options.maxQueuedRequests ?? 1000,
		poolSize: options.poolSize,
	});
	try {
		await migrate(db);
		if (options.seed) await seedDemo(db, options.storefrontUrl, checkSchema);
		for (const definition of options.stores ?? []) await db.transaction((tx) => upsertStore(tx, definition));
	} catch (error) {
		await db.close();
		throw error;
	}

	const couponOptions: CouponWorkerOptions = { ...DEFAULT_COUPON_WORKER, ...options.coupons };
	const stores = createStoreDirectory(db);
	let closing = false;
	const now = options.now ?? (() => new Date());
	const expirePoints = (limit?: number) => expireDuePoints(db, stores, now(), limit);
	const expiryInterval = options.pointsExpiryIntervalMs ?? 3_600_000;
	const expiryJob =
		expiryInterval > 0
			? setInterval(() => expirePoints().catch((error) => console.error('[rewards] points expiry failed:', error)), expiryInterval)
			: undefined;
	expiryJob?.unref();
	const limits = options.rateLimit === false ? undefined : (options.rateLimit ?? DEFAULT_RATE_LIMIT);
	const pipeline = createPipeline({
		contract,
		handlers,
		services: { db, stores, devTokens: Boolean(options.devTokens), now, couponIssuing: couponOptions.issuing },
		serverOrigins: options.allowedOrigins ?? [],
		bodyLimit: options.bodyLimitBytes ?? 16 * 1024,
		maxInFlight: options.maxInFlightRequests ?? 2000,
		ipLimiter: limits && limits.perIpPerMinute > 0 ? createRateLimiter(limits.perIpPerMinute) : undefined,
		customerLimiter: limits && limits.perCustomerPerMinute > 0 ? createRateLimiter(limits.perCustomerPerMinute) : undefined,
		trustProxy: Boolean(options.trustProxy),
		digestMaxAgeSeconds,
		log: Boolean(options.log),
		isClosing: () => closing,
		// The schema part is the contract's own body check; these are the program's rules, for a save
		// and for the console's preview of a draft alike.
		bodyChecks: { replaceProgram: programRules, previewProgram: programRules },
	});

	const consoleFiles = options.console === false ? undefined : createConsoleFiles(options.console ?? defaultConsoleFiles());
	const server = createServer(async (request, response) => {
		// Static console files first; everything else is the contract's routing.
		if (consoleFiles && (await consoleFiles(request, response))) return;
		await pipeline(request, response);
	});
	server.keepAliveTimeout = 5_000;
	server.headersTimeout = 10_000;
	server.requestTimeout = 30_000;
	const inFlight = trackInFlight(server);
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 8787, host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const couponWorker = startCouponWorker(db, stores, couponOptions);

	const purgeIntervalMs = options.purgeIntervalMs ?? 600_000;
	let purging: Promise<unknown> = Promise.resolve();
	const purgeTimer =
		purgeIntervalMs > 0
			? setInterval(() => {
					purging = purgeExpiredKeys(db).catch((error) => console.error('[rewards] purging idempotency keys failed', error));
				}, purgeIntervalMs).unref()
			: undefined;

	let closed: Promise<void> | undefined;
	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		port,
		query: (sql, params) => db.query(sql, params),
		expirePoints,
		close() {
			closed ??= (async () => {
				closing = true;
				clearInterval(expiryJob);
				clearInterval(purgeTimer);
				await inFlight.drain(options.drainTimeoutMs ?? 10_000);
				await couponWorker.stop();
				await purging;
				await db.close();
			})();
			return closed;
		},
	};
}
