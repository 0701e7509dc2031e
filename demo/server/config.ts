import { readFileSync } from 'node:fs';
import type { StartServerOptions } from './app';
import { DEFAULT_RATE_LIMIT } from './http/rate-limit';
import { loadContract, schemaCheckOf } from './http/contract';
import type { StoreDefinition } from './program/definition';
import { InvalidStoreDefinitionError, storeProblems } from './program/validate-definition';

const flag = (value: string | undefined) => value === '1' || value === 'true';
const list = (value: string | undefined) =>
	(value ?? '')
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
const number = (value: string | undefined, fallback: number) => (value === undefined || value === '' ? fallback : Number(value));

/**
Reads REWARDS_STORE_CONFIG: one store definition, an array of them, or `{ "stores": [...] }`, each a
`ProgramDocument` plus its `StoreConnections` (the contract's schemas). Throws an
InvalidStoreDefinitionError naming the file and every problem by its JSON Pointer in the file
(e.g. `/stores/0/tiers/1/threshold: must be more than the previous tier's (0)`), not a stack trace.
*/
export function readStoreConfig(path: string): StoreDefinition[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new InvalidStoreDefinitionError(`REWARDS_STORE_CONFIG (${path})`, [{ path: '', message: (error as Error).message }]);
	}
	const entries: Array<{ definition: unknown; at: string }> = Array.isArray(parsed)
		? parsed.map((definition, index) => ({ definition, at: `/${index}` }))
		: parsed && typeof parsed === 'object' && Array.isArray((parsed as { stores?: unknown }).stores)
			? (parsed as { stores: unknown[] }).stores.map((definition, index) => ({ definition, at: `/stores/${index}` }))
			: [{ definition: parsed, at: '' }];
	const checkSchema = schemaCheckOf(loadContract().schemas);
	const problems = entries.flatMap(({ definition, at }) => storeProblems(definition, checkSchema, at));
	if (problems.length) throw new InvalidStoreDefinitionError(`REWARDS_STORE_CONFIG (${path})`, problems);
	return entries.map(({ definition }) => definition as StoreDefinition);
}

/**
The server's options from environment variables (see demo/server/README.md). Without
DATABASE_URL the data lives in PGlite under REWARDS_DATA_DIR (default ./.data); without
REWARDS_STORE_CONFIG the demo store is seeded (REWARDS_SEED=0 turns that off).
*/
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StartServerOptions {
	const stores = env.REWARDS_STORE_CONFIG ? readStoreConfig(env.REWARDS_STORE_CONFIG) : [];
	const perIpPerMinute = number(env.REWARDS_RATE_LIMIT_PER_IP, DEFAULT_RATE_LIMIT.perIpPerMinute);
	const perCustomerPerMinute = number(env.REWARDS_RATE_LIMIT_PER_CUSTOMER, DEFAULT_RATE_LIMIT.perCustomerPerMinute);
	return {
		port: number(env.PORT, 8787),
		host: env.HOST || '127.0.0.1',
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: env.DATABASE_URL ? undefined : env.REWARDS_DATA_DIR || '.data',
		stores,
		seed: env.REWARDS_SEED === undefined ? stores.length === 0 : flag(env.REWARDS_SEED),
		devTokens: flag(env.REWARDS_DEV_TOKENS),
		allowedOrigins: list(env.REWARDS_ALLOWED_ORIGINS),
		storefrontUrl: env.REWARDS_STOREFRONT_URL || undefined,
		rateLimit: perIpPerMinute <= 0 && perCustomerPerMinute <= 0 ? false : { perIpPerMinute, perCustomerPerMinute },
		bodyLimitBytes: number(env.REWARDS_BODY_LIMIT, 16 * 1024),
		maxQueuedRequests: number(env.REWARDS_DB_MAX_QUEUE, 1000),
		maxInFlightRequests: number(env.REWARDS_MAX_IN_FLIGHT, 2000),
		poolSize: number(env.REWARDS_DB_POOL_SIZE, 10),
		trustProxy: flag(env.REWARDS_TRUST_PROXY),
		log: env.REWARDS_LOG === undefined ? true : flag(env.REWARDS_LOG),
	};
}
