-- Points that follow the money: reversals (refunds, cancellations), expiry, and merchant adjustments.
-- The ledger stays append-only: every correction is a new row.

-- New kinds, and the sign each kind's points take: earnings add, redemptions, reversals and expiry
-- take, adjustments do either (never zero).
alter table ledger drop constraint ledger_kind_check;
alter table ledger add constraint ledger_kind_check
	check (kind in ('signup', 'order', 'instagram_follow', 'birthday', 'referral', 'redemption', 'adjustment', 'reversal', 'expiry'));
alter table ledger drop constraint ledger_check;
alter table ledger add constraint ledger_points_sign check (
	case kind when 'redemption' then points < 0 when 'reversal' then points < 0 when 'expiry' then points < 0
		when 'adjustment' then points <> 0 else points >= 0 end
);
-- Reversals: why the order's points were taken back. Orders (and their reversals): the name the
-- shopper knows the order by (Shopify's `#1001`), when the platform sends one.
alter table ledger add column order_event text check (order_event in ('refunded', 'cancelled'));
alter table ledger add column order_name text;

alter table orders add column order_name text;
-- Points of the order taken back so far, shortfalls included: never more than points_awarded.
alter table orders add column points_reversed int not null default 0;
alter table orders add column referral_reversed boolean not null default false;
alter table orders add constraint orders_reversed_at_most_awarded check (points_reversed between 0 and points_awarded);

-- Each refund and the cancellation of an order, once (event_key 'refund:<id>' or 'cancellation'),
-- kept even when the order has not arrived yet (platforms do not promise delivery order): the
-- order applies them when it does. `shortfall` is what the event could not take back because the
-- shopper had spent it: the merchant's record of points given for money that came back.
create table order_reversals (
	store_id int not null references stores (id),
	order_id text not null,
	event_key text not null,
	kind text not null check (kind in ('refund', 'cancellation')),
	amount bigint not null default 0 check (amount >= 0),
	customer_id bigint references customers (id),
	points_reversed int not null default 0 check (points_reversed >= 0),
	shortfall int not null default 0 check (shortfall >= 0),
	referral_reversed boolean not null default false,
	occurred_at timestamptz,
	received_at timestamptz not null default now(),
	primary key (store_id, order_id, event_key)
);
create index order_reversals_shortfall on order_reversals (store_id, received_at) where shortfall > 0;

-- Shopify deliveries already handled, by X-Shopify-Webhook-Id (Shopify resends the same id on retry).
create table shopify_webhooks (
	store_id int not null references stores (id),
	webhook_id text not null,
	topic text not null,
	outcome text not null,
	received_at timestamptz not null default now(),
	primary key (store_id, webhook_id)
);

-- Expiry looks for each customer's last earning or spending.
create index ledger_customer_created on ledger (customer_id, created_at desc);
