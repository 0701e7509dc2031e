import type { EarnRule } from '../../api/client';
import { earnIcon } from '../icons';
import type { ViewProps } from '../view';
import { Birthday } from './Birthday';
import { earnText } from './offers';
import { Follow } from './Follow';
import { List } from './List';
import { Row } from './Row';

interface EarnListProps extends ViewProps {
	/** Only these rules (Home's "best ways to earn now"); all of them by default. */
	rules?: EarnRule[];
}

/** Ways to earn as cards: icon, what each pays, the merchant's description; members get each rule's action or its done state. */
export function EarnList({ view, rules }: EarnListProps) {
	const { t, store } = view;
	const customer = store.customer.value.data;
	const action = (rule: EarnRule) => {
		if (!customer) return undefined;
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
			{(rules ?? store.program.value.data!.earnRules).map((rule) => (
				<Row key={rule.key} icon={earnIcon(rule.kind)} title={rule.title} sub={earnText(view, rule)} description={rule.description}>
					{action(rule)}
				</Row>
			))}
		</List>
	);
}
