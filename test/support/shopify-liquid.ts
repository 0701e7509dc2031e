import { createHmac } from 'node:crypto';
import { Liquid } from 'liquidjs';

/**
A Liquid engine with the Shopify filters our theme snippet uses that liquidjs does not ship.
`hmac_sha256` follows Shopify's documentation (shopify.dev/docs/api/liquid/filters/hmac_sha256):
`string | hmac_sha256: secret` is the lowercase hex HMAC-SHA256 of the string keyed with the
secret, e.g. `'Polyjuice' | hmac_sha256: 'Polina'` is 8e0d5d65…dc20. liquidjs's own `date`
('now', '%s'), `append` and `escape` behave as Shopify's for what the snippet does.
*/
export function shopifyLiquid(): Liquid {
	const engine = new Liquid({ strictFilters: true });
	engine.registerFilter('hmac_sha256', (value: unknown, secret: unknown) =>
		createHmac('sha256', String(secret)).update(String(value), 'utf8').digest('hex'),
	);
	return engine;
}
