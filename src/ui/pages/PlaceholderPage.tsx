import type { PageProps } from '.';

/** Shown until the page's data arrives: a loading state, never invented numbers. */
export function PlaceholderPage({ t }: PageProps) {
	return (
		<p role="status" aria-live="polite">
			{t('loading')}
		</p>
	);
}
