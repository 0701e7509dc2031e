import { useSignal } from '@preact/signals';
import type { LedgerEntry, MerchantApi } from './api';
import { formatDateTime, formatInteger, formatMoney } from './format';
import { MerchantApiError } from './http';
import { Problem } from './Problem';
import { routeHref } from './router';
import { useLoad } from './useLoad';

const KIND_LABELS: Record<string, string> = {
	signup: 'Joined',
	order: 'Order',
	instagram_follow: 'Followed on Instagram',
	birthday: 'Birthday',
	referral: 'Referral',
	redemption: 'Redeemed',
	adjustment: 'Adjustment',
	reversal: 'Reversal',
	expiry: 'Expired',
};

/** What a ledger entry is about, in words (all of it plain text). */
export function describeEntry(entry: LedgerEntry): string {
	const reference = entry.reference as LedgerEntry['reference'] & { orderName?: string; orderEvent?: string };
	const parts = [KIND_LABELS[entry.kind] ?? entry.kind];
	if (reference.ruleTitle) parts.push(reference.ruleTitle);
	if (reference.orderName || reference.orderId) parts.push(`order ${reference.orderName ?? reference.orderId}`);
	if (reference.orderEvent) parts.push(reference.orderEvent);
	if (reference.rewardTitle) parts.push(reference.rewardTitle);
	if (reference.couponCode) parts.push(`code ${reference.couponCode}`);
	if (reference.year) parts.push(String(reference.year));
	if (reference.friend) parts.push(`friend ${reference.friend}`);
	if (reference.note) parts.push(`“${reference.note}”`);
	return parts.join(' · ');
}

function AdjustForm({ api, customerId, onDone }: { api: MerchantApi; customerId: string; onDone(): void }) {
	const points = useSignal('');
	const reason = useSignal('');
	const problems = useSignal<{ points?: string; reason?: string; form?: string }>({});
	const done = useSignal<string | undefined>(undefined);
	const busy = useSignal(false);
	// One key per intended adjustment: a retry after a lost answer cannot adjust twice.
	const idempotencyKey = useSignal(crypto.randomUUID());

	const submit = async (event: Event) => {
		event.preventDefault();
		done.value = undefined;
		const amount = Number(points.value.trim());
		const found: typeof problems.value = {};
		if (!/^[+-]?\d+$/.test(points.value.trim()) || amount === 0)
			found.points = 'Enter a whole number of points, not zero: positive adds, negative takes away.';
		else if (Math.abs(amount) > 100_000_000) found.points = 'At most 100,000,000 points at once.';
		if (!reason.value.trim()) found.reason = 'Say why: the shopper sees this reason in their activity.';
		else if (reason.value.length > 200) found.reason = 'At most 200 characters.';
		problems.value = found;
		if (found.points || found.reason) return;
		busy.value = true;
		try {
			await api.adjustPoints(customerId, { points: amount, reason: reason.value.trim() }, idempotencyKey.value);
			done.value = `${amount > 0 ? 'Added' : 'Took away'} ${formatInteger(Math.abs(amount))} points.`;
			points.value = '';
			reason.value = '';
			idempotencyKey.value = crypto.randomUUID();
			onDone();
		} catch (error) {
			if (error instanceof MerchantApiError && error.fields.length) {
				const byField: typeof problems.value = {};
				for (const field of error.fields)
					byField[field.path.includes('reason') ? 'reason' : field.path.includes('points') ? 'points' : 'form'] = field.message;
				problems.value = byField;
			} else if (error instanceof MerchantApiError && error.code === 'insufficient_points') {
				problems.value = { points: 'The member does not have that many points to take away.' };
			} else {
				problems.value = { form: error instanceof MerchantApiError ? error.message : 'The adjustment failed; nothing was changed.' };
			}
		} finally {
			busy.value = false;
		}
	};

	return (
		<form class="card" onSubmit={submit} noValidate aria-labelledby="adjust-heading">
			<h2 id="adjust-heading">Adjust points</h2>
			<div class="row">
				<label class="field">
					<span>Points (negative to take away)</span>
					<input
						name="points"
						inputMode="numeric"
						value={points.value}
						onInput={(event) => (points.value = event.currentTarget.value)}
						aria-invalid={problems.value.points ? 'true' : undefined}
						aria-describedby={problems.value.points ? 'adjust-points-problem' : undefined}
					/>
					{problems.value.points && (
						<p class="field-problem" id="adjust-points-problem">
							{problems.value.points}
						</p>
					)}
				</label>
				<label class="field">
					<span>Reason (the shopper sees it)</span>
					<input
						name="reason"
						maxLength={200}
						value={reason.value}
						onInput={(event) => (reason.value = event.currentTarget.value)}
						aria-invalid={problems.value.reason ? 'true' : undefined}
						aria-describedby={problems.value.reason ? 'adjust-reason-problem' : undefined}
					/>
					{problems.value.reason && (
						<p class="field-problem" id="adjust-reason-problem">
							{problems.value.reason}
						</p>
					)}
				</label>
			</div>
			{problems.value.form && (
				<p class="problem" role="alert">
					{problems.value.form}
				</p>
			)}
			{done.value && (
				<p class="success" role="status">
					{done.value}
				</p>
			)}
			<button type="submit" class="primary" disabled={busy.value}>
				{busy.value ? 'Saving…' : 'Adjust points'}
			</button>
		</form>
	);
}

