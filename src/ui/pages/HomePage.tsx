import { EarnList } from '../parts/EarnList';
import { JoinCard } from '../parts/JoinCard';
import { MemberSummary } from '../parts/MemberSummary';
import { friendTerms, referOffer, referralRule } from '../parts/offers';
import { RewardList } from '../parts/RewardList';
import { Share } from '../parts/Share';
import { Welcome } from '../parts/Welcome';
import type { ViewProps } from '../view';

/** How many ways to earn Home shows a member: the best ones they have not done yet. */
const BEST_WAYS = 2;

/**
Members: progress to the next reward, the tier and its perks, the two best ways to earn now and the
referral offer. Guests: what joining gets them (Join / Sign in once), then what they can earn and
redeem. A friend's link welcomes with the gift; a member's own link shows their own referral card.
*/
export function HomePage({ view }: ViewProps) {
	const { t, store, referral } = view;
	const rule = referralRule(view);
	const customer = store.customer.value.data;
	const ownLink = !!customer && referral == customer.referral.code;
	const referralCard = rule && (
		<div class="card refer-card">
			<h3>{referOffer(view, rule)}</h3>
			<p class="muted">{friendTerms(view, rule)}</p>
			{customer &&
				(ownLink ? (
					<Share view={view} />
				) : (
					<button class="button button-quiet" onClick={() => view.navigate('refer')}>
						{t('navRefer')}
					</button>
				))}
		</div>
	);
	if (!store.token.value)
		return (
			<>
				<Welcome view={view} />
				<JoinCard view={view} />
				<h3>{t('navEarn')}</h3>
				<EarnList view={view} />
				<h3>{t('navRedeem')}</h3>
				<RewardList view={view} />
				{referralCard}
			</>
		);
	// Ways to earn the member has not finished, the best paying first.
	const open = store.program.value
		.data!.earnRules.filter((earn) => earn.kind != 'referral' && !(earn.oneTime && customer?.completedActions.includes(earn.key)))
		.sort((a, b) => b.points - a.points)
		.slice(0, BEST_WAYS);
	return (
		<>
			{ownLink ? referralCard : <Welcome view={view} />}
			<MemberSummary view={view} />
			{open.length > 0 && (
				<>
					<h3>{t('bestWays')}</h3>
					<EarnList view={view} rules={open} />
				</>
			)}
			{!ownLink && referralCard}
		</>
	);
}
