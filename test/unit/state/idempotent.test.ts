import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../src/api/client';
import { idempotent } from '../../../src/state/idempotent';

const result = { coupon: { code: 'C' }, pointsSpent: 500, balance: 100 };

beforeEach(() => sessionStorage.clear());

/** Redemptions as the store makes them: one idempotent action per reward and points. */
function createRedemptions(client: ApiClient, savedAs = (): string | undefined => undefined) {
	const { send, unfinished } = idempotent((key, rewardId: string, points?: number) => client.redeem({ rewardId, points }, key), savedAs);
	return { redeem: send, unfinished };
}

function api(...outcomes: Array<'ok' | { code: string; status: number }>) {
	const redeem = vi.fn(async () => {
		const outcome = outcomes.shift();
		if (outcome === 'ok') return result;
		throw outcome;
	});
	return { client: { redeem } as unknown as ApiClient, redeem };
}

describe('idempotent actions (here redemptions): one Idempotency-Key per attempt', () => {
	it('a double click joins the request in flight', async () => {
		const { client, redeem } = api('ok');
		const redemptions = createRedemptions(client);
		const [first, second] = [redemptions.redeem('five-off'), redemptions.redeem('five-off')];
		expect(await first).toBe(await second);
		expect(redeem).toHaveBeenCalledTimes(1);
	});

	it('no answer sends again at once with the same key; "Try again" reuses it too; a new attempt after success gets a new one', async () => {
		const { client, redeem } = api({ code: 'network', status: 0 }, { code: 'internal_error', status: 500 }, 'ok', 'ok');
		const redemptions = createRedemptions(client);
		await expect(redemptions.redeem('five-off')).rejects.toMatchObject({ code: 'internal_error' });
		await redemptions.redeem('five-off');
		await redemptions.redeem('five-off');
		const keys = redeem.mock.calls.map((call) => (call as unknown[])[1]);
		expect(keys).toHaveLength(4);
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

describe('idempotent actions (here redemptions): a reload mid-redeem', () => {
	const NO_ANSWER = { code: 'network', status: 0 };
	const keysOf = (redeem: ReturnType<typeof api>['redeem']) => redeem.mock.calls.map((call) => (call as unknown[])[1]);

	it('keeps the key of an unfinished attempt in sessionStorage, per shopper, for the next page to send again', async () => {
		const before = api(NO_ANSWER, NO_ANSWER);
		await expect(createRedemptions(before.client, () => 'rewards:pk_test:alice:redeem').redeem('dollars', 700)).rejects.toEqual(NO_ANSWER);
		expect(sessionStorage.getItem('rewards:pk_test:alice:redeem')).toContain(keysOf(before.redeem)[0] as string);

		// The next page: a fresh module, the same tab.
		const after = api('ok');
		const redemptions = createRedemptions(after.client, () => 'rewards:pk_test:alice:redeem');
		expect(redemptions.unfinished()).toEqual([['dollars', 700]]);
		expect(createRedemptions(after.client, () => 'rewards:pk_test:bob:redeem').unfinished()).toEqual([]);
		expect(await redemptions.redeem('dollars', 700)).toBe(result);
		expect(keysOf(after.redeem)).toEqual([keysOf(before.redeem)[0]]);
		expect((after.redeem.mock.calls[0] as unknown[])[0]).toEqual({ rewardId: 'dollars', points: 700 });
	});

	it('forgets the key once the answer is in, success or refusal', async () => {
		const { client } = api('ok', { code: 'insufficient_points', status: 409 });
		const redemptions = createRedemptions(client, () => 'rewards:pk_test:alice:redeem');
		await redemptions.redeem('five-off');
		await expect(redemptions.redeem('ten-off')).rejects.toMatchObject({ status: 409 });
		expect(redemptions.unfinished()).toEqual([]);
		expect(createRedemptions(client, () => 'rewards:pk_test:alice:redeem').unfinished()).toEqual([]);
	});

	it('a missing argument comes back as null (the store sends it as missing again: offline.test.ts)', async () => {
		const before = api(NO_ANSWER, NO_ANSWER);
		await expect(createRedemptions(before.client, () => 'k').redeem('five-off', undefined)).rejects.toEqual(NO_ANSWER);
		expect(createRedemptions(api().client, () => 'k').unfinished()).toEqual([['five-off', null]]);
	});

	it('still keeps keys in memory when sessionStorage refuses them', async () => {
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		const { client, redeem } = api(NO_ANSWER, NO_ANSWER, 'ok');
		const redemptions = createRedemptions(client, () => 'k');
		await expect(redemptions.redeem('five-off')).rejects.toEqual(NO_ANSWER);
		await redemptions.redeem('five-off');
		expect(new Set(keysOf(redeem)).size).toBe(1);
		vi.restoreAllMocks();
	});
});
