import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

// A reused Idempotency-Key is answered before the body's meaning is checked: its first response again,
// or 422 `idempotency_key_reused` for any other body, even one that would be refused on its own.

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

describe('redemptions check a reused Idempotency-Key first', () => {
	const redeem = (token: string, body: unknown, key: string) =>
		server.api.post(storePath('/customer/redemptions'), body, { token, headers: { 'idempotency-key': key } });

	it('a reused key with an unknown reward, or with points the reward does not take, answers 422', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		await server.api.get(storePath('/customer'), { token });
		await server.api.order({ orderId: `fund-${customerId}`, customerId, subtotal: 100_00 });
		const key = randomUUID();
		expect((await redeem(token, { rewardId: 'five-off' }, key)).status).toBe(201);
		for (const invalid of [
			{ rewardId: 'no-such-reward' },
			{ rewardId: 'five-off', points: 500 },
			{ rewardId: 'points-to-dollars', points: 3 },
		]) {
			const reused = await redeem(token, invalid, key);
			expect([reused.status, reused.body.error.code], JSON.stringify(invalid)).toEqual([422, 'idempotency_key_reused']);
		}
		// A new key with the same invalid bodies still gets the field or not-found answer.
		expect((await redeem(token, { rewardId: 'no-such-reward' }, randomUUID())).status).toBe(404);
		expect((await redeem(token, { rewardId: 'five-off', points: 500 }, randomUUID())).status).toBe(400);
	});
});

describe('referral claims check a reused Idempotency-Key first', () => {
	it('a reused key with an unknown code or another email answers 422, the same body its first answer', async () => {
		const referrer = newCustomerId('referrer');
		const { body } = await server.api.get(storePath('/customer'), { token: await tokenFor(referrer) });
		const key = randomUUID();
		const claim = (code: string, email: string) =>
			server.api.post(storePath('/referrals/claim'), { code, email }, { headers: { 'idempotency-key': key } });
		const email = `${newCustomerId('friend')}@example.com`;
		const first = await claim(body.referral.code, email);
		expect(first.status).toBe(201);
		for (const [code, otherEmail] of [
			['NOSUCHCODE', email],
			[body.referral.code, 'someone-else@example.com'],
		]) {
			const reused = await claim(code, otherEmail);
			expect([reused.status, reused.body.error.code]).toEqual([422, 'idempotency_key_reused']);
		}
		expect((await claim(body.referral.code.toLowerCase(), email.toUpperCase())).text).toBe(first.text);
	});
});
