import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { Interval, LoyaltyMetrics, MerchantApi, MetricSet, Period, ProgramHealth } from './api';
import { Chart, type ChartSeries } from './Chart';
import { formatDay, formatDecimal, formatInteger, formatMoney, formatMonth, formatPercent, orDash, parseDay, toDay } from './format';
import { Funnel } from './Funnel';
import { Problem } from './Problem';
import { useLoad } from './useLoad';

const PERIODS = [
	{ days: 30, label: 'Last 30 days' },
	{ days: 90, label: 'Last 90 days' },
	{ days: 182, label: 'Last 6 months' },
	{ days: 365, label: 'Last 12 months' },
] as const;

/** The period ending today (UTC) that is `days` long, both ends included. */
export function periodOf(days: number, interval: Interval, today = new Date()): Period {
	const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
	const from = new Date(to.getTime() - (days - 1) * 86_400_000);
	return { from: toDay(from), to: toDay(to), interval };
}

type MetricKey = 'guestCheckoutRate' | 'purchaseFrequency' | 'averageOrderValue' | 'repeatPurchaseRate';

interface MetricDescription {
	key: MetricKey;
	label: string;
	definition: string;
	format(value: number, currency: string): string;
	/** Which customers the chart compares. */
	split: Array<{ label: string; of: 'all' | 'members' | 'nonMembers' }>;
}

const MEMBERS_AND_OTHERS: MetricDescription['split'] = [
	{ label: 'Members', of: 'members' },
	{ label: 'Non-members', of: 'nonMembers' },
];

/** The four loyalty metrics, as issue #13 defines them. */
export const METRICS: MetricDescription[] = [
	{
		key: 'guestCheckoutRate',
		label: 'Guest checkout rate',
		definition: 'Guest orders ÷ all orders',
		format: (value) => formatPercent(value),
		split: [{ label: 'All orders', of: 'all' }],
	},
	{
		key: 'purchaseFrequency',
		label: 'Purchase frequency',
		definition: 'Orders in the last 365 days ÷ unique customers',
		format: (value) => formatDecimal(value),
		split: MEMBERS_AND_OTHERS,
	},
	{
		key: 'averageOrderValue',
		label: 'Average order value',
		definition: 'Revenue ÷ orders',
		format: (value, currency) => formatMoney(Math.round(value), currency),
		split: MEMBERS_AND_OTHERS,
	},
	{
		key: 'repeatPurchaseRate',
		label: 'Repeat purchase rate',
		definition: 'Customers with more than one order ÷ all customers',
		format: (value) => formatPercent(value),
		split: MEMBERS_AND_OTHERS,
	},
];

function MetricCards({ metrics }: { metrics: LoyaltyMetrics }) {
	const { all, members, nonMembers } = metrics.metrics;
	const show = (metric: MetricDescription, set: MetricSet) => orDash(set[metric.key], (value) => metric.format(value, metrics.currency));
	return (
		<dl class="metrics">
			{METRICS.map((metric) => (
				<div class="metric card" key={metric.key} data-metric={metric.key}>
					<dt>
						{metric.label}
						<span class="visually-hidden">, {metric.definition}</span>
					</dt>
					<dd>
						<span data-value="all">{show(metric, all)}</span>
						<span class="split">
							Members <span data-value="members">{show(metric, members)}</span> · non-members{' '}
							<span data-value="nonMembers">{show(metric, nonMembers)}</span>
						</span>
					</dd>
				</div>
			))}
		</dl>
	);
}

function MetricCharts({ metrics }: { metrics: LoyaltyMetrics }) {
	const periodLabel = metrics.interval === 'month' ? formatMonth : (date: Date) => `Week of ${formatDay(date)}`;
	const charts = useMemo(
		() =>
			METRICS.map((metric) => ({
				metric,
				series: metric.split.map((line): ChartSeries => ({
					label: line.label,
					points: metrics.series.map((point) => ({ period: parseDay(point.start), value: point.metrics[line.of][metric.key] })),
				})),
			})),
		[metrics],
	);
	return (
		<div class="grid">
			{charts.map(({ metric, series }) => (
				<div class="card" key={metric.key}>
					<Chart
						title={`${metric.label} by ${metrics.interval}`}
						description={`${metric.definition}, ${series.map((line) => line.label.toLowerCase()).join(' and ')}, per ${metrics.interval} from ${metrics.from} to ${metrics.to}.`}
						series={series}
						format={(value) => metric.format(value, metrics.currency)}
						periodLabel={periodLabel}
						zero={metric.key !== 'purchaseFrequency'}
					/>
				</div>
			))}
		</div>
	);
}

