import type { MountPanel } from '../ui/panel-host';

/**
The panel chunk's server sends no CORS header (a CDN set up for classic scripts only): a setup mistake,
marked as the panel's errors mark theirs (src/api/errors.ts), which the runtime logs as one console error.
*/
const panelChunkError = (message: string, cause: unknown) =>
	Object.assign(new Error(message, { cause }), { name: 'PanelChunkError', code: 'panel_chunk_cors', setupMistake: true });

/**
Imports the panel chunk that sits next to rewards.js. It is an ES module, so a cross-origin copy
(a CDN) must be served with CORS. The browser reports a module refused for that reason like an
unreachable one; but rewards.js itself just came from that server, so when a CORS request for the
same file fails too, the missing header is by far the likeliest cause, and the error says so.
*/
export async function importPanelChunk(url: string): Promise<{ mountPanel: MountPanel }> {
	try {
		return await import(/* @vite-ignore */ url);
	} catch (cause) {
		if (
			await fetch(url).then(
				() => 0,
				() => 1,
			)
		)
			throw panelChunkError(`${url} needs the response header "Access-Control-Allow-Origin: *" (module scripts load with CORS)`, cause);
		throw cause;
	}
}
