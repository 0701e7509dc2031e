-- Stored Idempotency-Key responses expire after 24 hours (demo/server/README.md › Idempotency keys):
-- the purge deletes them oldest first, in bounded batches, by these indexes. A redemption's debit
-- also carries its key in ledger.dedupe_key (unique per customer), so a key reused after its stored
-- response was purged is refused by the ledger instead of debiting twice.
create index idempotency_keys_created_at on idempotency_keys (created_at);
create index referral_claim_keys_created_at on referral_claim_keys (created_at);
