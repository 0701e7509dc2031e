import { useEffect } from 'preact/hooks';
import type { ViewProps } from '../view';
import { Coupon } from './Coupon';
import { friendTerms, giftText, referralRule } from './offers';
import { Problem } from './Problem';
import { useAction } from './useAction';

/**
For a visitor who came through a friend's link (?ref=CODE): claim the gift with an email. The code
this device claimed stays shown after a reload; an email that claimed on another device is told
where its code is; a code the server does not know is said plainly, before any promise (the code
is looked up first; an API without that lookup answers not_found, and then the claim says it). A
member opening their own link gets their own referral page instead (HomePage).
*/
export function Welcome({ view }: ViewProps) {
	const { t, store, referral } = view;
	const rule = referralRule(view);
	const [state, run] = useAction((email: string) => store.claimReferral(referral!, email));
	const [check, verify] = useAction(() => store.checkReferral(referral!));
	useEffect(() => void (referral && verify()), []);
	if (!referral || !rule || !(check.result || check.error)) return null;
	const coupon = state.result?.coupon ?? store.savedGift(referral);
	const code = state.error?.code;
	if (code == 'not_found' || check.error?.code == 'unknown_referral')
		return (
			<div class="card" role="alert">
				<p>{t('referralUnknown')}</p>
			</div>
		);
	return (
		<div class="card">
			<h3>{t('welcome', { gift: giftText(view, rule) })}</h3>
			<p class="muted">{friendTerms(view, rule)}</p>
			{coupon ? (
				<Coupon view={view} coupon={coupon} focus={!!state.result} />
			) : code == 'already_claimed' ? (
				<p role="alert">{t('giftClaimedElsewhere')}</p>
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
	);
}
