import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../src/api/client';
import { createRedemptions } from '../../../src/state/redemptions';

const result = { coupon: { code: 'C' }, pointsSpent: 500, balance: 100 };

function api(...outcomes: Array<'ok' | { code: string; status: number }>) {
	const redeem = vi.fn(async () => {
		const outcome = outcomes.shift();
		if (outcome === 'ok') return result;
		throw outcome;
	});
	return { client: { redeem } as unknown as ApiClient, redeem };
}

describe('redemptions: one Idempotency-Key per attempt', () => {
	it('a double click joins the request in flight', async () => {
		const { client, redeem } = api('ok');
		const redemptions = createRedemptions(client);
		const [first, second] = [redemptions.redeem('five-off'), redemptions.redeem('five-off')];
		expect(await first).toBe(await second);
		expect(redeem).toHaveBeenCalledTimes(1);
	});

	it('a retry after no answer reuses the key; a new attempt after success gets a new one', async () => {
		const { client, redeem } = api({ code: 'network', status: 0 }, { code: 'internal_error', status: 500 }, 'ok', 'ok');
		const redemptions = createRedemptions(client);
		await expect(redemptions.redeem('five-off')).rejects.toMatchObject({ code: 'network' });
		await expect(redemptions.redeem('five-off')).rejects.toMatchObject({ code: 'internal_error' });
		await redemptions.redeem('five-off');
		await redemptions.redeem('five-off');
		const keys = redeem.mock.calls.map((call) => (call as unknown[])[1]);
		expect(keys[0]).toBe(keys[1]);
		expect(keys[1]).toBe(keys[2]);
		expect(keys[3]).not.toBe(keys[2]);
	});

	it('a refusal ends the attempt; different points are a different attempt', async () => {
		const { client, redeem } = api({ code: 'insufficient_points', status: 409 }, 'ok', 'ok');
		const redemptions = createRedemptions(client);
		await expect(redemptions.redeem('dollars', 700)).rejects.toMatchObject({ status: 409 });
		await redemptions.redeem('dollars', 700);
		await redemptions.redeem('dollars', 800);
		const keys = redeem.mock.calls.map((call) => (call as unknown[])[1]);
		expect(new Set(keys).size).toBe(3);
		expect(redeem.mock.calls.map((call) => (call as unknown[])[0])).toEqual([
			{ rewardId: 'dollars', points: 700 },
			{ rewardId: 'dollars', points: 700 },
			{ rewardId: 'dollars', points: 800 },
		]);
	});
});
