import { cost } from './cost';
import { money, points, type ViewProps } from '../view';
import { List } from './List';
import { Redeem } from './Redeem';
import { Row } from './Row';

/**
The rewards catalogue. Members can redeem what they can afford; for the rest a bar shows how far
they are. Guests see it all, marked as needing an account.
*/
export function RewardList({ v }: ViewProps) {
	const { t, store } = v;
	const balance = store.customer.value.data?.balance;
	return (
		<List v={v}>
			{store.program.value.data!.rewards.map((reward) => (
				<Row
					key={reward.id}
					title={reward.title}
					sub={
						reward.kind == 'variable'
							? t('perUnit', { points: points(v, reward.pointsPerUnit!), amount: money(v, reward.unitAmount!, reward.currency) })
							: points(v, cost(reward))
					}
				>
					{balance == undefined ? <small class="m">{t('membersOnly')}</small> : <Redeem v={v} reward={reward} balance={balance} />}
				</Row>
			))}
		</List>
	);
}
