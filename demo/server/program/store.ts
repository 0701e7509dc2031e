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

/**
Looks stores up by publishable key, caching each for `ttlMs` so a request costs no query for
it, while a config change made by another replica still shows within the TTL.
*/
export function createStoreDirectory(db: Queryable, ttlMs = 30_000) {
	const cache = new Map<string, { store: Promise<Store | undefined>; expires: number }>();
	return {
		get(key: string): Promise<Store | undefined> {
			const now = Date.now();
			const hit = cache.get(key);
			if (hit && hit.expires > now) return hit.store;
			const store = db
				.query<StoreRow>('select id, key, secret, identity_secret, admin_key_sha256, program from stores where key = $1', [key])
				.then(([row]) => (row ? toStore(row) : undefined));
			// Only known stores stay cached, so probing random keys cannot grow the map.
			cache.set(key, { store, expires: now + ttlMs });
			store.then(
				(found) => found || cache.delete(key),
				() => cache.delete(key),
			);
			return store;
		},
		forget(key: string) {
			cache.delete(key);
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