function Health({ health }: { health: ProgramHealth }) {
	const periodLabel = health.interval === 'month' ? formatMonth : (date: Date) => `Week of ${formatDay(date)}`;
	const flows = useMemo(
		(): ChartSeries[] =>
			(['issued', 'redeemed', 'reversed', 'expired'] as const).map((kind) => ({
				label: kind[0].toUpperCase() + kind.slice(1),
				points: health.series.map((point) => ({ period: parseDay(point.start), value: point.points[kind] })),
			})),
		[health],
	);
	const outstanding = useMemo(
		(): ChartSeries[] => [
			{
				label: 'Outstanding points',
				points: health.series.map((point) => ({ period: parseDay(point.start), value: point.outstandingPoints })),
			},
		],
		[health],
	);
	const referralSteps = useMemo(
		() => [
			{ label: 'Links shared', count: health.referrals.shared },
			{ label: 'Friends claimed', count: health.referrals.claimed },
			{ label: 'First orders', count: health.referrals.firstOrders },
		],
		[health],
	);
	const widgetSteps = useMemo(
		() => [
			{ label: 'Launcher shown', count: health.widget.launcherShown },
			{ label: 'Panel opened', count: health.widget.opened },
			{ label: 'Earn action', count: health.widget.earnActions },
			{ label: 'Redemption', count: health.widget.redemptions },
		],
		[health],
	);
	const points = health.points;
	return (
		<>
			<dl class="metrics">
				{(
					[
						['issued', 'Points issued', formatInteger(points.issued)],
						['redeemed', 'Points redeemed', formatInteger(points.redeemed)],
						['reversed', 'Points reversed', formatInteger(points.reversed)],
						['expired', 'Points expired', formatInteger(points.expired)],
						['adjusted', 'Points adjusted (net)', formatInteger(points.adjusted)],
						['redemptionRate', 'Redemption rate', orDash(health.redemptionRate, formatPercent)],
						['outstandingPoints', 'Outstanding points', formatInteger(health.outstanding.points)],
						['liability', 'Outstanding liability', formatMoney(health.outstanding.value, health.currency)],
					] as const
				).map(([key, label, value]) => (
					<div class="metric card" key={key} data-health={key}>
						<dt>{label}</dt>
						<dd>{value}</dd>
					</div>
				))}
			</dl>
			<p class="hint">
				The liability values each outstanding point at the best money reward
				{health.outstanding.basisRewardId ? ` (“${health.outstanding.basisRewardId}”)` : ''}
				{health.outstanding.valuePerPoint !== null
					? `: ${formatMoney(health.outstanding.valuePerPoint * 100, health.currency)} per 100 points.`
					: '.'}
			</p>
			<div class="grid">
				<div class="card">
					<Chart
						title={`Points by ${health.interval}`}
						description={`Points issued, redeemed, reversed and expired per ${health.interval} from ${health.from} to ${health.to}.`}
						series={flows}
						format={formatInteger}
						periodLabel={periodLabel}
					/>
				</div>
				<div class="card">
					<Chart
						title="Outstanding points"
						description={`Members' balances at the end of each ${health.interval}.`}
						series={outstanding}
						format={formatInteger}
						periodLabel={periodLabel}
					/>
				</div>
				<div class="card">
					<Funnel title="Referral funnel" steps={referralSteps} />
				</div>
				<div class="card">
					<Funnel title="Widget funnel" steps={widgetSteps} />
				</div>
			</div>
		</>
	);
}

/** The overview: the four metrics and the program's health for a chosen period and step. */
export function OverviewPage({ api }: { api: MerchantApi }) {
	const days = useSignal<number>(365);
	const interval = useSignal<Interval>('month');
	const period = periodOf(days.value, interval.value);
	const [loaded, reload] = useLoad(
		(signal) => Promise.all([api.metrics(period, signal), api.health(period, signal)]),
		[api, period.from, period.to, period.interval],
	);

	// For the load-time measurement (README › Merchant console): navigation to charts drawn.
	useEffect(() => {
		if (loaded.value.state !== 'done') return;
		requestAnimationFrame(() => {
			performance.mark('console:overview-rendered');
			document.documentElement.dataset.overview = 'rendered';
		});
		return () => delete document.documentElement.dataset.overview;
	}, [loaded.value]);

	const state = loaded.value;
	return (
		<div class="stack">
			<h1 tabIndex={-1}>Overview</h1>
			<form class="toolbar" onSubmit={(event) => event.preventDefault()}>
				<label class="field">
					<span>Period</span>
					<select value={days.value} onChange={(event) => (days.value = Number(event.currentTarget.value))}>
						{PERIODS.map((choice) => (
							<option value={choice.days} key={choice.days}>
								{choice.label}
							</option>
						))}
					</select>
				</label>
				<label class="field">
					<span>Series by</span>
					<select value={interval.value} onChange={(event) => (interval.value = event.currentTarget.value as Interval)}>
						<option value="week">Week</option>
						<option value="month">Month</option>
					</select>
				</label>
				<p class="hint" aria-live="polite">
					{formatDay(parseDay(period.from))} – {formatDay(parseDay(period.to))} (UTC)
				</p>
			</form>
			{state.state === 'loading' && <p aria-live="polite">Loading the numbers…</p>}
			{state.state === 'failed' && <Problem error={state.error} retry={reload} />}
			{state.state === 'done' && (
				<>
					<section class="stack" aria-labelledby="metrics-heading" data-period-from={state.data[0].from} data-period-to={state.data[0].to}>
						<h2 id="metrics-heading">Loyalty metrics</h2>
						<p class="hint">
							{formatInteger(state.data[0].metrics.all.orders)} orders ({formatInteger(state.data[0].metrics.all.guestOrders)} as guests),
							revenue {formatMoney(state.data[0].metrics.all.revenue, state.data[0].currency)}.
						</p>
						<MetricCards metrics={state.data[0]} />
						<MetricCharts metrics={state.data[0]} />
					</section>
					<section class="stack" aria-labelledby="health-heading">
						<h2 id="health-heading">Program health</h2>
						<Health health={state.data[1]} />
					</section>
				</>
			)}
		</div>
	);
}
