import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.map': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.woff2': 'font/woff2',
};

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

export type Route = (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

/**
Serves directories on 127.0.0.1 at a free port: `mounts` maps a URL prefix to a folder
(e.g. { '/dist/': 'dist', '/': 'demo/storefront' }). `routes` run first and may answer themselves.
*/
export async function startStaticServer(
	mounts: Record<string, string>,
	routes: Route[] = [],
	listen: { port?: number; host?: string } = {},
): Promise<StaticServer> {
	const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
	const server = createServer(async (request, response) => {
		try {
			for (const route of routes) if (await route(request, response)) return;
			const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
			const prefix = prefixes.find((p) => path.startsWith(p));
			if (!prefix) return void response.writeHead(404).end();
			const root = resolve(mounts[prefix]);
			let file = normalize(join(root, path.slice(prefix.length)));
			if (!file.startsWith(root)) return void response.writeHead(403).end();
			if (file.endsWith('/') || file === root) file = join(file, 'index.html');
			const body = await readFile(file);
			response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
			response.end(body);
		} catch {
			if (!response.headersSent) response.writeHead(404);
			response.end();
		}
	});
	const host = listen.host ?? '127.0.0.1';
	await new Promise<void>((done, fail) => server.once('error', fail).listen(listen.port ?? 0, host, done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${host}:${port}`,
		close: () =>
			new Promise((done) => {
				server.closeAllConnections();
				server.close(() => done());
			}),
	};
}
