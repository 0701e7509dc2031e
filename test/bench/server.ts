// `npm run bench:server`: throughput and latency of the reference server on loopback, against its
// embedded PGlite (or PostgreSQL when DATABASE_URL is set). The server runs as a child process,
// as in production; this process is a keep-alive load generator written with node:http.
//
//   npm run bench:server -- --duration 10 --connections 16 --max-requests 100000
//
// Every phase is bounded in time and in requests. Only 127.0.0.1 is ever contacted.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signBody } from '../../demo/server/orders/signature';
import { DEMO_STORE } from '../../demo/server/seed/demo-store';
import { mintCustomerToken } from '../../demo/server/token';

const { values: args } = parseArgs({
	options: {
		duration: { type: 'string', default: '10' },
		warmup: { type: 'string', default: '2' },
		connections: { type: 'string', default: '16' },
		'max-requests': { type: 'string', default: '100000' },
		customers: { type: 'string', default: '200' },
	},
});
const DURATION_MS = Number(args.duration) * 1000;
const WARMUP_MS = Number(args.warmup) * 1000;
const CONNECTIONS = Number(args.connections);
const MAX_REQUESTS = Number(args['max-requests']);
const CUSTOMERS = Number(args.customers);

interface Call {
	method: string;
	path: string;
	headers: Record<string, string>;
	body?: string;
}

async function startChild(): Promise<{ url: string; child: ChildProcess; cleanup(): Promise<void> }> {
	const dataDir = process.env.DATABASE_URL ? undefined : await mkdtemp(join(tmpdir(), 'openrewards-bench-'));
	const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
		env: {
			...process.env,
			PORT: '0',
			REWARDS_SEED: '1',
			REWARDS_LOG: '0',
			REWARDS_RATE_LIMIT_PER_IP: '0',
			REWARDS_RATE_LIMIT_PER_CUSTOMER: '0',
			...(dataDir ? { REWARDS_DATA_DIR: dataDir } : {}),
		},
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		let output = '';
		child.stdout!.on('data', (chunk) => {
			output += chunk;
			const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
			if (found) resolve(found);
		});
		child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
	});
	return {
		url,
		child,
		async cleanup() {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
			if (dataDir) await rm(dataDir, { recursive: true, force: true });
		},
	};
}

function send(agent: Agent, base: URL, call: Call): Promise<number> {
	return new Promise((resolve, reject) => {
		const outgoing = request(
			{
				agent,
				host: base.hostname,
				port: base.port,
				method: call.method,
				path: call.path,
				headers: call.body ? { ...call.headers, 'content-length': Buffer.byteLength(call.body) } : call.headers,
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode!));
			},
		);
		outgoing.on('error', reject);
		outgoing.end(call.body);
	});
}

// Clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on Linux).
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) the process has used, from /proc; undefined where there is no /proc. */
function cpuSeconds(pid: number): number | undefined {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
	} catch {
		return undefined;
	}
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `next()` calls on CONNECTIONS keep-alive connections until the time or request budget is spent. */
async function load(base: URL, serverPid: number, name: string, next: (i: number) => Call, durationMs: number, record: boolean) {
	const cpuBefore = cpuSeconds(serverPid);
	const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
	const latencies: number[] = [];
	const statuses = new Map<number, number>();
	let issued = 0;
	const started = performance.now();
	const deadline = started + durationMs;
	const worker = async () => {
		while (performance.now() < deadline && issued < MAX_REQUESTS) {
			const call = next(issued++);
			const t0 = performance.now();
			const status = await send(agent, base, call);
			latencies.push(performance.now() - t0);
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
		}
	};
	await Promise.all(Array.from({ length: CONNECTIONS }, worker));
	const elapsed = (performance.now() - started) / 1000;
	const cpuAfter = cpuSeconds(serverPid);
	agent.destroy();
	if (!record) return undefined;
	latencies.sort((a, b) => a - b);
	return {
		scenario: name,
		requests: latencies.length,
		'req/s': Math.round(latencies.length / elapsed),
		'p50 ms': Number(percentile(latencies, 50).toFixed(2)),
		'p99 ms': Number(percentile(latencies, 99).toFixed(2)),
		'max ms': Number(latencies[latencies.length - 1].toFixed(2)),
		// Server CPU per request: what one core can sustain, whatever else the machine was doing.
		'server CPU µs/req':
			cpuBefore === undefined || cpuAfter === undefined ? 'n/a' : Math.round(((cpuAfter - cpuBefore) * 1e6) / latencies.length),
		statuses: Object.fromEntries(statuses),
	};
}

const server = await startChild();
try {
	const base = new URL(server.url);
	const storePath = `/v1/stores/${DEMO_STORE.key}`;
	const tokens = await Promise.all(
		Array.from({ length: CUSTOMERS }, (_, i) =>
			mintCustomerToken({
				storeKey: DEMO_STORE.key,
				secret: DEMO_STORE.secret,
				customerId: `bench-${i}`,
				email: `bench-${i}@example.com`,
				ttlSeconds: 3600,
			}),
		),
	);
	// Enrol every customer and fund them for thousands of redemptions.
	const setupAgent = new Agent({ keepAlive: true, maxSockets: 8 });
	for (let i = 0; i < CUSTOMERS; i++) {
		await send(setupAgent, base, { method: 'GET', path: `${storePath}/customer`, headers: { authorization: `Bearer ${tokens[i]}` } });
		const order = JSON.stringify({ orderId: `bench-funding-${i}`, customerId: `bench-${i}`, subtotal: 100_000_000, currency: 'USD' });
		await send(setupAgent, base, {
			method: 'POST',
			path: `${storePath}/webhooks/orders`,
			headers: { 'content-type': 'application/json', 'x-rewards-signature': signBody(order, DEMO_STORE.secret) },
			body: order,
		});
	}
	setupAgent.destroy();

	const getCustomer = (i: number): Call => ({
		method: 'GET',
		path: `${storePath}/customer`,
		headers: { authorization: `Bearer ${tokens[i % CUSTOMERS]}` },
	});
	const redeem = (i: number): Call => ({
		method: 'POST',
		path: `${storePath}/customer/redemptions`,
		headers: { authorization: `Bearer ${tokens[i % CUSTOMERS]}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
		body: '{"rewardId":"five-off"}',
	});

	const results = [];
	for (const [name, next] of [
		['GET customer', getCustomer],
		['POST redemption', redeem],
	] as const) {
		await load(base, server.child.pid!, name, next, WARMUP_MS, false);
		results.push(await load(base, server.child.pid!, name, next, DURATION_MS, true));
	}
	const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
	console.log(
		`\nReference server on loopback, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, ${CONNECTIONS} keep-alive connections, ${CUSTOMERS} customers, node ${process.version}, load average ${load1}:\n`,
	);
	console.table(results);
} finally {
	await server.cleanup();
}
