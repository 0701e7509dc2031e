import type { ViewProps } from '../view';

/** Guests' way in: join or sign in on the merchant's own pages; "sign in again" after a session ends. */
export function JoinCard({ view: { t, store } }: ViewProps) {
	const { joinUrl, signInUrl } = store.program.value.data!;
	return (
		<div class="card actions">
			<p role={store.expired.value ? 'alert' : undefined}>{t(store.expired.value ? 'signInAgain' : 'joinBody')}</p>
			<a class="button" href={joinUrl}>
				{t('join')}
			</a>
			<a class="button button-quiet" href={signInUrl}>
				{t('signIn')}
			</a>
		</div>
	);
}
