import type { ComponentChildren } from 'preact';
import type { Resource } from '../../state/resource';
import { errorText, type View } from '../view';

interface AsyncProps {
	view: View;
	/** Everything the content needs; it renders once all of them have data. */
	resources: Resource<unknown>[];
	retry(): void;
	children: () => ComponentChildren;
}

/**
A view's three states besides its content: a skeleton while loading (never placeholder numbers),
and an error with a retry. Data already shown stays while it refreshes.
*/
export function Async({ view, resources, retry, children }: AsyncProps) {
	const error = resources.find((item) => item.error && !item.data)?.error;
	if (resources.every((item) => item.data)) return children();
	if (error)
		return (
			<div class="card" role="alert">
				<p>{errorText(view, error)}</p>
				<button class="button" onClick={retry}>
					{view.t('retry')}
				</button>
			</div>
		);
	return (
		<div class="skeleton" aria-busy="true">
			<span class="visually-hidden">{view.t('loading')}</span>
			<i />
			<i />
			<i />
		</div>
	);
}
