/**
Whether a platform URL from a store definition may be called: https, or http to this machine
only (local stand-ins and the demo). Anything else (file:, javascript:, http to another host)
is refused, so a definition cannot make the server send secrets in clear or to odd schemes.
*/
export function isCallablePlatformUrl(value: string): boolean {
	if (!URL.canParse(value)) return false;
	const url = new URL(value);
	if (url.protocol === 'https:') return true;
	return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
