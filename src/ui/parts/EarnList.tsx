import type { EarnRule } from '../../api/client';
import type { ViewProps } from '../view';
import { Birthday } from './Birthday';
import { earnText } from './offers';
import { Follow } from './Follow';
import { List } from './List';
import { Row } from './Row';

/** Every earn rule with what it pays; members get each rule's action or its done state. */
export function EarnList({ v }: ViewProps) {
	const { t, store } = v;
	const customer = store.customer.value.data;
	const action = (rule: EarnRule) => {
		if (!customer) return <small class="m">{t('membersOnly')}</small>;
		if (rule.kind == 'instagram_follow') return <Follow v={v} rule={rule} />;
		if (rule.oneTime && customer.completedActions.includes(rule.key)) return <span class="ok">{t('done')}</span>;
		if (rule.kind == 'birthday') return <Birthday v={v} />;
		if (rule.kind == 'referral')
			return (
				<button class="b o" onClick={() => v.navigate('refer')}>
					{t('navRefer')}
				</button>
			);
	};
	return (
		<List v={v}>
			{store.program.value.data!.earnRules.map((rule) => (
				<Row key={rule.key} title={rule.title} sub={earnText(v, rule)}>
					{action(rule)}
				</Row>
			))}
		</List>
	);
}
