-- The program as the merchant edits it, one row per saved version. stores.program stays the
-- current version (plus the key and the store's connections, which versions never hold), so
-- the store directory reads one row as before; a replacement writes both in one transaction.
create table program_versions (
	store_id int not null references stores (id),
	version int not null check (version >= 1),
	document jsonb not null,
	note text,
	created_at timestamptz not null default now(),
	primary key (store_id, version)
);

alter table stores add column program_version int not null default 1;
-- SHA-256 of the last seed (REWARDS_STORE_CONFIG entry or demo store) applied: a restart applies
-- the seed's program again only when the seed itself changed, so edits made in the console stay.
alter table stores add column program_seed_sha256 bytea;

insert into program_versions (store_id, version, document, note, created_at)
select id, 1, program - 'key' - 'shopify' - 'couponWebhook', 'The program before versions were kept', updated_at from stores;

-- Refunds and cancellations, for insights: revenue is net of refunds, and a cancelled or fully
-- refunded order is not counted. `if not exists`: the order webhooks may add the same columns.
alter table orders add column if not exists refunded_amount bigint not null default 0;
alter table orders add column if not exists cancelled_at timestamptz;

-- Insights read orders and events by store and date.
create index orders_store_date on orders (store_id, (coalesce(placed_at, received_at)));
create index events_store_received on events (store_id, received_at);
