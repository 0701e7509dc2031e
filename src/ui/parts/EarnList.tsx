import type { EarnRule } from '../../api/client';
import type { ViewProps } from '../view';
import { Birthday } from './Birthday';
import { earnText } from './offers';
import { Follow } from './Follow';
import { List } from './List';
import { Row } from './Row';

/** Every earn rule with what it pays; members get each rule's action or its done state. */
export function EarnList({ view }: ViewProps) {
	const { t, store } = view;
	const customer = store.customer.value.data;
	const action = (rule: EarnRule) => {
		if (!customer) return <small class="muted">{t('membersOnly')}</small>;
		if (rule.kind == 'instagram_follow') return <Follow view={view} rule={rule} />;
		if (rule.oneTime && customer.completedActions.includes(rule.key)) return <span class="success-text">{t('done')}</span>;
		if (rule.kind == 'birthday') return <Birthday view={view} />;
		if (rule.kind == 'referral')
			return (
				<button class="button button-quiet" onClick={() => view.navigate('refer')}>
					{t('navRefer')}
				</button>
			);
	};
	return (
		<List view={view}>
			{store.program.value.data!.earnRules.map((rule) => (
				<Row key={rule.key} title={rule.title} sub={earnText(view, rule)}>
					{action(rule)}
				</Row>
			))}
		</List>
	);
}
