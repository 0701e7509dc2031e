import { isSafeNumber, parse } from 'lossless-json';
import { invalidField } from '../../errors';

/** A JSON value as parsed from a Shopify body: integers beyond 2^53 (Shopify's ids) stay strings. */
export type ShopifyJson = { [key: string]: ShopifyValue };
type ShopifyValue = string | number | boolean | null | ShopifyJson | ShopifyValue[];

/**
Parses a webhook body without losing digits: Shopify's ids (e.g. 820982911946154508) are larger
than JavaScript numbers hold exactly, and JSON.parse would silently round two orders onto one id.
*/
export function parseShopifyBody(raw: Buffer): ShopifyJson {
	const value = parse(raw.toString('utf8'), null, (text: string) => (isSafeNumber(text) ? Number(text) : text)) as ShopifyValue;
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidField('body', '', 'must be a JSON object');
	return value;
}

/** A Shopify id (number or digits) as text, or undefined. */
export function idOf(value: ShopifyValue | undefined): string | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
	if (typeof value === 'string' && /^[1-9]\d{0,30}$/.test(value)) return value;
	return undefined;
}

export function objectAt(value: ShopifyValue | undefined): ShopifyJson | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

export function arrayAt(value: ShopifyValue | undefined): ShopifyValue[] {
	return Array.isArray(value) ? value : [];
}

export function textAt(value: ShopifyValue | undefined): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
A decimal amount as Shopify sends it ("414.95", or a number in a few older fields) in minor units
of a currency with `minorUnitsPerUnit` (100 for USD, 1 for JPY). Exact for the currency's own
digits; further digits round half up.
*/
export function minorUnits(amount: ShopifyValue | undefined, minorUnitsPerUnit: number, where: string): number {
	const text = typeof amount === 'number' ? String(amount) : amount;
	const match = typeof text === 'string' ? /^(\d{1,15})(?:\.(\d{1,12}))?$/.exec(text.trim()) : null;
	if (!match) throw invalidField('body', where, 'must be a decimal amount such as "12.50"');
	const digits = Math.round(Math.log10(minorUnitsPerUnit));
	const fraction = (match[2] ?? '').padEnd(digits + 1, '0');
	const units = BigInt(match[1]) * BigInt(minorUnitsPerUnit) + BigInt(fraction.slice(0, digits) || '0');
	return Number(units + (Number(fraction[digits]) >= 5 ? 1n : 0n));
}

/** `{ shop_money: { amount, currency_code } }` → the shop-money amount and its currency. */
export function shopMoney(set: ShopifyValue | undefined): { amount: ShopifyValue; currency?: string } | undefined {
	const money = objectAt(objectAt(set)?.shop_money);
	if (!money || money.amount === undefined) return undefined;
	return { amount: money.amount, currency: textAt(money.currency_code) };
}
