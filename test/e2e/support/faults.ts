import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page, Request, Route } from 'playwright-core';

/*
The fault layer between the widget and the real reference server: Playwright request
interception on the API's origin. Each fault hits the FIRST request that matches the journey's
target (method and path); every other request, and the target's later tries, go through untouched.
*/

export type FaultName = 'drop-before' | 'drop-after' | 'stall' | '500' | '502' | '429' | 'truncated' | 'wrong-shape' | 'offline';

export interface Fault {
	name: FaultName;
	/** For the README table. */
	title: string;
	apply(route: Route, context: BrowserContext): Promise<void>;
}

export const STALL_MS = 15_000;
export const OFFLINE_MS = 5_000;

// Fulfilled answers must pass CORS like the server's own, or the browser hides them from the widget.
const cors = (request: Request) => ({
	'access-control-allow-origin': request.headers().origin ?? '*',
	'access-control-expose-headers': 'Retry-After, Content-Language',
});
const json = (route: Route, status: number, body: string, headers: Record<string, string> = {}) =>
	route.fulfill({ status, body, headers: { ...cors(route.request()), 'content-type': 'application/json', ...headers } });
const errorBody = (code: string) => JSON.stringify({ error: { code, message: `fault injected: ${code}` } });
/** Lets the request reach the server (which commits), then hands the page something else. */
const afterServer = async (route: Route, answer: (status: number, body: string) => Promise<void>) => {
	const response = await route.fetch();
	await answer(response.status(), await response.text());
};

export const FAULTS: Fault[] = [
	{ name: 'drop-before', title: 'connection dropped before the server saw the request', apply: (route) => route.abort('connectionreset') },
	{
		name: 'drop-after',
		title: 'connection dropped after the server committed',
		apply: (route) => afterServer(route, () => route.abort('connectionreset')),
	},
	{
		name: 'stall',
		title: `${STALL_MS / 1000} s stall (the widget gives up at 10 s)`,
		apply: async (route) => {
			await new Promise((resolve) => setTimeout(resolve, STALL_MS));
			// The page has usually given up on it by now; then there is nothing left to continue.
			await route.continue().catch(() => {});
		},
	},
	{ name: '500', title: '500 from the server (nothing committed)', apply: (route) => json(route, 500, errorBody('internal_error')) },
	{
		name: '502',
		title: '502 from a gateway (HTML body)',
		apply: (route) =>
			route.fulfill({
				status: 502,
				body: '<html><body>Bad Gateway</body></html>',
				headers: { ...cors(route.request()), 'content-type': 'text/html' },
			}),
	},
	{ name: '429', title: '429 with Retry-After: 1', apply: (route) => json(route, 429, errorBody('rate_limited'), { 'retry-after': '1' }) },
	{
		name: 'truncated',
		title: 'truncated JSON (after the server committed)',
		apply: (route) => afterServer(route, (status, body) => json(route, status, body.slice(0, Math.floor(body.length / 2)))),
	},
	{
		name: 'wrong-shape',
		title: 'valid JSON of the wrong shape (after the server committed)',
		apply: (route) => afterServer(route, (status) => json(route, status, JSON.stringify({ ok: true, balance: 'lots', items: {} }))),
	},
	{
		name: 'offline',
		title: `offline for ${OFFLINE_MS / 1000} s, then back`,
		apply: async (route, context) => {
			await context.setOffline(true);
			await route.abort('internetdisconnected');
			setTimeout(() => void context.setOffline(false).catch(() => {}), OFFLINE_MS);
		},
	},
];

export interface Target {
	method: string;
	/** The API path's end, e.g. `/customer/redemptions`. */
	path: string;
}

/** Puts `fault` on the first request to `api` that matches `target`. Resolves once installed. */
export async function injectFault(page: Page, api: string, target: Target, fault: Fault) {
	let armed = true;
	const hits: string[] = [];
	await page.route(
		(url) => url.origin == new URL(api).origin,
		async (route) => {
			const request = route.request();
			const matches = request.method() == target.method && new URL(request.url()).pathname.endsWith(target.path);
			if (matches) hits.push(armed ? 'fault' : 'through');
			if (!matches || !armed) return route.continue().catch(() => {});
			armed = false;
			await fault.apply(route, page.context()).catch(() => {});
		},
	);
	return {
		/** How the target's requests went: the faulted one, then those let through. */
		hits,
	};
}

/** Console errors that are Chromium reporting a failed or refused request, not an uncaught error. */
export const isNetworkLog = (message: string) => /Failed to load resource|net::ERR_/.test(message);

export interface CaseResult {
	journey: string;
	fault: FaultName;
	/** What the shopper saw, in a few words. */
	seen: string;
	/** The ledger (or claims) check, in a few words. */
	ledger: string;
	held: boolean;
	note?: string;
	ms: number;
}

/** Writes test-results/faults.md: one row per case, journey by journey, in the table's order. */
export function writeReport(results: CaseResult[], journeys: string[], wall: number) {
	const rows = journeys.flatMap((journey) =>
		FAULTS.map((fault) => {
			const result = results.find((r) => r.journey == journey && r.fault == fault.name);
			if (!result) return `| ${journey} | ${fault.name} | not run | | | |`;
			return `| ${journey} | ${fault.name} | ${result.seen} | ${result.ledger} | ${result.held ? '✅ held' : `⚠️ ${result.note ?? 'failed'}`} | ${Math.round(result.ms / 1000)} s |`;
		}),
	);
	const lines = [
		'| Journey | Fault | What the shopper saw | The server afterwards | | Time |',
		'| --- | --- | --- | --- | --- | --- |',
		...rows,
		'',
		...FAULTS.map((fault) => `- **${fault.name}**: ${fault.title}`),
		'',
		`${results.filter((r) => r.held).length} of ${results.length} cases held; ${Math.round(wall / 1000)} s for the file (Chromium, the reference server on PGlite), written by test/e2e/faults.test.ts.`,
	];
	mkdirSync('test-results', { recursive: true });
	writeFileSync('test-results/faults.md', `${lines.join('\n')}\n`);
}
