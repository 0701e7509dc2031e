import type { ComponentChildren } from 'preact';
import type { Resource } from '../../state/resource';
import { errorText, type View } from '../view';

interface AsyncProps {
	v: View;
	/** Everything the content needs; it renders once all of them have data. */
	r: Resource<unknown>[];
	retry(): void;
	children: () => ComponentChildren;
}

/**
A view's three states besides its content: a skeleton while loading (never placeholder numbers),
and an error with a retry. Data already shown stays while it refreshes.
*/
export function Async({ v, r, retry, children }: AsyncProps) {
	const error = r.find((item) => item.error && !item.data)?.error;
	if (r.every((item) => item.data)) return <>{children()}</>;
	if (error)
		return (
			<div class="c" role="alert">
				<p>{errorText(v, error)}</p>
				<button class="b" onClick={retry}>
					{v.t('retry')}
				</button>
			</div>
		);
	return (
		<div class="k" aria-busy="true">
			<span class="sr">{v.t('loading')}</span>
			<i />
			<i />
			<i />
		</div>
	);
}
