import type { ColorScheme } from '../config/options';
import { listen } from './listen';

/** Keeps `data-scheme="light|dark"` on the host in step with the option and the system setting. */
export function trackColorScheme(host: HTMLElement, getScheme: () => ColorScheme): { sync(): void; stop(): void } {
	const query = matchMedia('(prefers-color-scheme: dark)');
	const sync = () => {
		const scheme = getScheme();
		host.dataset.scheme = scheme === 'auto' ? (query.matches ? 'dark' : 'light') : scheme;
	};
	sync();
	return { sync, stop: listen(query, 'change', sync) };
}
