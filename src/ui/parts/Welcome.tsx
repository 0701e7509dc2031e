import type { ViewProps } from '../view';
import { Coupon } from './Coupon';
import { giftText, referralRule } from './offers';
import { Problem } from './Problem';
import { useAction } from './useAction';

/** For a visitor who came through a friend's link (?ref=CODE): claim the gift with an email. */
export function Welcome({ v }: ViewProps) {
	const { t, store, referral } = v;
	const rule = referralRule(v);
	const [state, run] = useAction((email: string) => store.claimReferral(referral!, email));
	return (
		referral &&
		rule && (
			<div class="c">
				<h3>{t('welcome', { gift: giftText(v, rule) })}</h3>
				{state.result ? (
					<Coupon v={v} coupon={state.result.coupon} focus />
				) : (
					<form
						class="f"
						onSubmit={(event) => {
							event.preventDefault();
							void run(new FormData(event.currentTarget).get('email') as string);
						}}
					>
						<label>
							{t('email')}
							<input name="email" type="email" autoComplete="email" required />
						</label>
						<button class="b">{t('claim')}</button>
						<Problem v={v} error={state.error} />
					</form>
				)}
			</div>
		)
	);
}
