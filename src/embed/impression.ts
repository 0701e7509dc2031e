import type { ResolvedConfig } from '../config/defaults';
import { whenIdle } from './intent';

/** The launcher's own breakpoint (launcher.css): `showOn` hides it on one side of it. */
const PHONE = '(max-width: 600px)';

/**
The batch, with no time: the server stamps it on arrival, a moment later. Written out, not built
with JSON.stringify, which pages that patch Array#toJSON (old Prototype.js) turn into a string.
*/
const SHOWN = '{"events":[{"type":"launcher_shown"}]}';

/**
The top of the merchant's funnel (`launcher_shown` → `launcher_open` → …): once per browser
session and store, when the page is idle, one beacon says the launcher was shown. Guests count
too, and the panel never has to load for it. A plain-text body is a CORS-safelisted request:
no preflight, and the page never waits for an answer (the events endpoint takes text/plain for
this). A lost beacon is harmless. Returns a function that cancels it.
*/
export function countImpression({ api, store, hideLauncher, showOn }: ResolvedConfig): () => void {
	if (hideLauncher || (showOn != 'all' && matchMedia(PHONE).matches == (showOn == 'desktop'))) return () => {};
	return whenIdle(() => {
		const key = `rewards:shown:${store}`;
		try {
			// The store key is [\w-] only (config/validate.ts), so it needs no encoding in the path.
			if (!sessionStorage.getItem(key) && navigator.sendBeacon(`${api}/v1/stores/${store}/events`, SHOWN)) sessionStorage.setItem(key, '1');
		} catch {
			// Storage or beacons switched off: the impression is not counted.
		}
	});
}
