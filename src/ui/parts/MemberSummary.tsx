import type { PageName } from '../../config/options';
import { PAGE_LABELS } from '../pages/labels';
import { points, type ViewProps } from '../view';
import { cost } from './cost';
import { useCountUp } from './useCountUp';

const SHORTCUTS: PageName[] = ['earn', 'redeem', 'refer'];

/** The member's home: balance (counting up), tier and progress to the next, a nudge, shortcuts. */
export function MemberSummary({ view }: ViewProps) {
	const { t, store } = view;
	const { balance, tier, nextTier, pointsToNextTier, lifetimePoints } = store.customer.value.data!;
	const rewards = store.program.value.data!.rewards.slice().sort((a, b) => cost(a) - cost(b));
	// The best reward within reach, else the nearest one out of reach.
	const ready = rewards.filter((reward) => cost(reward) <= balance).pop();
	const next = rewards.find((reward) => cost(reward) > balance);
	const toTier = nextTier && t('toTier', { points: points(view, pointsToNextTier!), tier: nextTier.name });
	return (
		<>
			<div class="card">
				<small>{t('balance')}</small>
				<p class="balance-amount">{points(view, useCountUp(balance))}</p>
				<b>{tier.name}</b> {toTier}
				{nextTier && <progress max={nextTier.threshold - tier.threshold} value={lifetimePoints - tier.threshold} aria-label={toTier!} />}
			</div>
			{(ready || next) && (
				<p class="card">
					{ready
						? t('canRedeem', { reward: ready.title })
						: t('pointsUntil', { points: points(view, cost(next!) - balance), reward: next!.title })}
				</p>
			)}
			<div class="actions">
				{SHORTCUTS.map((page) => (
					<button key={page} class="button button-quiet" onClick={() => view.navigate(page)}>
						{t(PAGE_LABELS[page])}
					</button>
				))}
			</div>
		</>
	);
}
