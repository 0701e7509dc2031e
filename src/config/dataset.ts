import type { RewardsOptions } from './options';

// data-* attributes a merchant can put on the script tag. Booleans and numbers are parsed;
// everything else stays a string and is validated with the rest of the options.
const STRING_ATTRIBUTES = ['store', 'api', 'customerToken', 'referralParam', 'position', 'showOn', 'launcherIcon', 'colorScheme', 'nonce', 'locale', 'applyCouponUrl'] as const;

/** Reads options from a script tag's `data-*` attributes (`data-store`, `data-api`, `data-z-index`…). */
export function readDatasetOptions(script: HTMLScriptElement | null | undefined): RewardsOptions {
	const options: Record<string, unknown> = {};
	if (!script) return options;
	const data = script.dataset;
	for (const name of STRING_ATTRIBUTES) {
		if (data[name] !== undefined) options[name] = data[name];
	}
	if (data.zIndex !== undefined) options.zIndex = Number(data.zIndex);
	if (data.hideLauncher !== undefined) options.hideLauncher = data.hideLauncher !== 'false';
	if (data.offsetX !== undefined || data.offsetY !== undefined) {
		options.offset = {
			...(data.offsetX !== undefined && { x: Number(data.offsetX) }),
			...(data.offsetY !== undefined && { y: Number(data.offsetY) }),
		};
	}
	if (data.primary !== undefined) options.theme = { primary: data.primary };
	// Browsers hand us a nonce only through the property; the attribute reads as empty once applied.
	if (!options.nonce && script.nonce) options.nonce = script.nonce;
	return options;
}
