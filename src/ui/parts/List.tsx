import type { VNode } from 'preact';
import type { View } from '../view';

/** A list of rows, or the empty state when there are none. */
export const List = ({ v, children }: { v: View; children: VNode[] }) =>
	children.length ? <ul class="l">{children}</ul> : <p class="m">{v.t('empty')}</p>;
