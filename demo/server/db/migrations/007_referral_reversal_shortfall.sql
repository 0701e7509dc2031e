-- What a reversal could not take back from the referrer (their reward for the friend's cancelled
-- or fully refunded first order), kept apart from the buyer's own shortfall.
alter table order_reversals add column referral_shortfall int not null default 0 check (referral_shortfall >= 0);
