import type { CustomerIdentity } from '../customers/identity';
import type { Database } from '../db/types';
import type { Store, StoreDirectory } from '../program/store';
import type { Operation } from './contract';

/** What a handler answers: a JSON body, or `raw` bytes already serialised. */
export interface Reply {
	status: number;
	body?: unknown;
	raw?: Buffer;
	headers?: Record<string, string>;
}

/** A request that passed routing, CORS, rate limits, validation and authentication. */
export interface RequestContext {
	operation: Operation;
	/** The store of /v1/…/stores/{storeKey}/… routes. */
	store?: Store;
	path: Record<string, string>;
	/** Query parameters, coerced to their schema types with defaults applied. */
	query: Record<string, unknown>;
	/** Header parameters under their contract names (e.g. `Idempotency-Key`). */
	headers: Record<string, unknown>;
	/** The validated JSON body. */
	body: unknown;
	/** The body's bytes as received (signed webhooks parse them their own way). */
	rawBody: Buffer;
	locale: string;
	/** The verified customer; always set on `customer` operations. */
	identity?: CustomerIdentity;
}

export interface Services {
	db: Database;
	stores: StoreDirectory;
	devTokens: boolean;
	/** The clock for time-based rules (points expiry); tests inject one. Default: the system clock. */
	now?: () => Date;
}

export type Handler = (request: RequestContext, services: Services) => Promise<Reply>;
