import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors';

/**
Reads the raw body (the webhook HMAC needs the exact bytes), refusing more than `limit` bytes
with 413. The rest of an oversized body is drained, not read, and the socket is kept so the
413 can still be sent.
*/
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
	const tooLarge = () =>
		new ApiError('payload_too_large', `Request bodies are limited to ${limit} bytes.`, undefined, { Connection: 'close' });
	if (Number(request.headers['content-length']) > limit) {
		request.resume();
		return Promise.reject(tooLarge());
	}
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) return void chunks.push(chunk);
			request.off('data', onData);
			request.resume();
			reject(tooLarge());
		};
		request.on('data', onData);
		request.once('end', () => resolve(Buffer.concat(chunks)));
		request.once('error', reject);
	});
}
