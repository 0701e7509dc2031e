import { startTestServer } from '../../server/support/harness';

export interface Api {
	url: string;
	close(): Promise<void>;
}

/** The reference server with the seeded demo store pk_demo, open to any origin (tests only). */
export async function startApi(): Promise<Api> {
	const server = await startTestServer({ allowedOrigins: ['*'] });
	return { url: server.url, close: () => server.close() };
}
