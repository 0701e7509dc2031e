import type { ComponentChildren } from 'preact';

interface RowProps {
	title: string;
	sub?: ComponentChildren;
	children?: ComponentChildren;
}

/** One line of a list (an earn rule, a reward, a ledger entry): title, detail, and its action. */
export const Row = ({ title, sub, children }: RowProps) => (
	<li class="row">
		<p>
			<b>{title}</b>
			{sub && <small>{sub}</small>}
		</p>
		{children}
	</li>
);
