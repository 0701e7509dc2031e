import type { VNode } from 'preact';
import type { View } from '../view';

/** A list of rows, or the empty state when there are none. */
export const List = ({ view, children }: { view: View; children: VNode[] }) =>
	children.length ? <ul class="list">{children}</ul> : <p class="muted">{view.t('empty')}</p>;
