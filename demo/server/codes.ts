import { randomInt } from 'node:crypto';

// No 0/O or 1/I/L: codes are read aloud and typed at checkout.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function randomSymbols(count: number): string {
	let out = '';
	for (let i = 0; i < count; i++) out += ALPHABET[randomInt(ALPHABET.length)];
	return out;
}

/** A coupon code such as `K7QF-9XWM-3HTD`: 12 cryptographically random symbols of 31 (59 bits). */
export function newCouponCode(): string {
	const symbols = randomSymbols(12);
	return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

/** A shopper's shareable referral code: 8 random symbols of 31 (39 bits). */
export function newReferralCode(): string {
	return randomSymbols(8);
}
