import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/harness';

// The console's static files at /admin/ on the API's own origin: a built console and widget laid
// out in a temporary folder, with a secret file beside them that no path may reach.
let server: TestServer;
let root: string;

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'openrewards-console-files-'));
	await mkdir(join(root, 'dist/console/assets'), { recursive: true });
	await mkdir(join(root, 'dist/chunks'), { recursive: true });
	await writeFile(join(root, 'dist/console/index.html'), '<!doctype html><title>console</title>');
	await writeFile(join(root, 'dist/console/assets/console-abc123.js'), 'console.log(1)');
	await writeFile(join(root, 'dist/console/assets/console-abc123.css'), 'body{}');
	await writeFile(join(root, 'dist/rewards.js'), '/* widget */');
	await writeFile(join(root, 'dist/chunks/fr-1.js'), '/* fr */');
	await writeFile(join(root, 'dist/secret.txt'), 'widget dir secret');
	await writeFile(join(root, 'secret.txt'), 'outside secret');
	server = await startTestServer({ console: { consoleDir: join(root, 'dist/console'), widgetDir: join(root, 'dist') } });
});

afterAll(async () => {
	await server?.close();
	await rm(root, { recursive: true, force: true });
});

/** A raw request, so paths like /admin/../x reach the server as written (fetch would normalise them). */
function raw(
	method: string,
	path: string,
	headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
	const { hostname, port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const request = httpRequest({ host: hostname, port, method, path, headers }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
		});
		request.on('error', reject);
		request.end();
	});
}

describe('the console at /admin/', () => {
	it('serves index.html at /admin/ with a strict CSP and redirects /admin there', async () => {
		const page = await raw('GET', '/admin/');
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(page.body).toContain('<title>console</title>');
		const csp = String(page.headers['content-security-policy']);
		expect(csp).toContain("script-src 'self'");
		expect(csp).toContain("connect-src 'self'");
		expect(csp).toContain("frame-ancestors 'self'");
		expect(csp).not.toMatch(/script-src[^;]*unsafe/);
		expect(page.headers['x-content-type-options']).toBe('nosniff');
		expect(page.headers['cache-control']).toBe('no-cache');

		const bare = await raw('GET', '/admin');
		expect([bare.status, bare.headers.location]).toEqual([308, '/admin/']);
	});

	it('answers each file with its content type; hashed assets are cached for good', async () => {
		const script = await raw('GET', '/admin/assets/console-abc123.js');
		expect([script.status, script.headers['content-type'], script.body]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1)']);
		expect(script.headers['cache-control']).toContain('immutable');
		const style = await raw('GET', '/admin/assets/console-abc123.css');
		expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
		const head = await raw('HEAD', '/admin/assets/console-abc123.js');
		expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '14']);
	});

	it('serves the widget the preview runs at /admin/widget/, and nothing else of its folder', async () => {
		expect((await raw('GET', '/admin/widget/rewards.js')).body).toBe('/* widget */');
		expect((await raw('GET', '/admin/widget/chunks/fr-1.js')).body).toBe('/* fr */');
		expect((await raw('GET', '/admin/widget/secret.txt')).status).toBe(404);
		expect((await raw('GET', '/admin/widget/console/index.html')).status).toBe(404);
	});

	it.each([
		'/admin/../secret.txt',
		'/admin/..%2fsecret.txt',
		'/admin/%2e%2e/secret.txt',
		'/admin/%2e%2e%2f%2e%2e%2fsecret.txt',
		'/admin/assets/..%2f..%2fsecret.txt',
		'/admin/widget/..%2fsecret.txt',
		'/admin/widget/chunks/..%2f..%2fsecret.txt',
		'/admin/%00index.html',
		'/admin/assets/',
	])('never leaves its folder: %s', async (path) => {
		const answer = await raw('GET', path);
		expect([400, 404]).toContain(answer.status);
		expect(answer.body).not.toMatch(/outside secret|widget dir secret/);
	});

	it('answers a malformed path with 400 and other methods with 405', async () => {
		expect((await raw('GET', '/admin/%E0%A4%A')).status).toBe(400);
		const post = await raw('POST', '/admin/');
		expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
	});

	it('leaves every other path to the API', async () => {
		const program = await server.api.get('/v1/stores/pk_demo/program');
		expect(program.status).toBe(200);
		expect((await server.api.get('/administrator')).status).toBe(404);
	});
});

describe("the console's calls to the API", () => {
	it("need no CORS from the server's own origin, while other origins stay refused", async () => {
		const own = await raw('GET', '/v1/stores/pk_demo/program', { origin: server.url });
		expect(own.status).toBe(200);
		expect(own.headers['access-control-allow-origin']).toBeUndefined();
		const other = await raw('GET', '/v1/stores/pk_demo/program', { origin: 'http://evil.example' });
		expect(other.status).toBe(403);
		const sameHostOtherPort = await raw('GET', '/v1/stores/pk_demo/program', { origin: 'http://127.0.0.1:1' });
		expect(sameHostOtherPort.status).toBe(403);
	});
});

describe('a server without a built console', () => {
	it('says how to build it', async () => {
		const bare = await startTestServer({ console: { consoleDir: join(root, 'missing'), widgetDir: join(root, 'missing') } });
		try {
			const answer = await fetch(`${bare.url}/admin/`);
			expect(answer.status).toBe(404);
			expect(await answer.text()).toContain('npm run build');
		} finally {
			await bare.close();
		}
	});
});
