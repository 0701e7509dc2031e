import { safeUrl } from '../../config/safe-url';
import type { ViewProps } from '../view';

/**
Guests' way in: join or sign in on the merchant's own pages; "sign in again" after a session ends.
A link whose URL is not safe (see safeUrl) is left out rather than made clickable.
*/
export function JoinCard({ view: { t, store } }: ViewProps) {
	const program = store.program.value.data!;
	const joinHref = safeUrl(program.joinUrl);
	const signInHref = safeUrl(program.signInUrl);
	return (
		<div class="card actions">
			<p role={store.expired.value ? 'alert' : undefined}>{t(store.expired.value ? 'signInAgain' : 'joinBody')}</p>
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
	);
}
