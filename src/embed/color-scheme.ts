import type { ColorScheme } from '../config/options';

const DARK = '(prefers-color-scheme: dark)';

/** Keeps `data-scheme="light|dark"` on the host in step with the option and the system setting. */
export function trackColorScheme(host: HTMLElement, getScheme: () => ColorScheme): { sync(): void; stop(): void } {
	const query = typeof matchMedia === 'function' ? matchMedia(DARK) : undefined;
	const sync = () => {
		const scheme = getScheme();
		host.dataset.scheme = scheme === 'auto' ? (query?.matches ? 'dark' : 'light') : scheme;
	};
	query?.addEventListener?.('change', sync);
	sync();
	return { sync, stop: () => query?.removeEventListener?.('change', sync) };
}
