-- Coupons created on the shop's platform before the shopper sees them (Shopify Admin API), or
-- announced to the merchant's checkout by a signed `coupon.issued` webhook.
--
-- A redemption on Shopify is a saga: the debit and a `pending` coupon commit together, the code
-- is created on the platform outside any transaction, then the coupon becomes `active`, or
-- `failed` with a reversing ledger entry (dedupe key `coupon-refund:<coupon id>`, so at most one).
-- A pending coupon left by a crash is finished by the server's coupon worker. `used` is not a
-- status of its own: it is `used_at`.
alter table coupons add column status text not null default 'active' check (status in ('pending', 'active', 'failed'));
-- 'shopify' or 'webhook'; null for stores whose checkout reads codes from nowhere but this API.
alter table coupons add column platform text check (platform in ('shopify', 'webhook'));
-- The platform's id for the code (a Shopify DiscountCodeNode gid).
alter table coupons add column platform_id text;
alter table coupons add column platform_error text;
alter table coupons add column platform_attempts int not null default 0;
create index coupons_pending on coupons (created_at) where status = 'pending';

-- Which Idempotency-Key a pending redemption answers, so its stored response can be finished.
alter table coupons add column idempotency_key text;

-- Outgoing `coupon.issued` webhooks, written in the transaction that issues the coupon (so a crash
-- never loses one) and delivered by the coupon worker with exponential backoff.
create table coupon_webhook_outbox (
	id bigserial primary key,
	store_id int not null references stores (id),
	coupon_id bigint not null unique references coupons (id),
	event_id text not null unique,
	body text not null,
	attempts int not null default 0,
	next_attempt_at timestamptz not null default now(),
	delivered_at timestamptz,
	last_error text,
	created_at timestamptz not null default now()
);
create index coupon_webhook_outbox_due on coupon_webhook_outbox (next_attempt_at) where delivered_at is null;
