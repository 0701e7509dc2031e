import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { TEST_DB, copyOfPgliteTemplate, createTestDatabase } from './harness';

export interface ChildServer {
	url: string;
	process: ChildProcess;
	/** Resolves with the exit code (null when killed by a signal) once the process is gone. */
	exited: Promise<number | null>;
	/** Everything the process printed so far. */
	output(): string;
}

/**
Runs `npm run server` (demo/server/main.ts) as a real child process on a free port, configured by
`env`, and resolves once it prints that it listens.
*/
export function spawnServer(env: Record<string, string>): Promise<ChildServer> {
	const { DATABASE_URL: _ignored, ...inherited } = process.env;
	const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
		env: {
			...inherited,
			PORT: '0',
			REWARDS_LOG: '0',
			REWARDS_RATE_LIMIT_PER_IP: '0',
			REWARDS_RATE_LIMIT_PER_CUSTOMER: '0',
			REWARDS_SEED: '1',
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
			if (url) {
				clearTimeout(timer);
				resolve({ url, process: child, exited, output: () => output });
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code} before listening:\n${output}`));
		});
	});
}

/** Storage a child server and a later in-process server can share: a PGlite directory or a PostgreSQL database. */
export async function sharedStorage(): Promise<{
	env: Record<string, string>;
	options: { dataDir?: string; databaseUrl?: string };
	dispose(): Promise<void>;
}> {
	if (TEST_DB === 'postgres') {
		const database = await createTestDatabase();
		return { env: { DATABASE_URL: database.url }, options: { databaseUrl: database.url }, dispose: database.drop };
	}
	const dataDir = await copyOfPgliteTemplate();
	return { env: { REWARDS_DATA_DIR: dataDir }, options: { dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
}
