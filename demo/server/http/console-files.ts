import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built console and widget are: dist/console and dist of the repository, by default. */
export interface ConsoleFilesOptions {
	/** The console build (index.html, preview.html, assets/). */
	consoleDir: string;
	/** The widget build the preview runs (rewards.js, rewards-panel.js, chunks/). */
	widgetDir: string;
}

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
};

/*
The console only talks to this origin. Observable Plot writes a <style> element into each chart,
hence 'unsafe-inline' for styles (never for scripts). The preview page frames the widget on this
same origin; nobody else may frame the console.
*/
export const CONSOLE_CSP = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: https:",
	"connect-src 'self'",
	"frame-src 'self'",
	"frame-ancestors 'self'",
	"base-uri 'none'",
	"form-action 'self'",
	"object-src 'none'",
].join('; ');

const SECURITY_HEADERS = {
	'Content-Security-Policy': CONSOLE_CSP,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The default locations: `dist/console` and `dist` at the repository root (this file is demo/server/http/). */
export function defaultConsoleFiles(): ConsoleFilesOptions {
	const dist = fileURLToPath(new URL('../../../dist', import.meta.url));
	return { consoleDir: resolve(dist, 'console'), widgetDir: dist };
}

/** Resolves `relative` inside `root`, or undefined when it would leave it (`..`, absolute, NUL). */
function inside(root: string, relative: string): string | undefined {
	if (relative.includes('\0')) return undefined;
	const file = resolve(root, `.${sep}${relative}`);
	return file.startsWith(root + sep) ? file : undefined;
}

/**
Serves the merchant console at /admin/ (and the built widget its preview runs at /admin/widget/):
GET and HEAD only, files inside the two folders only, the CSP above on every answer. Answers
false for every other path, which goes on to the API's routing.
*/
export function createConsoleFiles({ consoleDir, widgetDir }: ConsoleFilesOptions) {
	const roots = { console: resolve(consoleDir), widget: resolve(widgetDir) };

	const answer = (response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
		response.writeHead(status, {
			...SECURITY_HEADERS,
			'Content-Type': 'text/plain; charset=utf-8',
			'Cache-Control': 'no-store',
			...headers,
		});
		response.end(text);
	};

	const serve = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
		const pathname = new URL(request.url ?? '/', 'http://server').pathname;
		if (pathname !== '/admin' && !pathname.startsWith('/admin/')) return false;
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			answer(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
			return true;
		}
		if (pathname === '/admin') {
			answer(response, 308, 'See /admin/.', { Location: '/admin/' });
			return true;
		}
		let relative: string;
		try {
			relative = decodeURIComponent(pathname.slice('/admin/'.length));
		} catch {
			answer(response, 400, 'Malformed path.');
			return true;
		}
		// The widget the preview runs: only its own files, never the rest of dist/.
		const widget = /^widget\/((?:chunks\/)?[\w.-]+\.js(?:\.map)?)$/.exec(relative);
		const file = widget ? inside(roots.widget, widget[1]) : inside(roots.console, relative === '' ? 'index.html' : relative);
		if (!file || (!widget && relative.startsWith('widget/'))) {
			answer(response, 404, 'Not found.');
			return true;
		}
		const info = await stat(file).catch(() => undefined);
		if (!info?.isFile()) {
			const built = await stat(roots.console).catch(() => undefined);
			answer(response, 404, built ? 'Not found.' : 'The console is not built: run `npm run build`.');
			return true;
		}
		const body = await readFile(file);
		// Vite names assets by their content hash; everything else may change with a new build.
		const immutable = relative.startsWith('assets/');
		response.writeHead(200, {
			...SECURITY_HEADERS,
			'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
			'Content-Length': body.length,
			'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
		});
		response.end(request.method === 'HEAD' ? undefined : body);
		return true;
	};

	return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
		try {
			return await serve(request, response);
		} catch (error) {
			console.error('[rewards] console file failed', request.url, error);
			if (!response.headersSent) answer(response, 500, 'Something went wrong.');
			else response.destroy();
			return true;
		}
	};
}
