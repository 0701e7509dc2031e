import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer, storePath } from './support/harness';

const contractText = readFileSync(new URL('../../src/api/openapi.json', import.meta.url), 'utf8');

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

describe('the contract endpoint', () => {
	it('serves the committed OpenAPI document byte for byte', async () => {
		const response = await server.api.get('/openapi.json');
		expect(response.status).toBe(200);
		expect(response.text).toBe(contractText);
	});

	it('answers health checks once the database answers', async () => {
		const response = await server.api.get('/healthz');
		expect(response.body).toEqual({ status: 'ok' });
	});

	it('answers unknown paths and methods with the error body', async () => {
		const missing = await server.api.get('/v1/nothing-here');
		expect(missing.status).toBe(404);
		expect(missing.body.error.code).toBe('not_found');
		const wrongMethod = await server.api.request('DELETE', storePath('/program'));
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.get('allow')).toBe('GET');
	});
});

describe('GET program', () => {
	it('describes the demo program with money in minor units', async () => {
		const { status, body } = await server.api.get(storePath('/program'));
		expect(status).toBe(200);
		expect(body).toMatchObject({
			storeKey: 'pk_demo',
			name: 'Maple & Moss',
			currency: 'USD',
			locale: 'en',
			locales: ['en', 'fr', 'it', 'pl'],
		});
		const rules = Object.fromEntries(body.earnRules.map((rule: { key: string }) => [rule.key, rule]));
		expect(rules.order).toMatchObject({ kind: 'order', points: 5, oneTime: false, claimable: false });
		expect(rules.signup).toMatchObject({ points: 100, oneTime: true });
		expect(rules.instagram_follow).toMatchObject({
			points: 50,
			oneTime: true,
			claimable: true,
			profileUrl: expect.stringMatching(/^https:\/\//),
		});
		expect(rules.birthday).toMatchObject({ points: 200 });
		expect(rules.referral).toMatchObject({ points: 500, friendGift: { amount: 1000, minOrderAmount: 4000, currency: 'USD' } });
		const rewards = Object.fromEntries(body.rewards.map((reward: { id: string }) => [reward.id, reward]));
		expect(rewards['five-off']).toMatchObject({ kind: 'fixed_amount', points: 500, amount: 500 });
		expect(rewards['ten-off']).toMatchObject({ points: 1000, amount: 1000 });
		expect(rewards['free-shipping']).toMatchObject({ kind: 'free_shipping', points: 800 });
		expect(rewards['fifteen-percent']).toMatchObject({ kind: 'percent', points: 1500, percent: 15 });
		expect(rewards['points-to-dollars']).toMatchObject({
			kind: 'variable',
			pointsPerUnit: 100,
			unitAmount: 100,
			minPoints: 500,
			maxPoints: 5000,
			stepPoints: 100,
		});
		expect(body.tiers.map((tier: { name: string; threshold: number }) => [tier.name, tier.threshold])).toEqual([
			['Bronze', 0],
			['Silver', 1000],
			['Gold', 3000],
		]);
		expect(body.joinUrl).toMatch(/\/account\/register$/);
		expect(body.signInUrl).toMatch(/\/account\/login$/);
		expect(body.referralLinkTemplate).toContain('{code}');
	});

	it.each([
		['fr-CA,fr;q=0.9', 'fr', 'Parrainez un ami', 'Argent'],
		['it', 'it', 'Invita un amico', 'Argento'],
		['pl-PL', 'pl', 'Poleć nas znajomym', 'Srebrny'],
		['de-DE,de;q=0.9', 'en', 'Refer a friend', 'Silver'],
		['de;q=1, it;q=0.4, fr;q=0.8', 'fr', 'Parrainez un ami', 'Argent'],
	])('localizes for Accept-Language %s', async (acceptLanguage, locale, referralTitle, silver) => {
		const { body, headers } = await server.api.get(storePath('/program'), { headers: { 'accept-language': acceptLanguage } });
		expect(body.locale).toBe(locale);
		expect(headers.get('content-language')).toBe(locale);
		expect(body.earnRules.find((rule: { key: string }) => rule.key === 'referral').title).toBe(referralTitle);
		expect(body.tiers[1].name).toBe(silver);
	});

	it('answers 404 for an unknown store and 400 for a malformed key', async () => {
		expect((await server.api.get(storePath('/program', 'pk_nobody'))).body.error.code).toBe('not_found');
		const malformed = await server.api.get('/v1/stores/not-a-key/program');
		expect(malformed.status).toBe(400);
		expect(malformed.body.error.fields).toEqual([{ in: 'path', path: '/storeKey', message: expect.any(String) }]);
	});
});
