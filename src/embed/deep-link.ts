import type { PageName } from '../config/options';

export const PAGES: readonly PageName[] = ['home', 'earn', 'redeem', 'refer', 'activity'];

const isPage = (value: string | null | undefined): value is PageName => PAGES.includes(value as PageName);

/** The page a URL asks for: `?rewards=earn`, `#rewards-earn`, or `#rewards` / `?rewards` alone for home. */
export function pageFromLocation(location: Pick<Location, 'search' | 'hash'>): PageName | undefined {
	const query = new URLSearchParams(location.search).get('rewards');
	if (query !== null) return isPage(query) ? query : 'home';
	const hash = /^#rewards(?:-(\w+))?$/.exec(location.hash);
	if (hash) return isPage(hash[1]) ? hash[1] : 'home';
	return undefined;
}

export { isPage };
