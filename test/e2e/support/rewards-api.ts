import { startTestServer, tokenFor } from '../../server/support/harness';
import type { Api } from './api';

export interface RewardsApi extends Api {
	/** A signed customer token for the demo store (demo-alice, demo-bob, demo-carol are seeded). */
	token(customerId: string, email?: string): Promise<string>;
}

/**
The reference server (the server tests' harness: a copy of the seeded database, pk_demo) allowing
the given page origins through CORS. One per test file.
*/
export async function startRewardsApi(allowedOrigins: string[]): Promise<RewardsApi> {
	const server = await startTestServer({ allowedOrigins });
	return { url: server.url, close: () => server.close(), token: (customerId, email) => tokenFor(customerId, { email }) };
}
