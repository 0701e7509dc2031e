// `npm run server`: the reference loyalty server, configured by environment variables.
import { startServer } from './app';
import { configFromEnv } from './config';

const server = await startServer(configFromEnv());
// Tests and scripts read this line to find the port.
console.log(`[rewards] listening on ${server.url}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => {
		// npm and tsx may relay the same Ctrl+C again; the drain is bounded anyway.
		if (stopping) return;
		stopping = true;
		console.log(`[rewards] ${signal}: draining in-flight requests`);
		server.close().then(
			() => process.exit(0),
			(error) => {
				console.error('[rewards] shutdown failed', error);
				process.exit(1);
			},
		);
	});
}
