import { newCouponCode } from '../codes';
import type { Queryable } from '../db/types';
import type { StoreDefinition } from '../program/definition';
import { DEMO_SHOPPERS } from './demo-store';

const DAY_MS = 86_400_000;

interface HistoryEntry {
	daysAgo: number;
	points: number;
	kind: 'signup' | 'order' | 'instagram_follow' | 'birthday' | 'redemption' | 'adjustment';
	orderId?: string;
	subtotal?: number;
	rewardId?: string;
	note?: string;
	/** For redemptions whose coupon was used at checkout. */
	usedOn?: { daysAgo: number; orderId: string };
}

// Alice: a regular, 1,240 points to spend (1,740 lifetime: Silver), an unused $5 coupon, and a
// friend (dana@example.com) who claimed her gift but has not ordered yet.
const ALICE: HistoryEntry[] = [
	{ daysAgo: 120, points: 100, kind: 'signup' },
	{ daysAgo: 110, points: 420, kind: 'order', orderId: 'MM-1001', subtotal: 8450 },
	{ daysAgo: 100, points: 50, kind: 'instagram_follow' },
	{ daysAgo: 75, points: 645, kind: 'order', orderId: 'MM-1002', subtotal: 12900 },
	{ daysAgo: 60, points: -500, kind: 'redemption', rewardId: 'five-off' },
	{ daysAgo: 45, points: 25, kind: 'adjustment', note: 'Sorry about the delayed parcel' },
	{ daysAgo: 20, points: 500, kind: 'order', orderId: 'MM-1003', subtotal: 10000 },
];

// Bob: joined last week, one small order: 260 points, Bronze.
const BOB: HistoryEntry[] = [
	{ daysAgo: 6, points: 100, kind: 'signup' },
	{ daysAgo: 2, points: 160, kind: 'order', orderId: 'MM-1004', subtotal: 3200 },
];

// Carol: Gold (5,000 lifetime), 2,500 to spend, a used 15% coupon and an unused $10 one, and
// this year's birthday points already received (her birthday is 30 days before seeding).
const CAROL: HistoryEntry[] = [
	{ daysAgo: 420, points: 100, kind: 'signup' },
	{ daysAgo: 400, points: 1250, kind: 'order', orderId: 'MM-0901', subtotal: 25000 },
	{ daysAgo: 399, points: 50, kind: 'instagram_follow' },
	{ daysAgo: 300, points: 900, kind: 'order', orderId: 'MM-0950', subtotal: 18000 },
	{ daysAgo: 250, points: -1500, kind: 'redemption', rewardId: 'fifteen-percent', usedOn: { daysAgo: 240, orderId: 'MM-0990' } },
	{ daysAgo: 240, points: 1100, kind: 'order', orderId: 'MM-0990', subtotal: 22000 },
	{ daysAgo: 90, points: -1000, kind: 'redemption', rewardId: 'ten-off' },
	{ daysAgo: 30, points: 200, kind: 'birthday' },
	{ daysAgo: 15, points: 1400, kind: 'order', orderId: 'MM-1010', subtotal: 28000 },
];

