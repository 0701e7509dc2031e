-- Two more secrets per store, each for one job, so one that leaks cannot do the others' work:
-- the identity secret signs shopper digests computed by theme templates (it can impersonate
-- shoppers, nothing more), and the admin key opens the merchant API (kept only as its SHA-256).
-- The existing `secret` keeps signing customer JWTs and order webhooks.
alter table stores add column identity_secret text;
alter table stores add column admin_key_sha256 bytea;
