import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>`: the X-Rewards-Signature of `body` for a store `secret`, as the merchant computes it. */
export function signBody(body: string | Buffer, secret: string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Whether `header` is the signature of the raw `body`, compared in constant time. */
export function isValidSignature(header: string | undefined, body: Buffer, secret: string): boolean {
	if (!header) return false;
	const expected = Buffer.from(signBody(body, secret));
	const given = Buffer.from(header.trim());
	return given.length === expected.length && timingSafeEqual(given, expected);
}
