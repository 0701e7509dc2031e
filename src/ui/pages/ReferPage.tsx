import { JoinCard } from '../parts/JoinCard';
import { referOffer, referralRule } from '../parts/offers';
import { Share } from '../parts/Share';
import type { ViewProps } from '../view';

/** The offer spelled out ("Give $10, get 500 points"), and for members their link to share. */
export function ReferPage({ v }: ViewProps) {
	const rule = referralRule(v);
	const member = v.store.token.value;
	return rule ? (
		<>
			{!member && <JoinCard v={v} />}
			<div class="c">
				<h3>{referOffer(v, rule)}</h3>
				{member && <Share v={v} />}
			</div>
		</>
	) : (
		<p class="m">{v.t('empty')}</p>
	);
}
