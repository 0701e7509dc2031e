import { useEffect } from 'preact/hooks';
import { formatDate } from '../format';
import { Async } from '../parts/Async';
import { JoinCard } from '../parts/JoinCard';
import { List } from '../parts/List';
import { Problem } from '../parts/Problem';
import { Row } from '../parts/Row';
import { money, type ViewProps } from '../view';

/** The points ledger in words ("Redeemed $5 off", "Birthday bonus"), dated, a page at a time. */
export function ActivityPage({ view }: ViewProps) {
	const { t, store, locale } = view;
	const member = !!store.token.value;
	const activity = store.activity.value;
	useEffect(() => void (member && store.loadActivity()), [member]);
	if (!member) return <JoinCard view={view} />;
	const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
	return (
		<Async view={view} resources={[activity]} retry={store.loadActivity}>
			{() => (
				<>
					<List view={view}>
						{activity.data!.map(
							({ id, kind, points, createdAt, reference: { ruleTitle, rewardTitle, friend, orderSubtotal = 0, currency } }) => (
								<Row
									key={id}
									title={t(`activity_${kind}`, {
										rule: ruleTitle!,
										reward: rewardTitle!,
										friend: friend!,
										amount: money(view, orderSubtotal, currency),
									})}
									sub={formatDate(locale, createdAt)}
								>
									<b class={points > 0 ? 'success-text' : undefined}>{signed.format(points)}</b>
								</Row>
							),
						)}
					</List>
					<Problem view={view} error={activity.error} />
					{activity.next && (
						<button class="button button-quiet" onClick={() => store.loadActivity(true)}>
							{t('loadMore')}
						</button>
					)}
				</>
			)}
		</Async>
	);
}
