import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Queryable } from '../db/types';
import { adminKeyDigest } from './admin-key';
import type { EarnRuleDefinition, EarnRuleKind, RewardDefinition, StoreDefinition, TierDefinition } from './definition';

/** A store as the server works with it: its definition plus what is derived from it once. */
export interface Store {
	id: number;
	key: string;
	secret: string;
	/** Keys the HMAC of shopper digests that theme templates compute; unset, digests are refused. */
	identitySecret?: string;
	/** SHA-256 of the admin key for the merchant API; unset, the merchant API is closed. */
	adminKeySha256?: Buffer;
	currency: string;
	/** Minor units in one whole currency unit: 100 for USD, 1 for JPY. */
	minorUnitsPerUnit: number;
	defaultLocale: string;
	/** The locales the program's texts exist in, default first. */
	locales: string[];
	allowedOrigins: string[];
	definition: StoreDefinition;
	/** The secret as a key for jose (HS256) and HMAC. */
	signingKey: KeyObject;
	rules: Map<string, EarnRuleDefinition>;
	rewards: Map<string, RewardDefinition>;
	/** Ascending by threshold. */
	tiers: TierDefinition[];
	ruleOfKind(kind: EarnRuleKind): EarnRuleDefinition | undefined;
	/** Per-locale memo for views that only depend on the definition. */
	memo: Map<string, unknown>;
}

interface StoreRow {
	id: number;
	key: string;
	secret: string;
	identity_secret: string | null;
	admin_key_sha256: Uint8Array | null;
	program: StoreDefinition;
}

function minorUnitsPerUnit(currency: string): number {
	const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
	return 10 ** digits;
}

function toStore(row: StoreRow): Store {
	const definition: StoreDefinition = { ...row.program, key: row.key, secret: row.secret };
	const locales = [definition.defaultLocale, ...Object.keys(definition.name).filter((locale) => locale !== definition.defaultLocale)];
	return {
		id: row.id,
		key: row.key,
		secret: row.secret,
		identitySecret: row.identity_secret ?? undefined,
		adminKeySha256: row.admin_key_sha256 ? Buffer.from(row.admin_key_sha256) : undefined,
		currency: definition.currency,
		minorUnitsPerUnit: minorUnitsPerUnit(definition.currency),
		defaultLocale: definition.defaultLocale,
		locales,
		allowedOrigins: definition.allowedOrigins,
		definition,
		signingKey: createSecretKey(Buffer.from(row.secret, 'utf8')),
		rules: new Map(definition.earnRules.map((rule) => [rule.key, rule])),
		rewards: new Map(definition.rewards.map((reward) => [reward.id, reward])),
		tiers: [...definition.tiers].sort((a, b) => a.threshold - b.threshold),
		ruleOfKind: (kind) => definition.earnRules.find((rule) => rule.kind === kind),
		memo: new Map(),
	};
}

export interface StoreDirectoryOptions {
	/** How long a known store is served from memory. Default 30 s. */
	ttlMs?: number;
	/** How long an unknown key answers 404 from memory. Default 5 s: a store created meanwhile shows within it. */
	missTtlMs?: number;
	/** Unknown keys remembered at most; the oldest go first, so random keys cannot grow memory. Default 10 000. */
	maxMisses?: number;
	now?: () => number;
}

/**
Looks stores up by publishable key, caching each for `ttlMs` so a request costs no query for
it, while a config change made by another replica still shows within the TTL. Unknown keys are
remembered briefly too, in a bounded map: probing random keys costs at most one query per key and
`missTtlMs`, and the per-IP limiter (counted before any lookup) caps how many keys one client tries.
*/
export function createStoreDirectory(db: Queryable, options: StoreDirectoryOptions = {}) {
	const { ttlMs = 30_000, missTtlMs = 5_000, maxMisses = 10_000, now = Date.now } = options;
	const cache = new Map<string, { store: Promise<Store | undefined>; expires: number }>();
	const misses = new Map<string, number>();
	const rememberMiss = (key: string) => {
		misses.delete(key);
		if (misses.size >= maxMisses) misses.delete(misses.keys().next().value!);
		misses.set(key, now() + missTtlMs);
	};
	return {
		get(key: string): Promise<Store | undefined> {
			const time = now();
			const hit = cache.get(key);
			if (hit && hit.expires > time) return hit.store;
			const missExpires = misses.get(key);
			if (missExpires !== undefined) {
				if (missExpires > time) return Promise.resolve(undefined);
				misses.delete(key);
			}
			const store = db
				.query<StoreRow>('select id, key, secret, identity_secret, admin_key_sha256, program from stores where key = $1', [key])
				.then(([row]) => (row ? toStore(row) : undefined));
			// Only known stores stay in this cache; unknown keys go to the bounded `misses`.
			cache.set(key, { store, expires: time + ttlMs });
			store.then(
				(found) => {
					if (found) return;
					cache.delete(key);
					rememberMiss(key);
				},
				() => cache.delete(key),
			);
			return store;
		},
		forget(key: string) {
			cache.delete(key);
			misses.delete(key);
		},
		/** Unknown keys remembered right now (tests, metrics). */
		get rememberedMisses() {
			return misses.size;
		},
	};
}

export type StoreDirectory = ReturnType<typeof createStoreDirectory>;

/** Creates or updates a store from its definition inside `tx`. Returns its id and whether it was new. */
export async function upsertStore(tx: Queryable, definition: StoreDefinition): Promise<{ id: number; created: boolean }> {
	const { secret, identitySecret, adminKey, ...program } = definition;
	const values = [
		definition.key,
		secret,
		definition.currency,
		definition.defaultLocale,
		definition.allowedOrigins,
		JSON.stringify(program),
		identitySecret ?? null,
		adminKey ? adminKeyDigest(adminKey) : null,
	];
	const [existing] = await tx.query<{ id: number }>('select id from stores where key = $1 for update', [definition.key]);
	if (existing) {
		await tx.query(
			`update stores set secret = $2, currency = $3, default_locale = $4, allowed_origins = $5, program = $6,
				identity_secret = $7, admin_key_sha256 = $8, updated_at = now()
			where key = $1`,
			values,
		);
		return { id: existing.id, created: false };
	}
	const [created] = await tx.query<{ id: number }>(
		`insert into stores (key, secret, currency, default_locale, allowed_origins, program, identity_secret, admin_key_sha256)
		values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
		values,
	);
	return { id: created.id, created: true };
}
