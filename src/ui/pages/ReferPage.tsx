import { JoinCard } from '../parts/JoinCard';
import { friendTerms, referOffer, referralRule } from '../parts/offers';
import { Share } from '../parts/Share';
import type { ViewProps } from '../view';

/** The offer spelled out ("Give $10, get 500 points"), the friend's terms, and for members their link to share. */
export function ReferPage({ view }: ViewProps) {
	const rule = referralRule(view);
	const member = view.store.token.value;
	return rule ? (
		<>
			{!member && <JoinCard view={view} />}
			<div class="card refer-card">
				<h3>{referOffer(view, rule)}</h3>
				<p class="muted">{friendTerms(view, rule)}</p>
				{member && <Share view={view} />}
			</div>
		</>
	) : (
		<p class="muted">{view.t('empty')}</p>
	);
}
