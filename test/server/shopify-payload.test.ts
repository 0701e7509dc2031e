import { describe, expect, it } from 'vitest';
import { minorUnits, parseShopifyBody } from '../../demo/server/platforms/shopify/payload';
import { orderFromShopify, refundedSubtotal } from '../../demo/server/platforms/shopify/receive-webhook';
import type { Store } from '../../demo/server/program/store';
import { shopifySample } from './support/shopify';

const usd = { currency: 'USD', minorUnitsPerUnit: 100 } as Store;
const jpy = { currency: 'JPY', minorUnitsPerUnit: 1 } as Store;
const body = (text: string) => parseShopifyBody(Buffer.from(text));

describe('Shopify amounts and ids', () => {
	it('reads decimal strings into minor units exactly, for the currency’s digits', () => {
		expect(minorUnits('414.95', 100, '/x')).toBe(41495);
		expect(minorUnits('0.1', 100, '/x')).toBe(10);
		expect(minorUnits('12', 100, '/x')).toBe(1200);
		expect(minorUnits(89.99, 100, '/x')).toBe(8999);
		expect(minorUnits('1500.0', 1, '/x')).toBe(1500);
		expect(minorUnits('1.005', 100, '/x')).toBe(101);
		expect(minorUnits('99999999999.99', 100, '/x')).toBe(9999999999999);
		for (const bad of ['-1.00', '1e3', '', 'abc', null, undefined]) expect(() => minorUnits(bad as never, 100, '/x')).toThrow();
	});

	it('keeps ids beyond 2^53 exactly, where JSON.parse would round them', () => {
		const text = '{"id": 820982911946154508, "order_id": 820982911946154509}';
		expect(JSON.parse(text).id).toBe(JSON.parse(text).order_id);
		const parsed = body(text);
		expect([parsed.id, parsed.order_id]).toEqual(['820982911946154508', '820982911946154509']);
	});
});

describe('the documented samples as orders and refunds', () => {
	it('orders/paid: the current subtotal in shop money, the customer, the name, the placing date', () => {
		const order = orderFromShopify(usd, body(shopifySample('orders-paid')));
		expect(order).toEqual({
			orderId: '820982911946154508',
			customerId: '115310627314723954',
			email: 'jon@example.com',
			subtotal: 41495,
			currency: 'USD',
			placedAt: '2022-01-01T00:00:00.000Z',
			orderName: '#9999',
			shopifyCustomer: { customerId: '115310627314723954', email: 'john@example.com' },
		});
	});

	it('orders/paid without current_subtotal_price_set falls back to the original subtotal; the shop currency comes from shop money', () => {
		const sample = JSON.parse(shopifySample('orders-paid').replace(/(":\s*)(\d{16,})/g, '$1"$2"'));
		delete sample.current_subtotal_price_set;
		delete sample.current_subtotal_price;
		expect(orderFromShopify(usd, sample).subtotal).toBe(40495);
		expect(orderFromShopify(jpy, body(shopifySample('orders-paid'))).subtotal).toBe(415);
	});

	it('refunds/create: the refund line items’ subtotals, else the successful refund transactions', () => {
		const refund = body(shopifySample('refunds-create'));
		expect(refundedSubtotal(usd, refund)).toBe(41495);
		expect(refundedSubtotal(usd, { ...refund, refund_line_items: [] })).toBe(8500);
		const failed = (refund.transactions as Record<string, unknown>[]).map((transaction) => ({ ...transaction, status: 'failure' }));
		expect(refundedSubtotal(usd, { ...refund, refund_line_items: [], transactions: failed as never })).toBe(0);
	});
});
