import { stringifyJson } from '../api/json';
import { fits, type Shape } from '../api/shape';
import { savedKey } from './saved-key';

export { savedKey };

type Place = 'localStorage' | 'sessionStorage';

/** How long the shopper's summary is shown from this device's copy while a fresh one loads. */
export const CUSTOMER_MAX_AGE = 36e5;

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
The launcher's balance badge as this device last showed it to the shopper, for the launcher to show
at once on the next page, before any panel code has loaded. It is kept as text, formatted by the
panel: the first Intl.NumberFormat on a page starts up ICU, which costs more main-thread time than
the whole launcher, so the launcher never formats a number itself.
*/
export function savedBadge(store: string, shopper: string | undefined, locale: string): string | undefined {
	try {
		const badge = JSON.parse(localStorage.getItem(savedKey(store, shopper, 'badge')!)!);
		if (Date.now() - badge.at < CUSTOMER_MAX_AGE && badge.locale == locale && typeof badge.text == 'string') return badge.text;
	} catch {}
}

/**
Keeps the badge the launcher shows now (null: none, so nothing is kept). No arrays, so plain
JSON.stringify is safe on pages that patch Array#toJSON, and the launcher needs no more of this file.
*/
export function saveBadge(store: string, shopper: string | undefined, locale: string, text: string | null) {
	const key = savedKey(store, shopper, 'badge');
	try {
		if (key) text ? localStorage.setItem(key, JSON.stringify({ at: Date.now(), text, locale })) : localStorage.removeItem(key);
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
