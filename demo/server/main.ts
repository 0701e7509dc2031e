// `npm run server`: the reference loyalty server, configured by environment variables.
import { startServer } from './app';
import { configFromEnv } from './config';
import { InvalidStoreDefinitionError } from './program/validate-definition';

// A store definition with mistakes is the merchant's to fix: name each one, no stack trace.
const server = await Promise.resolve()
	.then(() => startServer(configFromEnv()))
	.catch((error: unknown) => {
		if (!(error instanceof InvalidStoreDefinitionError)) throw error;
		console.error(`[rewards] ${error.message}`);
		process.exit(1);
	});
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
