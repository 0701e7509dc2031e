import { Icon } from '../icons';
import { points, type ViewProps } from '../view';
import { formatDate } from '../format';
import { cost } from './cost';
import { expiryWarning } from './expiry-warning';

/**
The member's progress: the balance and the next reward, with a bar to it or a way to
redeem the best one within reach; then the tier with its perks and how far the next one is.
*/
export function MemberSummary({ view }: ViewProps) {
	const { t, store } = view;
	const { balance, tier, nextTier, pointsToNextTier, lifetimePoints } = store.customer.value.data!;
	const rewards = store.program.value.data!.rewards.slice().sort((a, b) => cost(a) - cost(b));
	// The best reward within reach, else the nearest one out of reach.
	const ready = rewards.filter((reward) => cost(reward) <= balance).pop();
	const next = rewards.find((reward) => cost(reward) > balance);
	const expiring = expiryWarning(store.customer.value.data!);
	const toTier = nextTier && t('toTier', { points: points(view, pointsToNextTier!), tier: nextTier.name });
	const perks = tier.perks ?? [];
	return (
		<>
			<div class="card progress-card">
				<small>{t('balance')}</small>
				<p class="balance-amount">{points(view, balance)}</p>
				{ready ? (
					<p class="actions">
						<span>{t('canRedeem', { reward: ready.title })}</span>
						<button class="button" onClick={() => view.navigate('redeem')}>
							{t('redeem')}
						</button>
					</p>
				) : (
					next && (
						<>
							<progress max={cost(next)} value={balance} aria-label={t('toNextReward')} />
							<small>{t('pointsUntil', { points: points(view, cost(next) - balance), reward: next.title })}</small>
						</>
					)
				)}
			</div>
			{expiring && (
				<p class="card" role="note">
					{t('expiringPoints', {
						count: expiring.points,
						date: formatDate(view.locale, expiring.date, { day: 'numeric', month: 'long' }),
					})}
				</p>
			)}
			<div class="card">
				<h3 class="tier-name">
					<Icon name="star" />
					{perks.length ? t('tierPerks', { tier: tier.name }) : tier.name}
				</h3>
				{perks.length > 0 && (
					<ul class="perks">
						{perks.map((perk) => (
							<li key={perk}>{perk}</li>
						))}
					</ul>
				)}
				{nextTier && (
					<>
						<progress max={nextTier.threshold - tier.threshold} value={lifetimePoints - tier.threshold} aria-label={toTier!} />
						<small>{toTier}</small>
					</>
				)}
				<small>{t('lifetimeNote')}</small>
			</div>
		</>
	);
}
