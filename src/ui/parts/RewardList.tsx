import { cost } from './cost';
import { money, points, type ViewProps } from '../view';
import { List } from './List';
import { Redeem } from './Redeem';
import { Row } from './Row';

/**
The rewards catalogue. Members can redeem what they can afford; for the rest a bar shows how far
they are. Guests see it all, marked as needing an account.
*/
export function RewardList({ view }: ViewProps) {
	const { t, store } = view;
	const balance = store.customer.value.data?.balance;
	return (
		<List view={view}>
			{store.program.value.data!.rewards.map((reward) => (
				<Row
					key={reward.id}
					title={reward.title}
					sub={
						reward.kind == 'variable'
							? t('perUnit', { points: points(view, reward.pointsPerUnit!), amount: money(view, reward.unitAmount!, reward.currency) })
							: points(view, cost(reward))
					}
				>
					{balance == undefined ? (
						<small class="muted">{t('membersOnly')}</small>
					) : (
						<Redeem view={view} reward={reward} balance={balance} />
					)}
				</Row>
			))}
		</List>
	);
}
