import { createHmac, timingSafeEqual } from 'node:crypto';

/** A shopper as a theme template (or any server) names them for the widget, signed with the store's identity secret. */
export interface SignedCustomer {
	/** The shop's own customer id, 1–128 characters. */
	id: string;
	email: string;
	/** When the digest was computed, in Unix seconds. */
	issuedAt: number;
	/** Lowercase hex HMAC-SHA256 of `customerDigestMessage(…)`, keyed with the store's identity secret. */
	digest: string;
}

/**
The one string a shopper digest signs: `storeKey:id:email:issuedAt`, e.g.
`pk_demo:demo-alice:alice@example.com:1767225600`. The store key keeps a digest from being replayed
on another store. An email holds no `:` (the contract's email format has none) and issuedAt is
digits only, so reading from the right the fields are unambiguous even when the id has a colon.
*/
export function customerDigestMessage(storeKey: string, id: string, email: string, issuedAt: number | string): string {
	return `${storeKey}:${id}:${email}:${issuedAt}`;
}

/** The lowercase hex HMAC-SHA256 of `message` keyed with `identitySecret`: what Liquid's `hmac_sha256` and PHP's `hash_hmac` give. */
export function hmacSha256Hex(message: string, identitySecret: string): string {
	return createHmac('sha256', identitySecret).update(message, 'utf8').digest('hex');
}

export interface SignCustomerOptions {
	/** The store's publishable key, e.g. `pk_demo`. */
	storeKey: string;
	/** The store's identity secret. It can sign in any shopper, but never credit orders or change the program. */
	identitySecret: string;
	/** Your own id for the signed-in shopper. */
	customerId: string;
	email: string;
	/** Unix seconds; default now. */
	issuedAt?: number;
}

/**
Signs a shopper for the widget's `customer` option (`Rewards.init({ customer })` or the
`data-customer-*` attributes), the way a theme template does with its HMAC filter.

```ts
const customer = signCustomer({ storeKey: 'pk_live_…', identitySecret: process.env.REWARDS_IDENTITY_SECRET!, customerId: user.id, email: user.email });
```
*/
export function signCustomer({
	storeKey,
	identitySecret,
	customerId,
	email,
	issuedAt = Math.floor(Date.now() / 1000),
}: SignCustomerOptions): SignedCustomer {
	const digest = hmacSha256Hex(customerDigestMessage(storeKey, customerId, email, issuedAt), identitySecret);
	return { id: customerId, email, issuedAt, digest };
}

/**
Whether `presented` (64 lowercase hex characters, checked by the caller) is the digest of `message`,
compared in constant time so that response times tell nothing about how much of it was right.
*/
export function isCustomerDigest(presented: string, message: string, identitySecret: string): boolean {
	const expected = Buffer.from(hmacSha256Hex(message, identitySecret), 'utf8');
	const given = Buffer.from(presented, 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected);
}
