import { rewardIcon } from '../icons';
import { money, points, type ViewProps } from '../view';
import { cost } from './cost';
import { List } from './List';
import { Redeem } from './Redeem';
import { Row } from './Row';

/**
The rewards catalogue as cards: icon, cost, the merchant's description. Members can redeem what
they can afford; for the rest a bar shows how far they are. Guests see it all (the Join card above
says once how to get them).
*/
export function RewardList({ view }: ViewProps) {
	const { t, store } = view;
	const balance = store.customer.value.data?.balance;
	return (
		<List view={view}>
			{store.program.value.data!.rewards.map((reward) => (
				<Row
					key={reward.id}
					icon={rewardIcon(reward.kind)}
					title={reward.title}
					description={reward.description}
					sub={
						reward.kind == 'variable'
							? t('perUnit', { points: points(view, reward.pointsPerUnit!), amount: money(view, reward.unitAmount!, reward.currency) })
							: points(view, cost(reward))
					}
				>
					{balance != undefined && <Redeem view={view} reward={reward} balance={balance} />}
				</Row>
			))}
		</List>
	);
}
