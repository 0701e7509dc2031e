import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { startStaticServer } from '../support/static-server';
import { fonts, heavyPadding, heroPng, productCard, products, productSvg } from './assets';
import type { PageSize } from './variants';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.gif': 'image/gif',
	'.woff': 'font/woff',
	'.map': 'application/json',
};
// Formats a CDN would compress; images and fonts are already compressed.
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.map', '.json']);
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface FixtureServers {
	/** The shop: http://127.0.0.1:A */
	pageOrigin: string;
	/** The third party (our widget's CDN, and the heavy control's): http://localhost:B */
	widgetOrigin: string;
	/** The page URL for a variant; `thirdParty` is the HTML put before </body>. */
	pageUrl(variant: string): string;
	setThirdParty(variant: string, html: string, size?: PageSize): void;
	warm(paths: string[]): Promise<void>;
	close(): Promise<void>;
}

/**
Serves bodies compressed like a CDN would (brotli or gzip, whichever the browser offers). Bodies
are compressed once, when registered, so compression time never shows up in the page's timings.
*/
function bodies() {
	const entries = new Map<string, { type: string; plain: Buffer; br?: Buffer; gzip?: Buffer; headers: Record<string, string> }>();
	return {
		set(path: string, type: string, plain: Buffer, headers: Record<string, string> = {}) {
			const compress = COMPRESSIBLE.has(extname(path) || '.html');
			entries.set(path, {
				type,
				plain,
				headers,
				...(compress && {
					br: brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
					gzip: gzipSync(plain, { level: 9 }),
				}),
			});
		},
		has: (path: string) => entries.has(path),
		send(request: IncomingMessage, response: ServerResponse, path: string) {
			const entry = entries.get(path)!;
			const accepted = String(request.headers['accept-encoding'] ?? '');
			const encoding = entry.br && /\bbr\b/.test(accepted) ? 'br' : entry.gzip && /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
			const out = encoding ? entry[encoding]! : entry.plain;
			response.writeHead(200, {
				'content-type': entry.type,
				'content-length': String(out.length),
				'cache-control': 'no-store',
				vary: 'accept-encoding',
				...(encoding && { 'content-encoding': encoding }),
				...entry.headers,
			});
			response.end(out);
		},
	};
}

/** Starts the shop on 127.0.0.1 and the third-party origin on localhost, each at a free port. */
export async function startFixtureServers({ distDir }: { distDir: string }): Promise<FixtureServers> {
	const [template, siteCss, siteJs, heavyJs, heavyCss] = await Promise.all(
		['page.html', 'site.css', 'site.js', 'heavy-widget.js', 'heavy-widget.css'].map((name) => readFile(join(FIXTURES, name), 'utf8')),
	);
	// The bench page has 100 products; the ×10 page (a long collection page, about 26,000
	// elements) repeats the same 100 products' images, so only the DOM grows.
	const catalogue = products(100);
	const pageWith = (count: number) =>
		template.replace('{{COUNT}}', String(count)).replace(
			'{{PRODUCTS}}',
			products(count)
				.map((p, i) => productCard({ ...p, id: catalogue[i % 100].id }, i < 4))
				.join('\n'),
		);
	const pages: Record<PageSize, string> = { normal: pageWith(100), x10: pageWith(1000) };

	const shop = bodies();
	shop.set('/css/site.css', TYPES['.css'], Buffer.from(siteCss));
	shop.set('/js/site.js', TYPES['.js'], Buffer.from(siteJs));
	shop.set('/img/hero.png', TYPES['.png'], heroPng());
	for (const p of catalogue) shop.set(`/img/p/${p.id}.svg`, TYPES['.svg'], Buffer.from(productSvg(p)));
	for (const [name, bytes] of Object.entries(fonts()))
		shop.set(`/fonts/${name}`, TYPES['.woff'], Buffer.from(bytes), { 'access-control-allow-origin': '*' });

	const pageServer = await startStaticServer({}, [
		(request, response) => {
			const url = new URL(request.url ?? '/', 'http://x');
			const path = url.pathname === '/shop/' ? `/shop/${url.searchParams.get('v') ?? 'a'}` : url.pathname;
			if (!shop.has(path)) return false;
			shop.send(request, response, path);
			return true;
		},
	]);

	// Module scripts (the panel chunk) loaded cross-origin need CORS, as on a real CDN.
	const cors = { 'access-control-allow-origin': '*', 'timing-allow-origin': '*' };
	const cdn = bodies();
	const dist = resolve(distDir);
	const widgetServer = await startStaticServer({}, [
		async (request, response) => {
			const path = new URL(request.url ?? '/', 'http://x').pathname;
			if (!cdn.has(path)) {
				// dist/ is read on first request, so a rebuild between bench runs is picked up.
				const file = normalize(join(dist, path));
				if (!file.startsWith(dist + '/')) return false;
				try {
					cdn.set(path, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), cors);
				} catch {
					return false;
				}
			}
			cdn.send(request, response, path);
			return true;
		},
	]);
	// Same machine, different origin: the browser treats these bytes as third-party.
	const widgetOrigin = widgetServer.url.replace('127.0.0.1', 'localhost');
	cdn.set('/heavy/heavy-widget.js', TYPES['.js'], Buffer.from(heavyPadding() + heavyJs.replaceAll('{{ORIGIN}}', widgetOrigin)), cors);
	cdn.set('/heavy/heavy-widget.css', TYPES['.css'], Buffer.from(heavyCss), cors);
	cdn.set('/heavy/pixel.gif', TYPES['.gif'], PIXEL, cors);
	// The launcher's bytes as a script that does nothing: the browser parses them, no more.
	const launcher = await readFile(join(dist, 'rewards.js'), 'utf8').catch(() => '');
	cdn.set('/floor/rewards.js', TYPES['.js'], Buffer.from(`(function(){\n${launcher}\n});`), cors);

	return {
		pageOrigin: pageServer.url,
		widgetOrigin,
		pageUrl: (variant) => `${pageServer.url}/shop/?v=${variant}`,
		setThirdParty: (variant, html, size = 'normal') =>
			shop.set(`/shop/${variant}`, TYPES['.html'], Buffer.from(pages[size].replace('{{THIRD_PARTY}}', html))),
		/** Loads every file of dist/ a variant may need up front (compressed), so no run pays for it. */
		warm: async (paths: string[]) => {
			for (const path of paths)
				if (!cdn.has(path)) cdn.set(path, TYPES[extname(path)] ?? 'application/octet-stream', await readFile(join(dist, path)), cors);
		},
		close: async () => {
			await Promise.all([pageServer.close(), widgetServer.close()]);
		},
	};
}
