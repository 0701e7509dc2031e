import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startStaticServer, type StaticServer } from '../test/support/static-server';

export interface StorefrontOptions {
	/** The loyalty API's base URL, written into the pages' script tag; a function when it is known only later. */
	api: string | (() => string);
	store: { key: string; secret: string };
	/** 0 picks a free port. */
	port?: number;
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/**
The demo storefront on 127.0.0.1: its pages (with the widget's tag filled in, as a theme would),
the built widget under /dist/, and the shop's own "backend" route that places a test order by
sending the loyalty server a webhook signed with the store secret, which the browser never sees.
*/
export function startStorefront({ api: apiOption, store, port = 0 }: StorefrontOptions): Promise<StaticServer> {
	const apiUrl = () => (typeof apiOption === 'function' ? apiOption() : apiOption);
	const pages = async (request: IncomingMessage, response: ServerResponse) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		const name = path === '/' ? 'index.html' : path.startsWith('/account/') ? 'account.html' : /^\/([\w-]+\.html)$/.exec(path)?.[1];
		if (!name) return false;
		const html = await readFile(`demo/storefront/${name}`, 'utf8').catch(() => undefined);
		if (html === undefined) return false;
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
		response.end(html.replaceAll('{{API}}', apiUrl()).replaceAll('{{STORE}}', store.key));
		return true;
	};

	const placeOrder = async (request: IncomingMessage, response: ServerResponse) => {
		if (request.method !== 'POST' || request.url !== '/demo/orders') return false;
		const { customerId, email, subtotal } = JSON.parse(await readBody(request)) as { customerId: string; email: string; subtotal: number };
		const order = JSON.stringify({ orderId: `demo-${Date.now()}`, customerId, email, subtotal, currency: 'USD' });
		const signature = createHmac('sha256', store.secret).update(order).digest('hex');
		const result = await fetch(`${apiUrl()}/v1/stores/${store.key}/webhooks/orders`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-rewards-signature': `sha256=${signature}` },
			body: order,
		});
		response.writeHead(result.status, { 'content-type': 'application/json' }).end(await result.text());
		return true;
	};

	return startStaticServer({ '/dist/': 'dist', '/': 'demo/storefront' }, [pages, placeOrder], { port });
}
