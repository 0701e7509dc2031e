import { useState } from 'preact/hooks';
import type { Reward } from '../../api/client';
import { money, points, type View } from '../view';
import { cost } from './cost';
import { Coupon } from './Coupon';
import { Problem } from './Problem';
import { useAction } from './useAction';

interface RedeemProps {
	view: View;
	reward: Reward;
	balance: number;
}

/**
A reward's action for a member: how far away it is, or Redeem → "Spend 500 points for $5 off?" →
the code. A variable reward takes the points on a slider (the program's min, max and step, capped
by the balance) showing the value live. The main button keeps its place, so focus stays on it.
*/
export function Redeem({ view, reward, balance }: RedeemProps) {
	const { t, store } = view;
	const { minPoints = 0, maxPoints = 0, stepPoints = 1, pointsPerUnit = 1, unitAmount = 0 } = reward;
	const variable = reward.kind == 'variable';
	const [spend, setSpend] = useState(cost(reward));
	const [confirming, setConfirming] = useState(false);
	const [state, run] = useAction(() => store.redeem(reward.id, variable ? spend : undefined));
	const value = variable
		? t('amountOff', { amount: money(view, Math.floor(spend / pointsPerUnit) * unitAmount, reward.currency) })
		: reward.title;
	const spendText = `${points(view, spend)} · ${value}`;
	if (state.result) return <Coupon view={view} coupon={state.result.coupon} focus />;
	if (balance < cost(reward))
		return (
			<div class="actions">
				<progress max={cost(reward)} value={balance} aria-label={reward.title} />
				<small>{t('toGo', { points: points(view, cost(reward) - balance) })}</small>
			</div>
		);
	return (
		<div class="actions">
			{variable && !confirming && (
				<>
					<input
						type="range"
						min={minPoints}
						max={Math.min(maxPoints, minPoints + Math.floor((balance - minPoints) / stepPoints) * stepPoints)}
						step={stepPoints}
						value={spend}
						aria-label={reward.title}
						aria-valuetext={spendText}
						onInput={(event) => setSpend(+event.currentTarget.value)}
					/>
					<output>{spendText}</output>
				</>
			)}
			{confirming && <p role="alert">{t('confirmSpend', { points: points(view, spend), reward: value })}</p>}
			{/* The second click of a double click (detail 2) never confirms: it must be a decision. */}
			<button class="button" onClick={(event) => (confirming ? event.detail < 2 && run() : setConfirming(true))}>
				{t(confirming ? 'confirm' : 'redeem')}
			</button>
			{confirming && (
				<button class="button button-quiet" onClick={() => setConfirming(false)}>
					{t('cancel')}
				</button>
			)}
			<Problem view={view} error={state.error} />
		</div>
	);
}
