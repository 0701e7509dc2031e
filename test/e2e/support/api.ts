export interface Api {
	url: string;
	close(): Promise<void>;
}

// TEMPORARY until demo/server/app.ts lands: nothing listens here, so the panel shows its error state.
export async function startApi(): Promise<Api> {
	return { url: 'http://127.0.0.1:9', close: async () => {} };
}
