import { EarnList } from '../parts/EarnList';
import { JoinCard } from '../parts/JoinCard';
import { MemberSummary } from '../parts/MemberSummary';
import { referOffer, referralRule } from '../parts/offers';
import { RewardList } from '../parts/RewardList';
import { Welcome } from '../parts/Welcome';
import type { ViewProps } from '../view';

/** Members: balance, tier and a nudge. Guests: the whole program at a glance, and a way in. */
export function HomePage({ v }: ViewProps) {
	const { t } = v;
	const rule = referralRule(v);
	return (
		<>
			<Welcome v={v} />
			{v.store.token.value ? (
				<MemberSummary v={v} />
			) : (
				<>
					<JoinCard v={v} />
					<h3>{t('navEarn')}</h3>
					<EarnList v={v} />
					<h3>{t('navRedeem')}</h3>
					<RewardList v={v} />
					{rule && <h3>{referOffer(v, rule)}</h3>}
				</>
			)}
		</>
	);
}
