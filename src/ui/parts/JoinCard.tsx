import { safeUrl } from '../../config/safe-url';
import { Icon } from '../icons';
import type { ViewProps } from '../view';

/**
Guests' way in, said once: what joining gets them, then Join and Sign in on the merchant's own
pages; "sign in again" after a session ends. A link whose URL is not safe (see safeUrl) is left out
rather than made clickable.
*/
export function JoinCard({ view: { t, store } }: ViewProps) {
	const program = store.program.value.data!;
	const joinHref = safeUrl(program.joinUrl);
	const signInHref = safeUrl(program.signInUrl);
	const expired = store.expired.value;
	return (
		<div class="card join-card">
			<span class="icon-badge">
				<Icon name="gift" />
			</span>
			<h3>{t('guestTitle', { store: program.name })}</h3>
			<p role={expired ? 'alert' : undefined}>{t(expired ? 'signInAgain' : 'joinPitch')}</p>
			<div class="actions">
				{joinHref && (
					<a class="button" href={joinHref}>
						{t('join')}
					</a>
				)}
				{signInHref && (
					<a class="button button-quiet" href={signInHref}>
						{t('signIn')}
					</a>
				)}
			</div>
		</div>
	);
}
