import { readFileSync } from 'node:fs';
import type { StartServerOptions } from './app';
import { DEFAULT_DIGEST_MAX_AGE_SECONDS } from './http/authenticate-digest';
import { DEFAULT_RATE_LIMIT } from './http/rate-limit';
import type { StoreDefinition } from './program/definition';

const flag = (value: string | undefined) => value === '1' || value === 'true';
const list = (value: string | undefined) =>
	(value ?? '')
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
const number = (value: string | undefined, fallback: number) => (value === undefined || value === '' ? fallback : Number(value));

/** Reads REWARDS_STORE_CONFIG: one store definition, an array of them, or `{ "stores": [...] }`. */
export function readStoreConfig(path: string): StoreDefinition[] {
	const parsed = JSON.parse(readFileSync(path, 'utf8'));
	return Array.isArray(parsed) ? parsed : Array.isArray(parsed.stores) ? parsed.stores : [parsed];
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
		identityMaxAgeSeconds: number(env.REWARDS_IDENTITY_MAX_AGE, DEFAULT_DIGEST_MAX_AGE_SECONDS),
		log: env.REWARDS_LOG === undefined ? true : flag(env.REWARDS_LOG),
	};
}
