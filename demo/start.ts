// `npm run demo`: the reference loyalty server on its embedded database (seeded on first run) and
// the demo storefront, which includes dist/rewards.js exactly the way a merchant would.
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer } from './server/app';
import { DEMO_STORE } from './server/seed/demo-store';
import { startStaticServer } from '../test/support/static-server';

const storefrontPort = Number(process.env.STOREFRONT_PORT ?? 5173);
const apiPort = Number(process.env.PORT ?? 8787);
const storefrontUrl = `http://127.0.0.1:${storefrontPort}`;

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, body: unknown) {
	response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const api = await startServer({
	port: apiPort,
	dataDir: process.env.REWARDS_DATA_DIR ?? '.data',
	databaseUrl: process.env.DATABASE_URL,
	seed: true,
	devTokens: true,
	allowedOrigins: [storefrontUrl, `http://localhost:${storefrontPort}`],
	storefrontUrl,
	log: true,
});

// The storefront's own "backend": in a real shop the merchant's server signs the order webhook
// with the store secret. The browser never sees the secret.
const placeOrder = async (request: IncomingMessage, response: ServerResponse) => {
	if (request.method !== 'POST' || !request.url?.startsWith('/demo/orders')) return false;
	const { customerId, email, subtotal } = JSON.parse(await readBody(request)) as { customerId: string; email: string; subtotal: number };
	const order = JSON.stringify({ orderId: `demo-${Date.now()}`, customerId, email, subtotal, currency: 'USD' });
	const signature = createHmac('sha256', DEMO_STORE.secret).update(order).digest('hex');
	const result = await fetch(`${api.url}/v1/stores/${DEMO_STORE.key}/webhooks/orders`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-rewards-signature': `sha256=${signature}` },
		body: order,
	});
	json(response, result.status, await result.json());
	return true;
};

// Pages carry the API's address in the script tag, as a merchant's theme would.
const pages = async (request: IncomingMessage, response: ServerResponse) => {
	const path = new URL(request.url ?? '/', storefrontUrl).pathname;
	const name = path === '/' ? 'index.html' : /^\/([\w-]+\.html)$/.exec(path)?.[1] ?? (path.startsWith('/account/') ? 'account.html' : undefined);
	if (!name) return false;
	const html = await readFile(`demo/storefront/${name}`, 'utf8').catch(() => undefined);
	if (html === undefined) return false;
	response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
	response.end(html.replaceAll('{{API}}', api.url).replaceAll('{{STORE}}', DEMO_STORE.key));
	return true;
};

await startStaticServer({ '/dist/': 'dist', '/': 'demo/storefront' }, [pages, placeOrder], { port: storefrontPort });

console.log(`\n  Demo storefront:    ${storefrontUrl}/`);
console.log(`  Loyalty API:        ${api.url}/openapi.json`);
console.log('  Stop with Ctrl+C.\n');
