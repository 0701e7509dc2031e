import { EarnList } from '../parts/EarnList';
import { JoinCard } from '../parts/JoinCard';
import { MemberSummary } from '../parts/MemberSummary';
import { referOffer, referralRule } from '../parts/offers';
import { RewardList } from '../parts/RewardList';
import { Welcome } from '../parts/Welcome';
import type { ViewProps } from '../view';

/** Members: balance, tier and a nudge. Guests: the whole program at a glance, and a way in. */
export function HomePage({ view }: ViewProps) {
	const { t } = view;
	const rule = referralRule(view);
	return (
		<>
			<Welcome view={view} />
			{view.store.token.value ? (
				<MemberSummary view={view} />
			) : (
				<>
					<JoinCard view={view} />
					<h3>{t('navEarn')}</h3>
					<EarnList view={view} />
					<h3>{t('navRedeem')}</h3>
					<RewardList view={view} />
					{rule && <h3>{referOffer(view, rule)}</h3>}
				</>
			)}
		</>
	);
}
