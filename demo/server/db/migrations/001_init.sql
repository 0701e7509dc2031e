-- The loyalty schema. Runs unchanged on PGlite and PostgreSQL 13+.

-- ISO 8601 in UTC with milliseconds, whatever the session time zone.
create function iso_utc(t timestamptz) returns text
language sql immutable as $$ select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;

-- A store and its program. The program (rules, rewards, tiers, texts) is configuration, kept as
-- one JSON document and cached by the server; ledger rows refer to rule keys and reward ids.
create table stores (
	id serial primary key,
	key text not null unique,
	secret text not null,
	currency char(3) not null,
	default_locale text not null,
	allowed_origins text[] not null default '{}',
	program jsonb not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create table customers (
	id bigserial primary key,
	store_id int not null references stores (id),
	external_id text not null,
	email text not null,
	referral_code text not null,
	birthday_month smallint check (birthday_month between 1 and 12),
	birthday_day smallint check (birthday_day between 1 and 31),
	birthday_year smallint,
	birthday_set_at timestamptz,
	created_at timestamptz not null default now(),
	unique (store_id, external_id),
	unique (store_id, referral_code),
	check ((birthday_month is null) = (birthday_day is null) and (birthday_month is null) = (birthday_set_at is null))
);
create index customers_email on customers (store_id, lower(email));

-- The points ledger. A balance is the sum of a customer's rows: there is no counter to drift.
-- `dedupe_key` makes every once-only award unique per customer at the database level:
-- 'action:<rule>' (one-time rules), 'birthday:<year>', 'order:<order id>', 'referral:<claim id>'.
create table ledger (
	id bigserial primary key,
	customer_id bigint not null references customers (id),
	points int not null,
	kind text not null check (kind in ('signup', 'order', 'instagram_follow', 'birthday', 'referral', 'redemption', 'adjustment')),
	rule_key text,
	order_id text,
	order_subtotal bigint,
	reward_id text,
	year int,
	friend text,
	note text,
	dedupe_key text,
	created_at timestamptz not null default now(),
	unique (customer_id, dedupe_key),
	check ((kind = 'redemption') = (points < 0) or kind = 'adjustment')
);
create index ledger_customer on ledger (customer_id, id desc);

create function ledger_is_append_only() returns trigger
language plpgsql as $$
begin
	raise exception 'the ledger is append-only: % refused', tg_op using errcode = 'restrict_violation';
end
$$;
create trigger ledger_no_update before update or delete on ledger for each row execute function ledger_is_append_only();
create trigger ledger_no_truncate before truncate on ledger for each statement execute function ledger_is_append_only();

-- Belt and braces under the per-customer row lock the server takes before any debit.
create function ledger_balance_not_negative() returns trigger
language plpgsql as $$
begin
	if new.points < 0 and (select sum(points) from ledger where customer_id = new.customer_id) < 0 then
		raise exception 'balance of customer % would be negative', new.customer_id using errcode = 'check_violation';
	end if;
	return null;
end
$$;
create trigger ledger_balance_check after insert on ledger for each row execute function ledger_balance_not_negative();

create table referral_claims (
	id bigserial primary key,
	store_id int not null references stores (id),
	referrer_id bigint not null references customers (id),
	email text not null,
	created_at timestamptz not null default now()
);
create unique index referral_claims_once_per_email on referral_claims (store_id, lower(email));

-- Discount codes: bought with points (with exactly one ledger debit) or a referral gift.
create table coupons (
	id bigserial primary key,
	store_id int not null references stores (id),
	code text not null unique,
	source text not null check (source in ('redemption', 'referral')),
	customer_id bigint references customers (id),
	ledger_entry_id bigint unique references ledger (id),
	referral_claim_id bigint unique references referral_claims (id),
	reward_id text,
	title jsonb not null,
	kind text not null check (kind in ('fixed_amount', 'percent', 'free_shipping', 'free_product')),
	amount int,
	percent int,
	product_name jsonb,
	min_order_amount int,
	currency char(3) not null,
	created_at timestamptz not null default now(),
	used_at timestamptz,
	used_order_id text,
	check (source <> 'redemption' or (customer_id is not null and ledger_entry_id is not null and reward_id is not null)),
	check (source <> 'referral' or referral_claim_id is not null)
);
create index coupons_customer on coupons (customer_id) where used_at is null;

create table orders (
	store_id int not null references stores (id),
	order_id text not null,
	customer_id bigint references customers (id),
	email text,
	subtotal bigint not null,
	currency char(3) not null,
	points_awarded int not null,
	referral_rewarded boolean not null,
	placed_at timestamptz,
	received_at timestamptz not null default now(),
	primary key (store_id, order_id)
);
create index orders_email on orders (store_id, lower(email));

-- Redemption responses kept per customer and Idempotency-Key, to answer retries byte for byte
-- (text, not jsonb, which would reorder the keys).
create table idempotency_keys (
	customer_id bigint not null references customers (id),
	key text not null,
	request_hash text not null,
	status int not null,
	body text not null,
	created_at timestamptz not null default now(),
	primary key (customer_id, key)
);

create table events (
	id bigserial primary key,
	store_id int not null references stores (id),
	customer_id bigint references customers (id),
	type text not null,
	data jsonb,
	occurred_at timestamptz,
	received_at timestamptz not null default now()
);
create index events_store_type on events (store_id, type, received_at);
