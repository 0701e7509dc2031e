import type { EarnRule } from '../../api/client';
import { safeUrl } from '../../config/safe-url';
import { points, type View } from '../view';
import { Problem } from './Problem';
import { useAction } from './useAction';

/**
Follow on Instagram: the profile opens in a new tab and the points are claimed at the same time.
Only the server's answer is shown: the points it awarded, or why it refused.
*/
export function Follow({ view, rule }: { view: View; rule: EarnRule }) {
	const { t, store } = view;
	const [state, run] = useAction(store.earn);
	const profileHref = safeUrl(rule.profileUrl);
	if (state.result) return <span class="success-text">{t('earnedPoints', { points: points(view, state.result.awarded) })}</span>;
	return (
		<>
			{store.customer.value.data!.completedActions.includes(rule.key)
				? !state.error && <span class="success-text">{t('done')}</span>
				: profileHref && (
						<a
							class="button"
							href={profileHref}
							target="_blank"
							rel="noopener noreferrer"
							onClick={() => {
								store.track('earn_click', { rule: rule.key });
								void run(rule.key);
							}}
						>
							{t('follow')}
						</a>
					)}
			<Problem view={view} error={state.error} />
		</>
	);
}
