import { startServer } from '../../../demo/server/app';
import type { Api } from './api';

export interface RewardsApi extends Api {
	/** A signed customer token for one of the seeded shoppers (demo-alice, demo-bob, demo-carol). */
	token(customerId: string, email?: string): Promise<string>;
}

/**
The reference server on an in-memory database with the demo store pk_demo seeded, allowing the
given page origins (CORS) and minting customer tokens. One per test file: it takes a few seconds.
*/
export async function startRewardsApi(allowedOrigins: string[]): Promise<RewardsApi> {
	const server = await startServer({ port: 0, seed: true, devTokens: true, allowedOrigins, rateLimit: false });
	return {
		url: server.url,
		close: () => server.close(),
		async token(customerId, email) {
			const response = await fetch(`${server.url}/v1/dev/stores/pk_demo/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ customerId, ...(email && { email }) }),
			});
			if (!response.ok) throw new Error(`dev token: HTTP ${response.status} ${await response.text()}`);
			return ((await response.json()) as { token: string }).token;
		},
	};
}
