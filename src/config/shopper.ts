import type { SignedCustomer } from './options';

/*
Who the shopper is travels inside the widget as one string, the config's `customerToken`, so that
it compares and keys like a token whichever way the page named them: the customer token itself (a
JWT), or the `customer` option form-encoded as the API client sends it in X-Rewards-Customer
(`id=…&email=…&issuedAt=…&digest=…`). A JWT never holds '=', so the two cannot be mistaken.
*/

/** The `customer` option as X-Rewards-Customer carries it. */
export const encodeSignedCustomer = (customer: SignedCustomer | undefined) =>
	customer && `${new URLSearchParams(customer as unknown as Record<string, string>)}`;

/** Whether the config's `customerToken` is a signed customer (sent as X-Rewards-Customer) rather than a customer token. */
export const isSignedCustomer = (shopper: string) => shopper.includes('=');
