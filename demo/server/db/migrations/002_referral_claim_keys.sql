-- Referral claim responses kept per store and Idempotency-Key, to answer a retried claim with its
-- first response byte for byte, as idempotency_keys does for redemptions. A claim is public (no
-- customer to scope its keys by, as idempotency_keys does), hence a table of its own.
create table referral_claim_keys (
	store_id int not null references stores (id),
	key text not null,
	request_hash text not null,
	status int not null,
	body text not null,
	created_at timestamptz not null default now(),
	primary key (store_id, key)
);
