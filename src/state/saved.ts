import { stringifyJson } from '../api/json';
import { fits, type Shape } from '../api/shape';

type Place = 'localStorage' | 'sessionStorage';

/** How long the shopper's summary is shown from this device's copy while a fresh one loads. */
export const CUSTOMER_MAX_AGE = 36e5;

/**
Where this device keeps something of a store's shopper: under their id from the token (its JWT
`sub`), never under the token itself. Guests, and tokens that are not JWTs, get no place.
*/
export function savedKey(store: string, token: string | undefined, name: string): string | undefined {
	try {
		const { sub } = JSON.parse(atob(token!.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
		if (sub) return `rewards:${store}:${sub}:${name}`;
	} catch {}
}

// Storage may be missing or throw on access (Safari private mode, sandboxed iframes), be full, or
// hold anything another script or an older widget left: every step is guarded and checked, and
// the widget works the same without it.

/** What was saved under `key`, if it is younger than `maxAge` ms and still of the contract's `shape`. */
export function restore<T>(key: string | undefined, shape: Shape, maxAge: number, place: Place = 'localStorage'): T | undefined {
	try {
		const [time, data] = JSON.parse(window[place].getItem(key!)!);
		if (Date.now() - time < maxAge && fits(data, shape)) return data;
	} catch {}
}

/**
The balance in the shopper's saved summary, for the launcher before any panel code has loaded
(so without the contract check `restore` makes; a non-integer is ignored).
*/
export function savedBalance(store: string, token: string | undefined): number | undefined {
	if (!token) return undefined;
	try {
		const [time, { balance }] = JSON.parse(localStorage.getItem(savedKey(store, token, 'customer')!)!);
		if (Date.now() - time < CUSTOMER_MAX_AGE && Number.isInteger(balance)) return balance;
	} catch {}
}

export function save(key: string | undefined, data: unknown, place: Place = 'localStorage') {
	try {
		if (key) window[place].setItem(key, stringifyJson([Date.now(), data]));
	} catch {}
}

export function forget(key: string | undefined, place: Place = 'localStorage') {
	try {
		if (key) window[place].removeItem(key);
	} catch {}
}
