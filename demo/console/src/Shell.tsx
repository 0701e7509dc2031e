import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { routeHref, type Route } from './router';

export interface ShellProps {
	storeName: string;
	storeKey: string;
	route: Route;
	onSignOut(): void;
	children: ComponentChildren;
}

const SECTIONS: Array<{ route: Route; label: string; matches: Route['name'][] }> = [
	{ route: { name: 'overview' }, label: 'Overview', matches: ['overview'] },
	{ route: { name: 'program' }, label: 'Program', matches: ['program'] },
	{ route: { name: 'members', query: '' }, label: 'Members', matches: ['members', 'member'] },
];

/** The signed-in frame: store name, navigation, sign-out, and the current screen. */
export function Shell({ storeName, storeKey, route, onSignOut, children }: ShellProps) {
	const main = useRef<HTMLElement>(null);
	// A new screen: focus its heading so screen readers announce it and Tab starts from it.
	useEffect(() => {
		main.current?.querySelector<HTMLElement>('h1')?.focus();
	}, [route.name]);

	return (
		<>
			<a
				class="skip-link"
				href="#main"
				onClick={(event) => (event.preventDefault(), main.current?.querySelector<HTMLElement>('h1')?.focus())}
			>
				Skip to content
			</a>
			<header class="console-header">
				<div class="console-brand">
					{storeName}
					<small>Rewards console · {storeKey}</small>
				</div>
				<nav class="console-nav" aria-label="Console">
					<ul>
						{SECTIONS.map((section) => (
							<li key={section.label}>
								<a href={routeHref(section.route)} aria-current={section.matches.includes(route.name) ? 'page' : undefined}>
									{section.label}
								</a>
							</li>
						))}
					</ul>
				</nav>
				<button type="button" onClick={onSignOut}>
					Sign out
				</button>
			</header>
			<main class="console-main" id="main" ref={main}>
				{children}
			</main>
		</>
	);
}
