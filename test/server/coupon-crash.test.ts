import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../demo/server/app';
import { spawnServer, sharedStorage } from './support/child-server';
import { contractClient, type ContractClient } from './support/harness';
import { type ShopifyAdminStandin, startShopifyAdminStandin } from './support/shopify-admin-standin';
import { shopifyPath, shopifyShopper, shopifyStoreDefinition } from './support/shopify-store';

// The server killed (SIGKILL) after a redemption's debit committed and while its Shopify call is in
// flight. After a restart the coupon worker finishes every pending coupon: the code is created
// (once, even when the first call had created it and only the answer was lost) or the points go
// back. Never a debit without a working code.
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
});

interface InFlight {
	customerId: string;
	token: string;
	key: string;
}

/** A child server for a Shopify store whose Admin API is `standin`, with Shopify calls allowed to hang for a minute. */
async function childWithShopifyStore(standin: ShopifyAdminStandin) {
	const storage = await sharedStorage();
	cleanups.push(storage.dispose);
	const dir = await mkdtemp(join(tmpdir(), 'openrewards-coupon-crash-'));
	cleanups.push(() => rm(dir, { recursive: true, force: true }));
	const config = join(dir, 'stores.json');
	await writeFile(config, JSON.stringify([shopifyStoreDefinition(standin)]));
	const child = await spawnServer({
		...storage.env,
		REWARDS_STORE_CONFIG: config,
		REWARDS_COUPON_ATTEMPT_TIMEOUT_MS: '60000',
		REWARDS_COUPON_BUDGET_MS: '60000',
		REWARDS_COUPON_STALE_PENDING_MS: '600000',
	});
	cleanups.push(async () => child.process.kill('SIGKILL'));
	return { child, storage, api: contractClient(child.url) };
}

/** Sends a redemption that will not be answered before the kill, and waits until Shopify has received its call. */
async function redeemUntilShopifyCalled(api: ContractClient, standin: ShopifyAdminStandin, shopper: { customerId: string; token: string }) {
	const calls = standin.requests.length;
	const key = randomUUID();
	void api
		.post(shopifyPath('/customer/redemptions'), { rewardId: 'five-off' }, { token: shopper.token, headers: { 'idempotency-key': key } })
		.catch(() => undefined);
	await expect.poll(() => standin.requests.length, { timeout: 15_000 }).toBe(calls + 1);
	// The debit committed before the call: the balance already shows it.
	expect((await api.get(shopifyPath('/customer'), { token: shopper.token })).body.balance).toBe(200);
	return { ...shopper, key };
}

async function restart(storage: { options: { dataDir?: string; databaseUrl?: string } }, standin: ShopifyAdminStandin) {
	const server = await startServer({
		port: 0,
		rateLimit: false,
		...storage.options,
		stores: [shopifyStoreDefinition(standin)],
		coupons: { stalePendingMs: 0, pollMs: 100, issuing: { attemptTimeoutMs: 500, budgetMs: 1_500 } },
	});
	cleanups.push(() => server.close());
	await expect
		.poll(async () => (await server.query<{ n: number }>("select count(*)::int as n from coupons where status = 'pending'"))[0].n, {
			timeout: 20_000,
		})
		.toBe(0);
	return server;
}

async function outcome(server: RunningServer, customerId: string) {
	const [row] = await server.query<{
		code: string;
		status: string;
		platform_id: string | null;
		debits: number;
		refunds: number;
		sum: number;
	}>(
		`select k.code, k.status, k.platform_id,
			(select count(*)::int from ledger l where l.customer_id = c.id and l.kind = 'redemption') as debits,
			(select count(*)::int from ledger l where l.customer_id = c.id and l.dedupe_key like 'coupon-refund:%') as refunds,
			(select coalesce(sum(points), 0)::int from ledger l where l.customer_id = c.id) as sum
		from customers c join coupons k on k.customer_id = c.id where c.external_id = $1`,
		[customerId],
	);
	return row;
}

/** Every debit has a working code or its reversal, never both, never neither. */
async function expectNoDebitWithoutWorkingCode(server: RunningServer, standin: ShopifyAdminStandin) {
	const rows = await server.query<{ code: string; status: string; refunded: boolean }>(
		`select k.code, k.status, exists (select 1 from ledger r where r.dedupe_key = 'coupon-refund:' || k.id) as refunded
		from coupons k join ledger l on l.id = k.ledger_entry_id join stores s on s.id = k.store_id where s.key = 'pk_shopify_coupons'`,
	);
	for (const row of rows) {
		if (row.status === 'active') expect([row.code, row.refunded, standin.discounts.has(row.code)]).toEqual([row.code, false, true]);
		else expect([row.code, row.status, row.refunded]).toEqual([row.code, 'failed', true]);
	}
}

