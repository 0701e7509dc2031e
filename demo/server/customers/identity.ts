/** Who the shopper is, from a verified customer token. */
export interface CustomerIdentity {
	/** The merchant's customer id (the token's `sub`). */
	customerId: string;
	email: string;
}
