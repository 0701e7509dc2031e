import { Coupon } from '../parts/Coupon';
import { JoinCard } from '../parts/JoinCard';
import { List } from '../parts/List';
import { RewardList } from '../parts/RewardList';
import type { ViewProps } from '../view';

/** The catalogue, then the member's unused codes ("My rewards"). */
export function RedeemPage({ v }: ViewProps) {
	const customer = v.store.customer.value.data;
	if (!customer)
		return (
			<>
				<JoinCard v={v} />
				<RewardList v={v} />
			</>
		);
	return (
		<>
			<RewardList v={v} />
			<h3>{v.t('myRewards')}</h3>
			<List v={v}>
				{customer.coupons.map((coupon) => (
					<li key={coupon.code}>
						<Coupon v={v} coupon={coupon} />
					</li>
				))}
			</List>
		</>
	);
}
