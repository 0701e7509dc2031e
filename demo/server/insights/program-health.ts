import type { components } from '../../../src/api/schema';
import type { Database } from '../db/types';
import type { Store } from '../program/store';
import type { Period } from './period';

type ProgramHealth = components['schemas']['ProgramHealth'];
type PointsFlow = components['schemas']['PointsFlow'];

/** Ledger kinds that earn points; the others are spending, reversals, expiry and the merchant's adjustments. */
const EARNING_KINDS = ['signup', 'order', 'instagram_follow', 'birthday', 'referral'];
/** Ledger kinds written when a refund or cancellation takes order points back, and by the expiry policy. */
const REVERSAL_KINDS = ['reversal', 'order_reversal'];
const EXPIRY_KINDS = ['expiry', 'expiration'];

interface FlowRow {
	idx: number;
	issued: string;
	redeemed: string;
	reversed: string;
	expired: string;
	adjusted: string;
	net: string;
	redemptions: number;
}

/**
The money value of one point at the program's best redemption rate: the reward giving the most
money per point (`fixed_amount`: amount ÷ points; `variable`: unitAmount ÷ pointsPerUnit).
*/
export function bestRedemptionRate(store: Store): { valuePerPoint: number; rewardId: string } | null {
	let best: { valuePerPoint: number; rewardId: string } | null = null;
	for (const reward of store.definition.rewards) {
		const value =
			reward.kind === 'fixed_amount' && reward.amount && reward.points
				? reward.amount / reward.points
				: reward.kind === 'variable' && reward.unitAmount && reward.pointsPerUnit
					? reward.unitAmount / reward.pointsPerUnit
					: 0;
		if (value > 0 && (!best || value > best.valuePerPoint)) best = { valuePerPoint: value, rewardId: reward.id };
	}
	return best;
}

const flowOf = (row: FlowRow | undefined): PointsFlow => ({
	issued: Number(row?.issued ?? 0),
	redeemed: Number(row?.redeemed ?? 0),
	reversed: Number(row?.reversed ?? 0),
	expired: Number(row?.expired ?? 0),
	adjusted: Number(row?.adjusted ?? 0),
});

/**
Points issued, redeemed, reversed and expired in the period and each interval; the outstanding
balances and their value; the referral and widget funnels. Read from the ledger, referral claims,
orders and engagement events.
*/
export async function programHealth(db: Database, store: Store, period: Period): Promise<ProgramHealth> {
	const spans = [period, ...period.buckets];
	const json = JSON.stringify(spans.map((span, idx) => ({ idx, start_at: span.startAt, end_at: span.endAt })));
	const [flows, [before], [funnels], events] = await Promise.all([
		db.query<FlowRow>(
			`with spans as (select * from json_to_recordset($2::json) as s(idx int, start_at timestamptz, end_at timestamptz))
			select s.idx,
				coalesce(sum(l.points) filter (where l.kind = any($3::text[]) and l.points > 0), 0)::text as issued,
				coalesce(-sum(l.points) filter (where l.kind = 'redemption'), 0)::text as redeemed,
				coalesce(-sum(l.points) filter (where l.kind = any($4::text[])), 0)::text as reversed,
				coalesce(-sum(l.points) filter (where l.kind = any($5::text[])), 0)::text as expired,
				coalesce(sum(l.points) filter (where l.kind = 'adjustment'), 0)::text as adjusted,
				coalesce(sum(l.points), 0)::text as net,
				(count(*) filter (where l.kind = 'redemption'))::int as redemptions
			from spans s
			left join (ledger l join customers c on c.id = l.customer_id and c.store_id = $1)
				on l.created_at >= s.start_at and l.created_at < s.end_at
			group by s.idx`,
			[store.id, json, EARNING_KINDS, REVERSAL_KINDS, EXPIRY_KINDS],
		),
		db.query<{ points: string }>(
			`select coalesce(sum(l.points), 0)::text as points from ledger l join customers c on c.id = l.customer_id
			where c.store_id = $1 and l.created_at < $2`,
			[store.id, period.buckets[0].startAt],
		),
		db.query<{ claimed: number; first_orders: number }>(
			`select (select count(*) from referral_claims where store_id = $1 and created_at >= $2 and created_at < $3)::int as claimed,
				(select count(*) from orders where store_id = $1 and referral_rewarded
					and coalesce(placed_at, received_at) >= $2 and coalesce(placed_at, received_at) < $3)::int as first_orders`,
			[store.id, period.startAt, period.endAt],
		),
		db.query<{ idx: number; type: string; count: number }>(
			`with spans as (select * from json_to_recordset($2::json) as s(idx int, start_at timestamptz, end_at timestamptz))
			select s.idx, e.type, count(*)::int as count
			from spans s join events e on e.store_id = $1 and e.received_at >= s.start_at and e.received_at < s.end_at
			group by s.idx, e.type`,
			[store.id, json],
		),
	]);
	const flowBy = new Map(flows.map((row) => [row.idx, row]));
	const eventCount = (idx: number, type: string) => events.find((row) => row.idx === idx && row.type === type)?.count ?? 0;

	let outstanding = Number(before.points);
	const series = period.buckets.map((bucket, index) => {
		const row = flowBy.get(index + 1);
		outstanding += Number(row?.net ?? 0);
		return {
			start: bucket.start,
			end: bucket.end,
			points: flowOf(row),
			outstandingPoints: Math.max(0, outstanding),
			opened: eventCount(index + 1, 'launcher_open'),
			redemptions: row?.redemptions ?? 0,
		};
	});
	const points = flowOf(flowBy.get(0));
	const outstandingPoints = Math.max(0, outstanding);
	const rate = bestRedemptionRate(store);
	return {
		from: period.start,
		to: period.end,
		interval: period.interval,
		currency: store.currency,
		points,
		redemptionRate: points.issued === 0 ? null : points.redeemed / points.issued,
		outstanding: {
			points: outstandingPoints,
			value: rate ? Math.floor(outstandingPoints * rate.valuePerPoint) : 0,
			valuePerPoint: rate?.valuePerPoint ?? null,
			basisRewardId: rate?.rewardId ?? null,
		},
		referrals: { shared: eventCount(0, 'referral_share'), claimed: funnels.claimed, firstOrders: funnels.first_orders },
		widget: {
			launcherShown: eventCount(0, 'launcher_shown'),
			opened: eventCount(0, 'launcher_open'),
			earnActions: eventCount(0, 'earn_click'),
			redemptions: eventCount(0, 'redemption'),
		},
		series,
	};
}
