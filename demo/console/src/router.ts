import { signal } from '@preact/signals';

/** The console's screens, addressed by the location hash so the server serves one page. */
export type Route =
	{ name: 'overview' } | { name: 'program' } | { name: 'members'; query: string } | { name: 'member'; customerId: string };

export function parseRoute(hash: string): Route {
	const [path, search = ''] = hash.replace(/^#/, '').split('?');
	const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
	if (parts[0] === 'program') return { name: 'program' };
	if (parts[0] === 'members' && parts[1]) return { name: 'member', customerId: parts[1] };
	if (parts[0] === 'members') return { name: 'members', query: new URLSearchParams(search).get('q') ?? '' };
	return { name: 'overview' };
}

export function routeHref(route: Route): string {
	switch (route.name) {
		case 'overview':
			return '#/overview';
		case 'program':
			return '#/program';
		case 'members':
			return route.query ? `#/members?${new URLSearchParams({ q: route.query })}` : '#/members';
		case 'member':
			return `#/members/${encodeURIComponent(route.customerId)}`;
	}
}

export const route = signal<Route>(parseRoute(location.hash));
addEventListener('hashchange', () => (route.value = parseRoute(location.hash)));

export function navigate(next: Route, { replace = false } = {}): void {
	const href = routeHref(next);
	if (replace) history.replaceState(null, '', href);
	else history.pushState(null, '', href);
	route.value = next;
}
