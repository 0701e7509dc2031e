// Prints a customer token for local testing:
//   npx tsx demo/server/mint-token.ts demo-alice [--email alice@example.com] [--ttl 900]
// Signs for the demo store unless REWARDS_STORE_KEY and REWARDS_STORE_SECRET say otherwise.
import { parseArgs } from 'node:util';
import { DEMO_SHOPPERS, DEMO_STORE } from './seed/demo-store';
import { mintCustomerToken } from './token';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { email: { type: 'string' }, ttl: { type: 'string' } } });
const customerId = positionals[0];
if (!customerId) {
	console.error('usage: tsx demo/server/mint-token.ts <customerId> [--email <email>] [--ttl <seconds, max 3600>]');
	process.exit(2);
}
const known = Object.values(DEMO_SHOPPERS).find((shopper) => shopper.customerId === customerId);
console.log(
	await mintCustomerToken({
		storeKey: process.env.REWARDS_STORE_KEY ?? DEMO_STORE.key,
		secret: process.env.REWARDS_STORE_SECRET ?? DEMO_STORE.secret,
		customerId,
		email: values.email ?? known?.email ?? `${customerId}@example.com`,
		ttlSeconds: values.ttl ? Number(values.ttl) : 900,
	}),
);
