import type { PageName } from '../../config/options';
import { PAGE_LABELS } from '../pages/labels';
import { points, type ViewProps } from '../view';
import { formatDate } from '../format';
import { cost } from './cost';
import { expiryWarning } from './expiry-warning';
import { useCountUp } from './useCountUp';

const SHORTCUTS: PageName[] = ['earn', 'redeem', 'refer'];

/** The member's home: balance (counting up), tier and progress to the next, a nudge, shortcuts. */
export function MemberSummary({ v }: ViewProps) {
	const { t, store } = v;
	const { balance, tier, nextTier, pointsToNextTier, lifetimePoints } = store.customer.value.data!;
	const rewards = store.program.value.data!.rewards.slice().sort((a, b) => cost(a) - cost(b));
	// The best reward within reach, else the nearest one out of reach.
	const ready = rewards.filter((reward) => cost(reward) <= balance).pop();
	const next = rewards.find((reward) => cost(reward) > balance);
	const expiring = expiryWarning(store.customer.value.data!);
	const toTier = nextTier && t('toTier', { points: points(v, pointsToNextTier!), tier: nextTier.name });
	return (
		<>
			<div class="c">
				<small>{t('balance')}</small>
				<p class="n">{points(v, useCountUp(balance))}</p>
				<b>{tier.name}</b> {toTier}
				{nextTier && <progress max={nextTier.threshold - tier.threshold} value={lifetimePoints - tier.threshold} aria-label={toTier!} />}
			</div>
			{expiring && (
				<p class="c" role="note">
					{t('expiringPoints', {
						count: expiring.points,
						date: formatDate(v.locale, expiring.date, { day: 'numeric', month: 'long' }),
					})}
				</p>
			)}
			{(ready || next) && (
				<p class="c">
					{ready
						? t('canRedeem', { reward: ready.title })
						: t('pointsUntil', { points: points(v, cost(next!) - balance), reward: next!.title })}
				</p>
			)}
			<div class="f">
				{SHORTCUTS.map((page) => (
					<button key={page} class="b o" onClick={() => v.navigate(page)}>
						{t(PAGE_LABELS[page])}
					</button>
				))}
			</div>
		</>
	);
}
