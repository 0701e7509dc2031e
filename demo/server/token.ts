import { SignJWT } from 'jose';

export { customerDigestMessage, signCustomer, type SignCustomerOptions, type SignedCustomer } from './customers/digest';

/** The longest lifetime the server accepts for a customer token, in seconds. */
export const MAX_TOKEN_TTL_SECONDS = 3600;

export interface MintCustomerTokenOptions {
	/** The store's publishable key, e.g. `pk_demo`: becomes the token's audience. */
	storeKey: string;
	/** The store secret (`sk_…`). Keep it on your server: whoever has it can sign in as anyone. */
	secret: string;
	/** Your own id for the signed-in shopper: becomes `sub`. */
	customerId: string;
	email: string;
	/** Lifetime in seconds, at most 3600. Default 900 (15 minutes). */
	ttlSeconds?: number;
}

/**
Mints the short-lived customer token the widget sends as `Authorization: Bearer …`. Call it on
the merchant's server after your own sign-in and hand the result to the page, e.g.
`Rewards.identify({ customerToken })`; when the widget reports the token expired, mint a new one.

```ts
const customerToken = await mintCustomerToken({ storeKey: 'pk_live_…', secret: process.env.REWARDS_SECRET, customerId: user.id, email: user.email });
```

The token is an HS256 JWT with `sub`, `email`, `aud` (the store key), `iat` and `exp`; any JWT
library can make the same one.
*/
export async function mintCustomerToken({
	storeKey,
	secret,
	customerId,
	email,
	ttlSeconds = 900,
}: MintCustomerTokenOptions): Promise<string> {
	if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TOKEN_TTL_SECONDS) {
		throw new RangeError(`ttlSeconds must be a whole number from 1 to ${MAX_TOKEN_TTL_SECONDS}`);
	}
	const now = Math.floor(Date.now() / 1000);
	return new SignJWT({ email })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(customerId)
		.setAudience(storeKey)
		.setIssuedAt(now)
		.setExpirationTime(now + ttlSeconds)
		.sign(new TextEncoder().encode(secret));
}
