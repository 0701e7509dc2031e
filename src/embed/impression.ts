import type { ResolvedConfig } from '../config/defaults';
import { listen } from './listen';

/** The launcher's own breakpoint (launcher.css): `showOn` hides it on one side of it. */
const PHONE = '(max-width: 600px)';

/**
The batch, with no time: the server stamps it on arrival, a moment later. Written out, not built
with JSON.stringify, which pages that patch Array#toJSON (old Prototype.js) turn into a string.
*/
const SHOWN = '{"events":[{"type":"launcher_shown"}]}';

/**
The top of the merchant's funnel (`launcher_shown` → `launcher_open` → …): once per browser
session and store, one beacon says the launcher was shown. Guests count too, and the panel never
has to load for it. It goes when the page is hidden (the shopper leaves it, or switches tab or
app), as analytics beacons should: the first storage read and the beacon cost about 15 ms of
script at 4× CPU, which the page then never pays while it is in use. A plain-text body is a
CORS-safelisted request: no preflight (the events endpoint takes text/plain for this). A lost
beacon is harmless. Returns a function that cancels it.
*/
export function countImpression({ api, store, hideLauncher, showOn }: ResolvedConfig): () => void {
	if (hideLauncher || (showOn != 'all' && matchMedia(PHONE).matches == (showOn == 'desktop'))) return () => {};
	const send = () => {
		if (document.visibilityState != 'hidden') return;
		stop();
		const key = `rewards:shown:${store}`;
		try {
			// The store key is [\w-] only (config/validate.ts), so it needs no encoding in the path.
			if (!sessionStorage.getItem(key) && navigator.sendBeacon(`${api}/v1/stores/${store}/events`, SHOWN)) sessionStorage.setItem(key, '1');
		} catch {
			// Storage or beacons switched off: the impression is not counted.
		}
	};
	// Fired on unload too (Safari since 14.1): the last event a page reliably gets.
	const stop = listen(document, 'visibilitychange', send);
	return stop;
}
