import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../../support/static-server';

export interface FixtureOptions {
	/** Base URL of the loyalty API the pages point at; can also be set later through `values.API`. */
	api?: string;
	/** Extra `{{NAME}}` substitutions for page templates. */
	values?: Record<string, string>;
	/** Response headers for pages, e.g. a Content-Security-Policy. */
	headers?: Record<string, string>;
}

/**
Serves the built widget at /dist/ and the E2E page templates at /pages/, with `{{API}}` and other
placeholders filled in, the way a storefront would include the tag.
*/
export interface Fixture extends StaticServer {
	/** Template values, read at request time: set `values.API` once the API's port is known. */
	values: Record<string, string>;
}

export async function startFixture({ api = '', values = {}, headers = {} }: FixtureOptions = {}): Promise<Fixture> {
	const substitutions: Record<string, string> = { API: api, ATTRS: '', ...values };
	const server = await startStaticServer({ '/dist/': 'dist' }, [
		async (request, response) => {
			const path = new URL(request.url ?? '/', 'http://x').pathname;
			const match = /^\/pages\/([\w-]+\.html)$/.exec(path);
			if (!match) return false;
			const template = await readFile(join('test/e2e/pages', match[1]), 'utf8').catch(() => undefined);
			if (template === undefined) return false;
			const html = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => substitutions[name] ?? whole);
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
			response.end(html);
			return true;
		},
	]);
	return { ...server, values: substitutions };
}
