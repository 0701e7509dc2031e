import type { RewardsOptions } from './options';
import { OPTION_NAMES } from './validate';

/**
Reads options from a script tag's `data-*` attributes (`data-store`, `data-api`, `data-z-index`,
`data-offset-y`, `data-primary`, `data-customer-id`…). Numbers and booleans are parsed (a signed
customer's `issuedAt` stays digits); other data attributes on the tag (a CDN's or a tag
manager's) are left alone.
*/
export function readDatasetOptions(script: HTMLScriptElement | null | undefined): RewardsOptions {
	const options: Record<string, unknown> = {};
	if (!script) return options;
	const { offsetX, offsetY, primary, zIndex, hideLauncher, ...rest } = script.dataset;
	for (const [name, value] of Object.entries(rest)) {
		if (OPTION_NAMES.includes(name)) options[name] = value;
		// data-customer-id, -email, -issued-at, -digest: the signed customer a theme renders for a signed-in shopper.
		else if (name.startsWith('customer'))
			((options.customer ||= {}) as Record<string, string>)[name[8].toLowerCase() + name.slice(9)] = value!;
	}
	if (zIndex) options.zIndex = Number(zIndex);
	if (hideLauncher !== undefined) options.hideLauncher = hideLauncher !== 'false';
	if (offsetX || offsetY) options.offset = { ...(offsetX && { x: Number(offsetX) }), ...(offsetY && { y: Number(offsetY) }) };
	if (primary) options.theme = { primary };
	// Browsers hide an applied nonce from the attribute; the property still has it.
	if (!options.nonce && script.nonce) options.nonce = script.nonce;
	return options;
}