/** One member: who they are, their points, an adjustment form and their ledger. */
export function MemberPage({ api, customerId }: { api: MerchantApi; customerId: string }) {
	const [loaded, reload] = useLoad(
		(signal) => Promise.all([api.member(customerId, signal), api.ledger(customerId, undefined, signal)]),
		[api, customerId],
	);
	const state = loaded.value;
	return (
		<div class="stack">
			<p>
				<a href={routeHref({ name: 'members', query: '' })}>← All members</a>
			</p>
			{state.state === 'loading' && (
				<>
					<h1 tabIndex={-1}>Member</h1>
					<p aria-live="polite">Loading…</p>
				</>
			)}
			{state.state === 'failed' && (
				<>
					<h1 tabIndex={-1}>Member</h1>
					{state.error instanceof MerchantApiError && state.error.status === 404 ? (
						<p class="problem">No member “{customerId}”.</p>
					) : (
						<Problem error={state.error} retry={reload} />
					)}
				</>
			)}
			{state.state === 'done' && (
				<>
					<h1 tabIndex={-1}>{state.data[0].email}</h1>
					<dl class="metrics">
						{(
							[
								['balance', 'Points', formatInteger(state.data[0].balance)],
								['lifetime', 'Lifetime points', formatInteger(state.data[0].lifetimePoints)],
								['tier', 'Tier', state.data[0].tier.name],
								['orders', 'Orders', formatInteger(state.data[0].ordersCount)],
								['spent', 'Spent', formatMoney(state.data[0].spent, state.data[0].currency)],
								['redeemed', 'Points redeemed', formatInteger(state.data[0].pointsRedeemed)],
								['referrals', 'Friends referred', formatInteger(state.data[0].referralsClaimed)],
								['since', 'Member since', formatDateTime(state.data[0].memberSince)],
							] as const
						).map(([key, label, value]) => (
							<div class="metric card" key={key} data-member-field={key}>
								<dt>{label}</dt>
								<dd>{value}</dd>
							</div>
						))}
					</dl>
					<p class="hint">
						Customer id {state.data[0].id} · referral code {state.data[0].referralCode}
					</p>
					<AdjustForm api={api} customerId={customerId} onDone={reload} />
					<section class="card" aria-labelledby="ledger-heading">
						<h2 id="ledger-heading">Points ledger</h2>
						{state.data[1].items.length === 0 ? (
							<p>No points moved yet.</p>
						) : (
							<table>
								<caption class="visually-hidden">Points ledger, newest first</caption>
								<thead>
									<tr>
										<th scope="col">When</th>
										<th scope="col">What</th>
										<th scope="col" class="number">
											Points
										</th>
									</tr>
								</thead>
								<tbody>
									{state.data[1].items.map((entry) => (
										<tr key={entry.id} data-entry-kind={entry.kind}>
											<td>{formatDateTime(entry.createdAt)}</td>
											<td>{describeEntry(entry)}</td>
											<td class="number">
												{entry.points > 0 ? '+' : ''}
												{formatInteger(entry.points)}
											</td>
										</tr>
									))}
								</tbody>
							</table>
						)}
					</section>
				</>
			)}
		</div>
	);
}
