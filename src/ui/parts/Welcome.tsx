import type { ViewProps } from '../view';
import { Coupon } from './Coupon';
import { giftText, referralRule } from './offers';
import { Problem } from './Problem';
import { useAction } from './useAction';

/** For a visitor who came through a friend's link (?ref=CODE): claim the gift with an email. */
export function Welcome({ view }: ViewProps) {
	const { t, store, referral } = view;
	const rule = referralRule(view);
	const [state, run] = useAction((email: string) => store.claimReferral(referral!, email));
	return (
		referral &&
		rule && (
			<div class="card">
				<h3>{t('welcome', { gift: giftText(view, rule) })}</h3>
				{state.result ? (
					<Coupon view={view} coupon={state.result.coupon} focus />
				) : (
					<form
						class="actions"
						onSubmit={(event) => {
							event.preventDefault();
							void run(new FormData(event.currentTarget).get('email') as string);
						}}
					>
						<label>
							{t('email')}
							<input name="email" type="email" autoComplete="email" required />
						</label>
						<button class="button">{t('claim')}</button>
						<Problem view={view} error={state.error} />
					</form>
				)}
			</div>
		)
	);
}