async function insertHistory(
	tx: Queryable,
	storeId: number,
	store: StoreDefinition,
	customerId: string,
	email: string,
	history: HistoryEntry[],
	now: number,
) {
	const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
	for (const entry of [...history].sort((a, b) => b.daysAgo - a.daysAgo)) {
		const when = at(entry.daysAgo);
		const ruleKey = ['signup', 'order', 'instagram_follow', 'birthday'].includes(entry.kind) ? entry.kind : null;
		const year = entry.kind === 'birthday' ? new Date(when).getUTCFullYear() : null;
		const dedupeKey =
			{
				signup: 'action:signup',
				instagram_follow: 'action:instagram_follow',
				order: `order:${entry.orderId}`,
				birthday: `birthday:${year}`,
			}[entry.kind as string] ?? null;
		const [ledger] = await tx.query<{ id: string }>(
			`insert into ledger (customer_id, points, kind, rule_key, order_id, order_subtotal, reward_id, year, note, dedupe_key, created_at)
			values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id::text as id`,
			[
				customerId,
				entry.points,
				entry.kind,
				ruleKey,
				entry.orderId ?? null,
				entry.subtotal ?? null,
				entry.rewardId ?? null,
				year,
				entry.note ?? null,
				dedupeKey,
				when,
			],
		);
		if (entry.kind === 'order') {
			await tx.query(
				`insert into orders (store_id, order_id, customer_id, email, subtotal, currency, points_awarded, referral_rewarded, placed_at, received_at)
				values ($1, $2, $3, $4, $5, $6, $7, false, $8, $8)`,
				[storeId, entry.orderId, customerId, email, entry.subtotal, store.currency, entry.points, when],
			);
		}
		if (entry.kind === 'redemption') {
			const reward = store.rewards.find((candidate) => candidate.id === entry.rewardId)!;
			await tx.query(
				`insert into coupons (store_id, code, source, customer_id, ledger_entry_id, reward_id, title, kind, amount, percent, currency, created_at, used_at, used_order_id)
				values ($1, $2, 'redemption', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
				[
					storeId,
					newCouponCode(),
					customerId,
					ledger.id,
					reward.id,
					JSON.stringify(reward.title),
					reward.kind,
					reward.amount ?? null,
					reward.percent ?? null,
					store.currency,
					when,
					entry.usedOn ? at(entry.usedOn.daysAgo) : null,
					entry.usedOn?.orderId ?? null,
				],
			);
		}
	}
}

/** Adds the demo shoppers and their history to a freshly created demo store. */
export async function seedDemoShoppers(tx: Queryable, storeId: number, store: StoreDefinition, now = Date.now()): Promise<void> {
	const carolBirthday = new Date(now - 30 * DAY_MS);
	const shoppers = [
		{ ...DEMO_SHOPPERS.alice, history: ALICE, birthday: null },
		{ ...DEMO_SHOPPERS.bob, history: BOB, birthday: null },
		{
			...DEMO_SHOPPERS.carol,
			history: CAROL,
			birthday: { month: carolBirthday.getUTCMonth() + 1, day: carolBirthday.getUTCDate(), year: 1988, setDaysAgo: 400 },
		},
	];
	const ids: Record<string, string> = {};
	for (const shopper of shoppers) {
		const joined = new Date(now - Math.max(...shopper.history.map((entry) => entry.daysAgo)) * DAY_MS).toISOString();
		const { birthday } = shopper;
		const [row] = await tx.query<{ id: string }>(
			`insert into customers (store_id, external_id, email, referral_code, birthday_month, birthday_day, birthday_year, birthday_set_at, created_at)
			values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id::text as id`,
			[
				storeId,
				shopper.customerId,
				shopper.email,
				shopper.referralCode,
				birthday?.month ?? null,
				birthday?.day ?? null,
				birthday?.year ?? null,
				birthday ? new Date(now - birthday.setDaysAgo * DAY_MS).toISOString() : null,
				joined,
			],
		);
		ids[shopper.customerId] = row.id;
		await insertHistory(tx, storeId, store, row.id, shopper.email, shopper.history, now);
	}

	const gift = store.earnRules.find((rule) => rule.kind === 'referral')!.friendGift!;
	const [claim] = await tx.query<{ id: string }>(
		`insert into referral_claims (store_id, referrer_id, email, created_at) values ($1, $2, 'dana@example.com', $3) returning id::text as id`,
		[storeId, ids[DEMO_SHOPPERS.alice.customerId], new Date(now - 3 * DAY_MS).toISOString()],
	);
	await tx.query(
		`insert into coupons (store_id, code, source, referral_claim_id, title, kind, amount, min_order_amount, currency, created_at)
		values ($1, $2, 'referral', $3, $4, 'fixed_amount', $5, $6, $7, $8)`,
		[
			storeId,
			newCouponCode(),
			claim.id,
			JSON.stringify(gift.title),
			gift.amount,
			gift.minOrderAmount,
			store.currency,
			new Date(now - 3 * DAY_MS).toISOString(),
		],
	);
}
