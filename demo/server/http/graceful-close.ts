import type { Server } from 'node:http';

/**
Tracks in-flight requests so the server can stop gracefully: stop accepting connections, let
requests already running finish (up to `timeoutMs`), then cut whatever is left.
*/
export function trackInFlight(server: Server) {
	let inFlight = 0;
	let onIdle: (() => void) | undefined;
	server.on('request', (_request, response) => {
		inFlight++;
		response.once('close', () => {
			inFlight--;
			if (inFlight === 0) onIdle?.();
		});
	});

	return {
		get inFlight() {
			return inFlight;
		},
		/** Resolves once nothing is in flight anymore, or after `timeoutMs`. */
		async drain(timeoutMs: number): Promise<void> {
			server.close();
			server.closeIdleConnections();
			// Keep-alive sockets become idle as their last response ends; close them as they do.
			const sweeper = setInterval(() => server.closeIdleConnections(), 50);
			try {
				if (inFlight > 0) {
					await new Promise<void>((resolve) => {
						const timer = setTimeout(resolve, timeoutMs);
						onIdle = () => {
							clearTimeout(timer);
							resolve();
						};
					});
				}
			} finally {
				clearInterval(sweeper);
				server.closeAllConnections();
			}
		},
	};
}
