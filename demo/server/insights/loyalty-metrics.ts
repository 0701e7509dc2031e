import type { components } from '../../../src/api/schema';
import type { Database } from '../db/types';
import type { Store } from '../program/store';
import type { Period, Span } from './period';

type LoyaltyMetrics = components['schemas']['LoyaltyMetrics'];
type MetricSet = components['schemas']['MetricSet'];
type MetricSplit = components['schemas']['MetricSplit'];

/**
Counted orders, as the contract defines them: every order received (guest orders included) dated by
`placedAt` else by its arrival, except cancelled and fully refunded ones; revenue net of refunds.
The customer (`who`) is the member, else the guest's email in lower case, else the order itself.
$1: store id; $2: the spans, as JSON [{ idx, start_at, end_at, year_at }].
*/
const JOINED = `
	with spans as (
		select * from json_to_recordset($2::json) as s(idx int, start_at timestamptz, end_at timestamptz, year_at timestamptz)
	),
	counted as (
		select coalesce(placed_at, received_at) as at, subtotal - refunded_amount as revenue, customer_id is not null as member,
			case when customer_id is not null then 'member:' || customer_id
				when email is not null then 'email:' || lower(email)
				else 'order:' || order_id end as who
		from orders
		where store_id = $1 and cancelled_at is null and refunded_amount < subtotal
			and coalesce(placed_at, received_at) >= (select min(least(start_at, year_at)) from spans)
			and coalesce(placed_at, received_at) < (select max(end_at) from spans)
	),
	joined as (
		select s.idx, o.who, o.member, o.revenue, o.at >= s.start_at as in_span, o.at >= s.year_at as in_year
		from spans s join counted o on o.at >= least(s.start_at, s.year_at) and o.at < s.end_at
	)`;

interface CountsRow {
	idx: number;
	member: boolean | null;
	orders: number;
	guest_orders: number;
	revenue: string;
	customers: number;
	orders_year: number;
	customers_year: number;
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

function metricSet(counts: CountsRow | undefined, repeatCustomers: number): MetricSet {
	const orders = counts?.orders ?? 0;
	const guestOrders = counts?.guest_orders ?? 0;
	const revenue = Number(counts?.revenue ?? 0);
	const customers = counts?.customers ?? 0;
	const ordersLast365Days = counts?.orders_year ?? 0;
	const customersLast365Days = counts?.customers_year ?? 0;
	return {
		orders,
		guestOrders,
		revenue,
		customers,
		repeatCustomers,
		ordersLast365Days,
		customersLast365Days,
		guestCheckoutRate: ratio(guestOrders, orders),
		purchaseFrequency: ratio(ordersLast365Days, customersLast365Days),
		averageOrderValue: ratio(revenue, orders),
		repeatPurchaseRate: ratio(repeatCustomers, customers),
	};
}

/**
The four metrics for every span (the period itself is span 0, then the series' intervals), each
for all orders, members' and non-members' orders, in two statements whatever the number of spans.
*/
async function metricsOf(db: Database, store: Store, spans: Span[]): Promise<MetricSplit[]> {
	const json = JSON.stringify(spans.map((span, idx) => ({ idx, start_at: span.startAt, end_at: span.endAt, year_at: span.yearAt })));
	const [counts, repeats] = await Promise.all([
		db.query<CountsRow>(
			`${JOINED}
			select idx, case when grouping(member) = 1 then null else member end as member,
				(count(*) filter (where in_span))::int as orders,
				(count(*) filter (where in_span and not member))::int as guest_orders,
				coalesce(sum(revenue) filter (where in_span), 0)::text as revenue,
				(count(distinct who) filter (where in_span))::int as customers,
				(count(*) filter (where in_year))::int as orders_year,
				(count(distinct who) filter (where in_year))::int as customers_year
			from joined group by grouping sets ((idx), (idx, member))`,
			[store.id, json],
		),
		db.query<{ idx: number; member: boolean | null; repeat_customers: number }>(
			`${JOINED},
			per_customer as (select idx, member, who, count(*) as orders from joined where in_span group by idx, member, who)
			select idx, case when grouping(member) = 1 then null else member end as member,
				(count(*) filter (where orders > 1))::int as repeat_customers
			from per_customer group by grouping sets ((idx), (idx, member))`,
			[store.id, json],
		),
	]);
	const key = (idx: number, member: boolean | null) => `${idx}:${member}`;
	const countsBy = new Map(counts.map((row) => [key(row.idx, row.member), row]));
	const repeatsBy = new Map(repeats.map((row) => [key(row.idx, row.member), row.repeat_customers]));
	const set = (idx: number, member: boolean | null) => metricSet(countsBy.get(key(idx, member)), repeatsBy.get(key(idx, member)) ?? 0);
	return spans.map((_span, idx) => ({ all: set(idx, null), members: set(idx, true), nonMembers: set(idx, false) }));
}

/** The four loyalty metrics for `period`, members against non-members, and their series by interval. */
export async function loyaltyMetrics(db: Database, store: Store, period: Period): Promise<LoyaltyMetrics> {
	const [metrics, ...series] = await metricsOf(db, store, [period, ...period.buckets]);
	return {
		from: period.start,
		to: period.end,
		interval: period.interval,
		currency: store.currency,
		metrics,
		series: period.buckets.map((bucket, index) => ({ start: bucket.start, end: bucket.end, metrics: series[index] })),
	};
}
