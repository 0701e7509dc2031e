/**
Where this device keeps something of a store's shopper: under their id (a signed customer's `id`,
a token's JWT `sub`), never under the token or digest itself. Guests, and tokens that are not
JWTs, get no place.
*/
export function savedKey(store: string, shopper: string | undefined, name: string): string | undefined {
	try {
		const id = new URLSearchParams(shopper).get('id') || JSON.parse(atob(shopper!.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub;
		if (id) return `rewards:${store}:${id}:${name}`;
	} catch {}
}
