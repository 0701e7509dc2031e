import type { Queryable } from '../db/types';
import type { StoreDefinition } from '../program/definition';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DAYS = 365;
const MEMBERS = 420;
const GUESTS = 560;
// No 0/O or 1/I/L, like real codes.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const FIRST_NAMES = ['ava', 'noah', 'mia', 'leo', 'zoe', 'liam', 'ines', 'hugo', 'lena', 'marco', 'ola', 'jan', 'emma', 'luca', 'nora'];

/** mulberry32: a small seeded PRNG, so every fresh demo database holds the same history. */
function seededRandom(seed: number) {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface LedgerRow {
	customer: string;
	points: number;
	kind: 'signup' | 'order' | 'instagram_follow' | 'referral' | 'redemption' | 'adjustment';
	rule_key: string | null;
	order_id: string | null;
	order_subtotal: number | null;
	reward_id: string | null;
	friend: string | null;
	friend_email: string | null;
	note: string | null;
	dedupe_key: string | null;
	created_at: string;
	coupon_code: string | null;
	coupon_used_at: string | null;
}

interface OrderRow {
	order_id: string;
	customer: string | null;
	email: string;
	subtotal: number;
	points_awarded: number;
	referral_rewarded: boolean;
	refunded_amount: number;
	cancelled_at: string | null;
	placed_at: string;
}

/**
About twelve months of a small shop's life for the demo store, written in a few set-based
statements: 420 members who sign up over the year (more lately), order again at intervals or drift
away, redeem rewards and refer friends; 560 guests who mostly buy once; refunds (partial and full)
and cancellations, whose points are taken back; and the widget's engagement events day by day.
Seeded PRNG: the same history, relative to `now`, on every fresh database. The demo shoppers
(Alice, Bob, Carol) are left as they are.
*/
export async function seedDemoHistory(tx: Queryable, storeId: number, store: StoreDefinition, now = Date.now()): Promise<void> {
	const random = seededRandom(20_260_101);
	const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
	const iso = (time: number) => new Date(Math.min(time, now - 60_000)).toISOString();
	const code = (prefix: string, index: number) => {
		let symbols = '';
		for (let i = 0; i < 8; i++) symbols += ALPHABET[Math.floor(random() * ALPHABET.length)];
		return `${prefix}${String(index).padStart(5, '0')}-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
	};
	// Busier in November and December, quieter in summer.
	const seasonal = (time: number) => [0.9, 0.85, 0.95, 1, 1, 0.85, 0.75, 0.8, 1, 1.05, 1.45, 1.6][new Date(time).getUTCMonth()];
	const subtotal = () => Math.round((2200 + random() * 6000 + (random() < 0.2 ? random() * 14000 : 0)) / 50) * 50;
	const orderPoints = (amount: number) => Math.floor(amount / 100) * (store.earnRules.find((rule) => rule.kind === 'order')?.points ?? 0);
	const rewards = store.rewards.filter((reward) => reward.kind !== 'variable' && reward.points).sort((a, b) => b.points! - a.points!);

	const customers: Array<{ external_id: string; email: string; referral_code: string; created_at: string }> = [];
	const ledger: LedgerRow[] = [];
	const orders: OrderRow[] = [];
	let couponCount = 0;
	const claims: Array<{ referrer: string; email: string; created_at: string; code: string }> = [];
	const perDay = new Map<
		number,
		{ launcher_shown: number; launcher_open: number; earn_click: number; redemption: number; referral_share: number }
	>();
	const day = (time: number) => {
		const index = Math.floor((now - time) / DAY_MS);
		if (!perDay.has(index)) perDay.set(index, { launcher_shown: 0, launcher_open: 0, earn_click: 0, redemption: 0, referral_share: 0 });
		return perDay.get(index)!;
	};
	const entry = (row: Partial<LedgerRow> & Pick<LedgerRow, 'customer' | 'points' | 'kind' | 'created_at'>): LedgerRow => ({
		rule_key: null,
		order_id: null,
		order_subtotal: null,
		reward_id: null,
		friend: null,
		friend_email: null,
		note: null,
		dedupe_key: null,
		coupon_code: null,
		coupon_used_at: null,
		...row,
	});
	let orderNumber = 0;
	const nextOrderId = () => `HX-${String(++orderNumber).padStart(5, '0')}`;
	/** Records an order; a refund or cancellation (about 1 in 10) is settled two days later. */
	const placeOrder = (customer: string | null, email: string, time: number, referral = false) => {
		const amount = subtotal();
		const orderId = nextOrderId();
		const fate = random();
		const cancelled = fate < 0.025;
		const refunded = cancelled ? 0 : fate < 0.065 ? amount : fate < 0.1 ? Math.round((amount * between(20, 50)) / 100 / 50) * 50 : 0;
		const points = customer ? orderPoints(amount) : 0;
		orders.push({
			order_id: orderId,
			customer,
			email,
			subtotal: amount,
			points_awarded: points,
			referral_rewarded: referral,
			refunded_amount: refunded,
			cancelled_at: cancelled ? iso(time + 2 * DAY_MS) : null,
			placed_at: iso(time),
		});
		return { orderId, amount, points, takenBack: cancelled || refunded === amount ? points : Math.floor((points * refunded) / amount) };
	};

	// Members: sign up, order now and then, redeem when they can afford a reward.
	for (let index = 1; index <= MEMBERS; index++) {
		const id = `hx-member-${String(index).padStart(4, '0')}`;
		const email = `${pick(FIRST_NAMES)}.${index}@example.net`;
		let time = now - Math.pow(random(), 0.75) * DAYS * DAY_MS;
		customers.push({ external_id: id, email, referral_code: `HX${String(index).padStart(4, '0')}`, created_at: iso(time) });
		let balance = 100;
		ledger.push(
			entry({ customer: id, points: 100, kind: 'signup', rule_key: 'signup', dedupe_key: 'action:signup', created_at: iso(time) }),
		);
		if (random() < 0.3) {
			balance += 50;
			ledger.push(
				entry({
					customer: id,
					points: 50,
					kind: 'instagram_follow',
					rule_key: 'instagram_follow',
					dedupe_key: 'action:instagram_follow',
					created_at: iso(time + HOUR_MS),
				}),
			);
		}
		if (random() < 0.12) continue; // joined, never ordered
		time += random() * 6 * DAY_MS;
		let unusedCoupon: LedgerRow | undefined;
		while (time < now) {
			if (random() > seasonal(time) * 0.8) {
				time += between(5, 20) * DAY_MS;
				continue;
			}
			const order = placeOrder(id, email, time);
			// The coupon bought after the previous order goes on this one.
			if (unusedCoupon) unusedCoupon.coupon_used_at = iso(time);
			unusedCoupon = undefined;
			balance += order.points;
			ledger.push(
				entry({
					customer: id,
					points: order.points,
					kind: 'order',
					rule_key: 'order',
					order_id: order.orderId,
					order_subtotal: order.amount,
					dedupe_key: `order:${order.orderId}`,
					created_at: iso(time),
				}),
			);
			const takenBack = Math.min(order.takenBack, balance);
			if (takenBack > 0 && time + 2 * DAY_MS < now) {
				balance -= takenBack;
				ledger.push(
					entry({
						customer: id,
						points: -takenBack,
						kind: 'adjustment',
						note: `Refund of order ${order.orderId}`,
						created_at: iso(time + 2 * DAY_MS),
					}),
				);
			} else if (random() < 0.4 && time + 3 * HOUR_MS < now) {
				const reward = rewards.find((candidate) => candidate.points! <= balance);
				if (reward) {
					balance -= reward.points!;
					day(time + 3 * HOUR_MS).redemption++;
					unusedCoupon = entry({
						customer: id,
						points: -reward.points!,
						kind: 'redemption',
						reward_id: reward.id,
						coupon_code: code('HXR', ++couponCount),
						created_at: iso(time + 3 * HOUR_MS),
					});
					ledger.push(unusedCoupon);
				}
			}
			if (random() < 0.22) break; // drifts away
			time += (14 + -Math.log(1 - random()) * 55) * DAY_MS;
		}
	}

	// Referrals: some members share their link; some friends claim the gift and order.
	const referral = store.earnRules.find((rule) => rule.kind === 'referral');
	if (referral)
		for (const member of customers) {
			if (random() > 0.25) continue;
			const sharedAt = Date.parse(member.created_at) + random() * (now - Date.parse(member.created_at));
			for (let share = between(1, 3); share > 0; share--) day(sharedAt + share * HOUR_MS).referral_share++;
			if (random() > 0.5) continue;
			const claimedAt = sharedAt + between(1, 5) * DAY_MS;
			if (claimedAt >= now) continue;
			const friendEmail = `friend.${claims.length + 1}@example.org`;
			claims.push({ referrer: member.external_id, email: friendEmail, created_at: iso(claimedAt), code: code('HXF', claims.length + 1) });
			const orderedAt = claimedAt + between(1, 14) * DAY_MS;
			if (random() > 0.6 || orderedAt >= now) continue;
			placeOrder(null, friendEmail, orderedAt, true);
			ledger.push(
				entry({
					customer: member.external_id,
					points: referral.points,
					kind: 'referral',
					rule_key: referral.key,
					friend: `${friendEmail[0]}***@example.org`,
					friend_email: friendEmail,
					created_at: iso(orderedAt),
				}),
			);
		}

	// Guests: most buy once, some come back.
	for (let index = 1; index <= GUESTS; index++) {
		const email = `${pick(FIRST_NAMES)}.guest${index}@example.com`;
		let time = now - Math.pow(random(), 0.9) * DAYS * DAY_MS;
		for (let again = 0.32; time < now; again *= 0.6) {
			placeOrder(null, email, time);
			if (random() > again) break;
			time += between(20, 120) * DAY_MS;
		}
	}

	// The widget: the launcher shown on page views, opened by some, earn actions and redemptions.
	for (let index = 0; index < DAYS; index++) {
		const counts = day(now - index * DAY_MS - 1);
		const growth = 0.55 + 0.45 * ((DAYS - index) / DAYS);
		counts.launcher_shown = Math.round(45 * growth * seasonal(now - index * DAY_MS) * (0.8 + random() * 0.4));
		counts.launcher_open = Math.round(counts.launcher_shown * (0.1 + random() * 0.06));
		counts.earn_click = Math.round(counts.launcher_open * (0.15 + random() * 0.2));
	}

	await tx.query(
		`insert into customers (store_id, external_id, email, referral_code, created_at)
		select $1, c.external_id, c.email, c.referral_code, c.created_at
		from json_to_recordset($2::json) as c(external_id text, email text, referral_code text, created_at timestamptz)`,
		[storeId, JSON.stringify(customers)],
	);
	await tx.query(
		`with claims as (
			insert into referral_claims (store_id, referrer_id, email, created_at)
			select $1, c.id, d.email, d.created_at
			from json_to_recordset($2::json) as d(referrer text, email text, created_at timestamptz, code text)
			join customers c on c.store_id = $1 and c.external_id = d.referrer
			returning id, email, created_at
		)
		insert into coupons (store_id, code, source, referral_claim_id, title, kind, amount, min_order_amount, currency, created_at)
		select $1, d.code, 'referral', claims.id, $3::jsonb, 'fixed_amount', $4, $5, $6, claims.created_at
		from claims join json_to_recordset($2::json) as d(email text, code text) on d.email = claims.email`,
		[
			storeId,
			JSON.stringify(claims),
			JSON.stringify(referral?.friendGift?.title ?? {}),
			referral?.friendGift?.amount ?? 0,
			referral?.friendGift?.minOrderAmount ?? 0,
			store.currency,
		],
	);
	await tx.query(
		`insert into orders (store_id, order_id, customer_id, email, subtotal, currency, points_awarded, referral_rewarded,
			refunded_amount, cancelled_at, placed_at, received_at)
		select $1, o.order_id, c.id, o.email, o.subtotal, $3, o.points_awarded, o.referral_rewarded, o.refunded_amount, o.cancelled_at,
			o.placed_at, o.placed_at
		from json_to_recordset($2::json) as o(order_id text, customer text, email text, subtotal bigint, points_awarded int,
			referral_rewarded boolean, refunded_amount bigint, cancelled_at timestamptz, placed_at timestamptz)
		left join customers c on c.store_id = $1 and c.external_id = o.customer`,
		[storeId, JSON.stringify(orders), store.currency],
	);
	ledger.sort((a, b) => a.created_at.localeCompare(b.created_at));
	await tx.query(
		`with data as (
			select d.*, c.id as customer_id, row_number() over () as position
			from json_to_recordset($2::json) as d(customer text, points int, kind text, rule_key text, order_id text, order_subtotal bigint,
				reward_id text, friend text, friend_email text, note text, dedupe_key text, created_at timestamptz, coupon_code text,
				coupon_used_at timestamptz)
			join customers c on c.store_id = $1 and c.external_id = d.customer
		),
		rewards as materialized (
			select * from json_to_recordset($3::json) as r(id text, title jsonb, kind text, amount int, percent int, product_name jsonb)
		),
		inserted as (
			insert into ledger (customer_id, points, kind, rule_key, order_id, order_subtotal, reward_id, friend, note, dedupe_key, created_at)
			select customer_id, points, kind, rule_key, order_id, order_subtotal, reward_id, friend, note,
				coalesce(dedupe_key, (select 'referral:' || r.id from referral_claims r where r.store_id = $1 and r.email = data.friend_email)),
				created_at
			from data order by position
			returning id, customer_id, created_at, kind
		)
		insert into coupons (store_id, code, source, customer_id, ledger_entry_id, reward_id, title, kind, amount, percent, product_name,
			currency, created_at, used_at)
		select $1, data.coupon_code, 'redemption', inserted.customer_id, inserted.id, data.reward_id, reward.title,
			reward.kind, reward.amount, reward.percent, reward.product_name, $4, inserted.created_at, data.coupon_used_at
		from inserted
		join data on data.customer_id = inserted.customer_id and data.created_at = inserted.created_at and data.kind = 'redemption'
		join rewards reward on reward.id = data.reward_id
		where inserted.kind = 'redemption'`,
		[
			storeId,
			JSON.stringify(ledger),
			JSON.stringify(rewards.map((reward) => ({ ...reward, product_name: reward.productName ?? null }))),
			store.currency,
		],
	);
	await tx.query(
		`insert into events (store_id, type, occurred_at, received_at)
		select $1, d.type, d.day_start + g.n * d.step, d.day_start + g.n * d.step
		from (
			select type, count, $3::timestamptz - (days_ago + 1) * interval '1 day' as day_start, interval '86000 seconds' / (count + 1) as step
			from json_to_recordset($2::json) as d(days_ago int, type text, count int)
		) d, generate_series(1, d.count) as g(n)`,
		[
			storeId,
			JSON.stringify(
				[...perDay].flatMap(([daysAgo, counts]) =>
					Object.entries(counts)
						.filter(([, count]) => count > 0)
						.map(([type, count]) => ({ days_ago: daysAgo, type, count })),
				),
			),
			new Date(now).toISOString(),
		],
	);
}
