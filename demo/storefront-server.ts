import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startStaticServer, type StaticServer } from '../test/support/static-server';

export interface StorefrontOptions {
	/** The loyalty API's base URL, written into the pages' script tag; a function when it is known only later. */
	api: string | (() => string);
	/** `adminKey` lets the checkout look codes up and mark them used; `couponWebhookSecret` verifies `coupon.issued`. */
	store: { key: string; secret: string; adminKey?: string; couponWebhookSecret?: string };
	/** 0 picks a free port. */
	port?: number;
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/** A code as the demo's checkout knows it, from `coupon.issued` or the merchant lookup (the MerchantCoupon shape). */
interface KnownCoupon {
	code: string;
	status: 'pending' | 'active' | 'used' | 'failed';
	customerId: string | null;
	title: string;
	kind: 'fixed_amount' | 'percent' | 'free_shipping' | 'free_product';
	amount?: number;
	percent?: number;
	minOrderAmount?: number;
}

/** What a code takes off a cart subtotal (minor units); free shipping and free products take nothing off the goods. */
function discountFor(coupon: KnownCoupon, subtotal: number): number {
	if (coupon.kind === 'fixed_amount') return Math.min(coupon.amount ?? 0, subtotal);
	if (coupon.kind === 'percent') return Math.round((subtotal * (coupon.percent ?? 0)) / 100);
	return 0;
}

function isSigned(header: string | undefined, body: string, secret: string | undefined): boolean {
	if (!header || !secret) return false;
	const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
	const given = Buffer.from(header);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
The demo storefront on 127.0.0.1: its pages (with the widget's tag filled in, as a theme would),
the built widget under /dist/, and the shop's own "backend": a checkout that learns discount codes
from the loyalty server's signed `coupon.issued` webhooks (or looks them up with the admin key),
applies them to the cart, marks them used, and reports the order with a webhook signed with the
store secret, which the browser never sees.
*/
export function startStorefront({ api: apiOption, store, port = 0 }: StorefrontOptions): Promise<StaticServer> {
	const apiUrl = () => (typeof apiOption === 'function' ? apiOption() : apiOption);
	const pages = async (request: IncomingMessage, response: ServerResponse) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		const name = path === '/' ? 'index.html' : path.startsWith('/account/') ? 'account.html' : /^\/([\w-]+\.html)$/.exec(path)?.[1];
		if (!name) return false;
		const html = await readFile(`demo/storefront/${name}`, 'utf8').catch(() => undefined);
		if (html === undefined) return false;
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
		response.end(html.replaceAll('{{API}}', apiUrl()).replaceAll('{{STORE}}', store.key));
		return true;
	};

	// Codes announced by coupon.issued, by code: the demo checkout's own discount table.
	const announced = new Map<string, KnownCoupon>();
	const admin = (code: string, action = '', init: RequestInit = {}) =>
		fetch(`${apiUrl()}/v1/stores/${store.key}/admin/coupons/${encodeURIComponent(code)}${action}`, {
			...init,
			headers: { authorization: `Bearer ${store.adminKey}`, 'content-type': 'application/json' },
		});

	const receiveCoupon = async (request: IncomingMessage, response: ServerResponse) => {
		if (request.method !== 'POST' || request.url !== '/demo/webhooks/coupons') return false;
		const body = await readBody(request);
		if (!isSigned(request.headers['x-rewards-signature'] as string | undefined, body, store.couponWebhookSecret)) {
			response.writeHead(401).end();
			return true;
		}
		const event = JSON.parse(body) as { type: string; data: { coupon: KnownCoupon } };
		if (event.type === 'coupon.issued') announced.set(event.data.coupon.code, event.data.coupon);
		response.writeHead(204).end();
		return true;
	};

	/** The code if this shopper may use it on this cart now, else why not. */
	const checkCode = async (code: string, customerId: string | undefined, subtotal: number) => {
		const normalized = code.trim().toUpperCase();
		let coupon = announced.get(normalized);
		// Codes issued before this checkout was listening (or a webhook still being retried): ask the loyalty server.
		const lookup = await admin(normalized).catch(() => undefined);
		if (lookup?.ok) coupon = (await lookup.json()) as KnownCoupon;
		else if (lookup?.status === 404) coupon = undefined;
		if (!coupon) return { ok: false as const, reason: 'This code is not valid.' };
		if (coupon.status !== 'active')
			return { ok: false as const, reason: coupon.status === 'used' ? 'This code was already used.' : 'This code is not valid.' };
		if (coupon.customerId && coupon.customerId !== customerId)
			return { ok: false as const, reason: 'Sign in as the shopper this code belongs to.' };
		if (coupon.minOrderAmount && subtotal < coupon.minOrderAmount)
			return { ok: false as const, reason: `Spend $${(coupon.minOrderAmount / 100).toFixed(2)} to use this code.` };
		return { ok: true as const, coupon, discount: discountFor(coupon, subtotal) };
	};

	const applyDiscount = async (request: IncomingMessage, response: ServerResponse) => {
		if (request.method !== 'POST' || request.url !== '/demo/cart/discount') return false;
		const { code, customerId, subtotal } = JSON.parse(await readBody(request)) as { code: string; customerId?: string; subtotal: number };
		const checked = await checkCode(code, customerId, subtotal);
		const body = checked.ok
			? { code: checked.coupon.code, title: checked.coupon.title, kind: checked.coupon.kind, discount: checked.discount }
			: { error: checked.reason };
		response.writeHead(checked.ok ? 200 : 422, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		return true;
	};

	const placeOrder = async (request: IncomingMessage, response: ServerResponse) => {
		if (request.method !== 'POST' || request.url !== '/demo/orders') return false;
		const { customerId, email, subtotal, couponCode } = JSON.parse(await readBody(request)) as {
			customerId: string;
			email: string;
			subtotal: number;
			couponCode?: string;
		};
		const orderId = `demo-${Date.now()}`;
		let discount = 0;
		if (couponCode) {
			const checked = await checkCode(couponCode, customerId, subtotal);
			if (!checked.ok) {
				response.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: checked.reason }));
				return true;
			}
			// The checkout takes the code first, so two orders cannot both use it.
			const used = await admin(checked.coupon.code, '/use', { method: 'POST', body: JSON.stringify({ orderId }) });
			if (!used.ok) {
				response.writeHead(409, { 'content-type': 'application/json' }).end(await used.text());
				return true;
			}
			discount = checked.discount;
		}
		const order = JSON.stringify({
			orderId,
			customerId,
			email,
			subtotal: subtotal - discount,
			currency: 'USD',
			...(couponCode ? { couponCodes: [couponCode.trim().toUpperCase()] } : {}),
		});
		const signature = createHmac('sha256', store.secret).update(order).digest('hex');
		const result = await fetch(`${apiUrl()}/v1/stores/${store.key}/webhooks/orders`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-rewards-signature': `sha256=${signature}` },
			body: order,
		});
		const outcome = (await result.json()) as Record<string, unknown>;
		response.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify({ ...outcome, discount }));
		return true;
	};

	return startStaticServer({ '/dist/': 'dist', '/': 'demo/storefront' }, [pages, receiveCoupon, applyDiscount, placeOrder], { port });
}
