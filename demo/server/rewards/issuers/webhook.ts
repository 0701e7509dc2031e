import { signBody } from '../../orders/signature';
import type { CouponWebhookDefinition } from '../../program/definition';
import { isCallablePlatformUrl } from './platform-url';

/**
Delivers one `coupon.issued` event to the merchant's URL, signed like order webhooks
(`X-Rewards-Signature: sha256=<hex HMAC-SHA256 of the raw body keyed with couponWebhook.secret>`).
Resolves on a 2xx; throws with the reason otherwise, for the outbox to retry.
*/
export async function deliverCouponWebhook(
	webhook: CouponWebhookDefinition,
	eventId: string,
	body: string,
	timeoutMs: number,
): Promise<void> {
	if (!isCallablePlatformUrl(webhook.url)) throw new Error(`couponWebhook.url ${webhook.url} is not https`);
	const response = await fetch(webhook.url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'user-agent': 'openrewards-coupon-webhook/1',
			'x-rewards-event': 'coupon.issued',
			'x-rewards-event-id': eventId,
			'x-rewards-signature': signBody(body, webhook.secret),
		},
		body,
		signal: AbortSignal.timeout(timeoutMs),
		redirect: 'error',
	});
	await response.body?.cancel();
	if (!response.ok) throw new Error(`answered ${response.status}`);
}
