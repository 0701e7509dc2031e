import type { ViewProps } from '../view';

/** Guests' way in: join or sign in on the merchant's own pages; "sign in again" after a session ends. */
export function JoinCard({ v: { t, store } }: ViewProps) {
	const { joinUrl, signInUrl } = store.program.value.data!;
	return (
		<div class="c f">
			<p role={store.expired.value ? 'alert' : undefined}>{t(store.expired.value ? 'signInAgain' : 'joinBody')}</p>
			<a class="b" href={joinUrl}>
				{t('join')}
			</a>
			<a class="b o" href={signInUrl}>
				{t('signIn')}
			</a>
		</div>
	);
}
