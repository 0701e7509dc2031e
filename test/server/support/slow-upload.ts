import { request as httpRequest } from 'node:http';

export interface SlowUpload {
	/** Resolves once the server's request handler has the request (it answered 100 Continue). */
	accepted: Promise<void>;
	/** The response status; rejects if the connection is cut. */
	status: Promise<number>;
	/** Sends the rest of the body. */
	finish(): void;
}

/**
Starts a POST of `body` to `url` and sends only its first bytes: a request kept in flight on the
server until `finish()`.
*/
export function slowUpload(url: string, body: string): SlowUpload {
	const outgoing = httpRequest(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
	});
	const accepted = new Promise<void>((resolve) => outgoing.once('continue', () => resolve()));
	const status = new Promise<number>((resolve, reject) => {
		outgoing.on('response', (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode!));
		});
		outgoing.on('error', reject);
	});
	// Nobody may await it (e.g. when the test expects the cut): never an unhandled rejection.
	status.catch(() => undefined);
	outgoing.write(body.slice(0, 10));
	return { accepted, status, finish: () => outgoing.end(body.slice(10)) };
}
