// `npm run demo`: the reference loyalty server on its embedded database (seeded on first run) and
// the demo storefront, which includes dist/rewards.js exactly the way a merchant would.
import { startServer } from './server/app';
import { DEMO_STORE } from './server/seed/demo-store';
import { startStorefront } from './storefront-server';

const storefrontPort = Number(process.env.STOREFRONT_PORT ?? 5173);
const storefrontUrl = `http://127.0.0.1:${storefrontPort}`;

const api = await startServer({
	port: Number(process.env.PORT ?? 8787),
	dataDir: process.env.REWARDS_DATA_DIR ?? '.data',
	databaseUrl: process.env.DATABASE_URL,
	seed: true,
	devTokens: true,
	allowedOrigins: [storefrontUrl, `http://localhost:${storefrontPort}`],
	storefrontUrl,
	log: true,
});
const storefront = await startStorefront({ api: api.url, store: DEMO_STORE, port: storefrontPort });

console.log(`\n  Demo storefront:  ${storefrontUrl}/`);
console.log(`  Loyalty API:      ${api.url}/openapi.json`);
console.log(`  Merchant console: ${api.url}/admin/?store=${DEMO_STORE.key}  (admin key: ${DEMO_STORE.adminKey})`);
console.log('  Stop with Ctrl+C.\n');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, async () => {
		await storefront.close();
		await api.close();
		process.exit(0);
	});
}