describe('a crash between the debit and the Shopify call', () => {
	it('after a restart: the call that never reached Shopify is made once, the lost answer is recognised, the refusal gives the points back', async () => {
		const standin = await startShopifyAdminStandin();
		cleanups.push(() => standin.close());
		const { child, storage, api } = await childWithShopifyStore(standin);

		standin.next({ kind: 'hang' }, { kind: 'create-then-hang' }, { kind: 'hang' });
		const neverReached = await redeemUntilShopifyCalled(api, standin, await shopifyShopper(api, standin, 700));
		const answerLost = await redeemUntilShopifyCalled(api, standin, await shopifyShopper(api, standin, 700));
		const refusedLater = await redeemUntilShopifyCalled(api, standin, await shopifyShopper(api, standin, 700));
		expect(standin.discounts.size).toBe(1);
		const createdBeforeCrash = [...standin.discounts.values()][0];

		child.process.kill('SIGKILL');
		expect(await child.exited).toBeNull();
		// While the server was down, the shop deleted the third customer: Shopify now refuses their code.
		standin.customers.delete(`gid://shopify/Customer/${refusedLater.customerId}`);
		standin.clearFaults();

		const server = await restart(storage, standin);
		const restartedApi = contractClient(server.url);

		const first = await outcome(server, neverReached.customerId);
		expect(first).toMatchObject({ status: 'active', debits: 1, refunds: 0, sum: 200 });
		expect(standin.discounts.get(first.code)!.id).toBe(first.platform_id);

		const second = await outcome(server, answerLost.customerId);
		expect(second).toMatchObject({ status: 'active', debits: 1, refunds: 0, sum: 200, platform_id: createdBeforeCrash.id });
		expect(createdBeforeCrash.input.code).toBe(second.code);

		const third = await outcome(server, refusedLater.customerId);
		expect(third).toMatchObject({ status: 'failed', debits: 1, refunds: 1, sum: 700 });
		expect(standin.discounts.has(third.code)).toBe(false);

		// Two codes on Shopify, for two debits.
		expect(standin.discounts.size).toBe(2);
		await expectNoDebitWithoutWorkingCode(server, standin);

		// The redemptions retried with their keys answer their outcome, and spend nothing more.
		for (const [shopper, status, code] of [
			[neverReached, 201, first.code],
			[answerLost, 201, second.code],
			[refusedLater, 422, undefined],
		] as const) {
			const again = await restartedApi.post(
				shopifyPath('/customer/redemptions'),
				{ rewardId: 'five-off' },
				{ token: shopper.token, headers: { 'idempotency-key': shopper.key } },
			);
			expect(again.status).toBe(status);
			if (code) expect(again.body.coupon).toMatchObject({ code, status: 'active' });
			else expect(again.body.error.code).toBe('coupon_refused');
		}
		expect((await outcome(server, neverReached.customerId)).sum).toBe(200);
		expect((await outcome(server, refusedLater.customerId)).sum).toBe(700);
	});

	it('after a restart with Shopify still down: the points go back', async () => {
		const standin = await startShopifyAdminStandin();
		cleanups.push(() => standin.close());
		const { child, storage, api } = await childWithShopifyStore(standin);
		standin.next({ kind: 'hang' });
		const shopper = await redeemUntilShopifyCalled(api, standin, await shopifyShopper(api, standin, 700));
		child.process.kill('SIGKILL');
		await child.exited;
		await standin.down();

		const server = await restart(storage, standin);
		expect(await outcome(server, shopper.customerId)).toMatchObject({ status: 'failed', debits: 1, refunds: 1, sum: 700 });
		await expectNoDebitWithoutWorkingCode(server, standin);
		const again = await contractClient(server.url).post(
			shopifyPath('/customer/redemptions'),
			{ rewardId: 'five-off' },
			{ token: shopper.token, headers: { 'idempotency-key': shopper.key } },
		);
		expect([again.status, again.body.error.code]).toEqual([502, 'coupon_platform_unavailable']);
	});
});
