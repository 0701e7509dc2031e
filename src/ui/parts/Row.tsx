import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from '../icons';

interface RowProps {
	title: string;
	/** What it is worth or costs: "5 points per $1", "500 points". */
	sub?: ComponentChildren;
	/** The merchant's own words about it. */
	description?: string;
	icon?: IconName;
	children?: ComponentChildren;
}

/** One card of a list (a way to earn, a reward, a ledger entry): icon, title, value, description, and its action. */
export const Row = ({ title, sub, description, icon, children }: RowProps) => (
	<li class="row">
		{icon && (
			<span class="icon-badge">
				<Icon name={icon} />
			</span>
		)}
		<p>
			<b>{title}</b>
			{sub && <small class="row-value">{sub}</small>}
			{description && <small>{description}</small>}
		</p>
		{children}
	</li>
);
