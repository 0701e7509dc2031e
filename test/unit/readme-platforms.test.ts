// @vitest-environment node
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customerDigestMessage, signCustomer } from '../../demo/server/token';
import { DEMO_STORE } from '../../demo/server/seed/demo-store';
import { shopifyLiquid } from '../support/shopify-liquid';

const readme = readFileSync('README.md', 'utf8');

describe('README › Install on Shopify / WooCommerce / Headless', () => {
	it('shows each platform snippet exactly as the file the tests use', () => {
		const blocks = [...readme.matchAll(/<!-- snippet:(\S+) -->\n```\w+\n([\s\S]*?)\n```\n<!-- \/snippet -->/g)];
		expect(blocks.map(([, path]) => path)).toEqual(['demo/platforms/shopify/rewards.liquid', 'demo/platforms/woocommerce/rewards.php']);
		for (const [, path, block] of blocks) expect(block).toBe(readFileSync(path, 'utf8').trimEnd());
	});

	it('gives a digest example that the server’s canonical string and HMAC reproduce', () => {
		const row = readme.slice(readme.indexOf('<!-- digest-vector -->')).split('\n')[3];
		const [storeKey, id, email, issuedAt, message, digest] = row
			.split('|')
			.slice(1, -1)
			.map((cell) => cell.trim().replace(/`/g, ''));
		expect(readme).toContain(`identity secret, \`${DEMO_STORE.identitySecret}\``);
		expect(customerDigestMessage(storeKey, id, email, issuedAt)).toBe(message);
		expect(createHmac('sha256', DEMO_STORE.identitySecret).update(message).digest('hex')).toBe(digest);
		expect(
			signCustomer({ storeKey, identitySecret: DEMO_STORE.identitySecret, customerId: id, email, issuedAt: Number(issuedAt) }).digest,
		).toBe(digest);
	});
});

describe('the Shopify Liquid filters the tests render with', () => {
	it('hmac_sha256 gives Shopify’s documented output', async () => {
		// shopify.dev/docs/api/liquid/filters/hmac_sha256
		expect(await shopifyLiquid().parseAndRender(`{{ 'Polyjuice' | hmac_sha256: 'Polina' }}`)).toBe(
			'8e0d5d65cff1242a4af66c8f4a32854fd5fb80edcc8aabe9b302b29c7c71dc20',
		);
	});

	it('the snippet signs storeKey:id:email:issuedAt for a customer, and renders no customer for a guest', async () => {
		const snippet = readFileSync('demo/platforms/shopify/rewards.liquid', 'utf8');
		const settings = {
			rewards_script_url: '/r.js',
			rewards_store_key: 'pk_demo',
			rewards_api_url: 'https://api.example',
			rewards_identity_secret: DEMO_STORE.identitySecret,
		};
		const html = await shopifyLiquid().parseAndRender(snippet, { settings, customer: { id: 7243, email: 'alice@example.com' } });
		const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];
		const issuedAt = attribute('data-customer-issued-at')!;
		expect(Math.abs(Number(issuedAt) - Date.now() / 1000)).toBeLessThan(60);
		expect(attribute('data-customer-digest')).toBe(
			createHmac('sha256', DEMO_STORE.identitySecret).update(`pk_demo:7243:alice@example.com:${issuedAt}`).digest('hex'),
		);
		const guest = await shopifyLiquid().parseAndRender(snippet, { settings });
		expect(guest).not.toContain('data-customer');
		expect(guest).toContain('data-store="pk_demo"');
	});
});
