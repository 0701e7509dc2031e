import { JoinCard } from '../parts/JoinCard';
import { referOffer, referralRule } from '../parts/offers';
import { Share } from '../parts/Share';
import type { ViewProps } from '../view';

/** The offer spelled out ("Give $10, get 500 points"), and for members their link to share. */
export function ReferPage({ view }: ViewProps) {
	const rule = referralRule(view);
	const member = view.store.token.value;
	return rule ? (
		<>
			{!member && <JoinCard view={view} />}
			<div class="card">
				<h3>{referOffer(view, rule)}</h3>
				{member && <Share view={view} />}
			</div>
		</>
	) : (
		<p class="muted">{view.t('empty')}</p>
	);
}
