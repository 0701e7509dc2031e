import { Coupon } from '../parts/Coupon';
import { JoinCard } from '../parts/JoinCard';
import { List } from '../parts/List';
import { RewardList } from '../parts/RewardList';
import type { ViewProps } from '../view';

/** The catalogue, then the member's codes ("My rewards"): the unused ones ready to use, then those used lately, marked used. */
export function RedeemPage({ view }: ViewProps) {
	const customer = view.store.customer.value.data;
	if (!customer)
		return (
			<>
				<JoinCard view={view} />
				<RewardList view={view} />
			</>
		);
	return (
		<>
			<RewardList view={view} />
			<h3>{view.t('myRewards')}</h3>
			<List view={view}>
				{customer.coupons.map((coupon) => (
					<li key={coupon.code}>
						<Coupon view={view} coupon={coupon} />
					</li>
				))}
			</List>
		</>
	);
}
