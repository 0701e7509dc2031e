import { useSignal } from '@preact/signals';
import type { MemberPage as MemberPageData, MemberSummary, MerchantApi } from './api';
import { formatDateTime, formatInteger, formatMoney } from './format';
import { Problem } from './Problem';
import { navigate, routeHref } from './router';
import { useLoad } from './useLoad';

/** Members: search by email or customer id, newest activity first, page by page. */
export function MembersPage({ api, query }: { api: MerchantApi; query: string }) {
	const draft = useSignal(query);
	const more = useSignal<MemberSummary[]>([]);
	const nextCursor = useSignal<string | null>(null);
	const loadingMore = useSignal(false);
	const [loaded, reload] = useLoad(
		async (signal) => {
			const page = await api.members({ q: query || undefined, limit: 25 }, signal);
			more.value = [];
			nextCursor.value = page.nextCursor;
			return page;
		},
		[api, query],
	);

	const loadMore = async () => {
		if (!nextCursor.value) return;
		loadingMore.value = true;
		try {
			const page: MemberPageData = await api.members({ q: query || undefined, limit: 25, cursor: nextCursor.value });
			more.value = [...more.value, ...page.items];
			nextCursor.value = page.nextCursor;
		} finally {
			loadingMore.value = false;
		}
	};

	const state = loaded.value;
	return (
		<div class="stack">
			<h1 tabIndex={-1}>Members</h1>
			<form
				class="toolbar"
				role="search"
				onSubmit={(event) => {
					event.preventDefault();
					navigate({ name: 'members', query: draft.value.trim() });
				}}
			>
				<label class="field">
					<span>Search by email or customer id</span>
					<input type="search" name="q" value={draft.value} onInput={(event) => (draft.value = event.currentTarget.value)} />
				</label>
				<button type="submit" class="primary">
					Search
				</button>
			</form>
			{state.state === 'loading' && <p aria-live="polite">Loading members…</p>}
			{state.state === 'failed' && <Problem error={state.error} retry={reload} />}
			{state.state === 'done' && (
				<div class="card">
					<p aria-live="polite" class="hint">
						{formatInteger(state.data.total)} {state.data.total === 1 ? 'member' : 'members'}
						{query ? ` match “${query}”` : ''}.
					</p>
					{state.data.total > 0 && (
						<table>
							<caption class="visually-hidden">Members</caption>
							<thead>
								<tr>
									<th scope="col">Member</th>
									<th scope="col" class="number">
										Points
									</th>
									<th scope="col">Tier</th>
									<th scope="col" class="number">
										Orders
									</th>
									<th scope="col" class="number">
										Spent
									</th>
									<th scope="col">Last activity</th>
								</tr>
							</thead>
							<tbody>
								{[...state.data.items, ...more.value].map((member) => (
									<tr key={member.id} data-member={member.id}>
										<th scope="row">
											<a href={routeHref({ name: 'member', customerId: member.id })}>{member.email}</a>
											<br />
											<small>{member.id}</small>
										</th>
										<td class="number">{formatInteger(member.balance)}</td>
										<td>{member.tier.name}</td>
										<td class="number">{formatInteger(member.ordersCount)}</td>
										<td class="number">{formatMoney(member.spent, member.currency)}</td>
										<td>{member.lastActivityAt ? formatDateTime(member.lastActivityAt) : '—'}</td>
									</tr>
								))}
							</tbody>
						</table>
					)}
					{nextCursor.value && (
						<button type="button" onClick={loadMore} disabled={loadingMore.value}>
							{loadingMore.value ? 'Loading…' : 'Show more members'}
						</button>
					)}
				</div>
			)}
		</div>
	);
}
