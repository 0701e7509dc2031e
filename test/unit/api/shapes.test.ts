// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fits } from '../../../src/api/shape';
import * as shapes from '../../../src/api/shapes';
import { DEMO_SHOPPERS, newCustomerId, startTestServer, storePath, tokenFor, type TestServer } from '../../server/support/harness';
import { CONTRACT_PATH, generateResponseShapes, SHAPES_PATH } from '../../../src/api/generate-shapes';

const contract = JSON.parse(readFileSync(CONTRACT_PATH, 'utf8'));

describe('response shapes', () => {
	it('match the contract (run `npm run gen:api` after editing openapi.json)', () => {
		expect(readFileSync(SHAPES_PATH, 'utf8')).toBe(generateResponseShapes(contract));
	});

	it('refuse schemas the interpreter could not check faithfully', () => {
		const broken = (schema: Record<string, unknown>) => () =>
			generateResponseShapes({
				paths: {
					'/v1/stores/{storeKey}/x': {
						get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/X' } } } } } },
					},
				},
				components: { schemas: { X: { type: 'object', required: ['a'], properties: { a: schema } } } },
			});
		expect(broken({ oneOf: [{ type: 'string' }, { type: 'integer' }] })).toThrow(/oneOf/);
		expect(broken({ type: 'number' })).toThrow(/number/);
		expect(broken({ type: ['string', 'integer'] })).toThrow(/one type/);
		expect(broken({ type: 'array', items: { type: ['string', 'null'] } })).toThrow(/null array items/);
		expect(broken({ type: 'string', enum: ['only'] })).toThrow(/two or more/);
		expect(broken({ type: 'string' })).not.toThrow();
	});
});

describe('the response check, on real answers of the reference server', () => {
	let server: TestServer;
	const answers: Array<[keyof typeof shapes, unknown]> = [];

	beforeAll(async () => {
		server = await startTestServer();
		const get = async (path: string, token?: string) => (await server.api.get(storePath(path), { token })).body;
		// Carol is seeded with history and a birthday; a new shopper has neither, and no next tier in reach.
		const carol = await tokenFor(DEMO_SHOPPERS.carol.customerId);
		const customerId = newCustomerId('shapes');
		const fresh = await tokenFor(customerId);
		answers.push(
			['Program', await get('/program')],
			['Customer', await get('/customer', carol)],
			['Customer', await get('/customer', fresh)],
		);
		answers.push([
			'ActionResult',
			(await server.api.post(storePath('/customer/actions/instagram_follow'), undefined, { token: fresh })).body,
		]);
		await server.api.order({ orderId: `order-${customerId}`, customerId, subtotal: 20_000 });
		answers.push([
			'RedemptionResult',
			(
				await server.api.post(
					storePath('/customer/redemptions'),
					{ rewardId: 'five-off' },
					{ token: fresh, headers: { 'idempotency-key': `k-${customerId}` } },
				)
			).body,
		]);
		answers.push(
			['Customer', await get('/customer', fresh)],
			['ActivityPage', await get('/customer/activity', carol)],
			['ActivityPage', await get('/customer/activity', fresh)],
		);
		const code = (await get('/customer', carol)).referral.code;
		answers.push([
			'ReferralClaimResult',
			(await server.api.post(storePath('/referrals/claim'), { code, email: `${newCustomerId('friend')}@example.com` })).body,
		]);
	}, 60_000);
	afterAll(() => server?.close());

	it('accepts every one of them', () => {
		expect(answers.map(([name]) => name)).toEqual([
			'Program',
			'Customer',
			'Customer',
			'ActionResult',
			'RedemptionResult',
			'Customer',
			'ActivityPage',
			'ActivityPage',
			'ReferralClaimResult',
		]);
		for (const [name, body] of answers) expect(fits(body, shapes[name]), name).toBe(true);
		// The samples cover what is optional or nullable: a coupon, a birthday, activity references.
		expect(answers.some(([name, body]) => name == 'Customer' && (body as { coupons: unknown[] }).coupons.length)).toBe(true);
		expect(answers.some(([name, body]) => name == 'Customer' && (body as { birthday: unknown }).birthday)).toBe(true);
	});

	it('refuses what the contract does not promise', () => {
		const customer = answers.find(([name]) => name == 'Customer')![1] as Record<string, unknown>;
		const program = answers.find(([name]) => name == 'Program')![1] as { rewards: Array<Record<string, unknown>> };
		const wrong: unknown[] = [
			undefined,
			null,
			'{"balance":1}',
			[customer],
			{ ...customer, balance: '100' },
			{ ...customer, balance: 1.5 },
			{ ...customer, balance: undefined },
			{ ...customer, tier: null },
			{ ...customer, completedActions: 'signup' },
			{ ...customer, completedActions: [1] },
			{ ...customer, coupons: [{}] },
			{ ...customer, birthday: { month: 3 } },
		];
		for (const body of wrong) expect(fits(body, shapes.Customer), JSON.stringify(body)?.slice(0, 80)).toBe(false);
		expect(fits({ ...program, rewards: [{ ...program.rewards[0], kind: 'mystery' }] }, shapes.Program)).toBe(false);
		expect(fits({ ...program, rewards: [{ ...program.rewards[0], points: '500' }] }, shapes.Program)).toBe(false);
		expect(fits({ ok: true }, shapes.RedemptionResult)).toBe(false);
	});

	it('lets through what a newer server may add, and what is optional or nullable', () => {
		const customer = answers.find(([name]) => name == 'Customer')![1] as Record<string, unknown>;
		expect(fits({ ...customer, loyaltyStreak: 3 }, shapes.Customer)).toBe(true);
		expect(fits({ ...customer, nextTier: null, pointsToNextTier: null, birthday: null, birthdayLockedUntil: null }, shapes.Customer)).toBe(
			true,
		);
		expect(fits({ locale: 'en', items: [], nextCursor: null }, shapes.ActivityPage)).toBe(true);
	});
});
