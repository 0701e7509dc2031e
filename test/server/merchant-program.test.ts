import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORE, type TestServer, startTestServer, storePath, tokenFor } from './support/harness';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

const admin = { authorization: `Bearer ${DEMO_STORE.adminKey}` };

async function currentProgram() {
	const response = await server.api.get(storePath('/admin/program'), { headers: admin });
	expect(response.status).toBe(200);
	return response;
}

describe('the merchant program API', () => {
	it('reads the program as the merchant edits it, with its version as the ETag and no secrets', async () => {
		const { body, headers } = await currentProgram();
		expect(headers.get('etag')).toBe(`"${body.version}"`);
		expect(body.program.name.en).toBe('Maple & Moss');
		expect(body.program.tiers.map((tier: { key: string }) => tier.key)).toContain('silver');
		for (const secret of ['key', 'secret', 'identitySecret', 'adminKey', 'shopify', 'couponWebhook'])
			expect(body.program).not.toHaveProperty(secret);
		expect(JSON.stringify(body)).not.toContain(DEMO_STORE.secret);
	});

	it('refuses every key but the admin key with 401 invalid_admin_key', async () => {
		for (const authorization of [
			undefined,
			`Bearer ${DEMO_STORE.key}`,
			`Bearer ${DEMO_STORE.identitySecret}`,
			`Bearer ${DEMO_STORE.secret}`,
		]) {
			const response = await server.api.get(storePath('/admin/program'), { headers: authorization ? { authorization } : {} });
			expect([response.status, response.body.error.code]).toEqual([401, 'invalid_admin_key']);
		}
		// A shopper's valid customer token opens nothing either.
		const shopper = await server.api.get(storePath('/admin/customers'), { token: await tokenFor('demo-alice') });
		expect([shopper.status, shopper.body.error.code]).toEqual([401, 'invalid_admin_key']);
	});

	it('replaces the program with If-Match: a new version the public program shows at once, without a restart', async () => {
		const before = await currentProgram();
		const publicBefore = await server.api.get(storePath('/program'));
		const tag = publicBefore.headers.get('etag')!;
		expect(tag).toMatch(/^"[\w-]+"$/);
		// Nothing changed yet: the widget's conditional request answers 304 without a body.
		const unchanged = await server.api.get(storePath('/program'), { headers: { 'if-none-match': tag } });
		expect([unchanged.status, unchanged.text, unchanged.headers.get('etag')]).toEqual([304, '', tag]);

		const program = structuredClone(before.body.program);
		program.rewards[0].title.en = 'Five dollars off';
		program.brand = { ...program.brand, primaryColor: '#123456' };
		const saved = await server.api.put(
			storePath('/admin/program'),
			{ program, note: 'Renamed the first reward, new colour' },
			{ headers: { ...admin, 'if-match': before.headers.get('etag')! } },
		);
		expect(saved.status).toBe(200);
		expect(saved.body).toMatchObject({ version: before.body.version + 1, note: 'Renamed the first reward, new colour' });
		expect(saved.headers.get('etag')).toBe(`"${before.body.version + 1}"`);

		const publicAfter = await server.api.get(storePath('/program'), { headers: { 'if-none-match': tag } });
		expect(publicAfter.status).toBe(200);
		expect(publicAfter.headers.get('etag')).not.toBe(tag);
		expect(publicAfter.body.rewards[0].title).toBe('Five dollars off');
		expect(publicAfter.body.brand.primaryColor).toBe('#123456');
		expect((await currentProgram()).body.version).toBe(before.body.version + 1);
	});

	it('refuses a stale If-Match with 412 version_conflict and a missing one with 428, writing nothing', async () => {
		const before = await currentProgram();
		const program = structuredClone(before.body.program);
		program.name.en = 'Overwritten';
		const stale = await server.api.put(
			storePath('/admin/program'),
			{ program },
			{ headers: { ...admin, 'if-match': `"${before.body.version - 1}"` } },
		);
		expect([stale.status, stale.body.error.code]).toEqual([412, 'version_conflict']);
		const missing = await server.api.put(storePath('/admin/program'), { program }, { headers: admin });
		expect([missing.status, missing.body.error.code]).toEqual([428, 'precondition_required']);
		expect((await currentProgram()).body).toEqual(before.body);
		expect((await server.api.get(storePath('/program'))).body.name).not.toBe('Overwritten');
	});

	it('refuses an invalid program naming every problem by its JSON path, and keeps the running one', async () => {
		const before = await currentProgram();
		const publicBefore = await server.api.get(storePath('/program'));
		const program = structuredClone(before.body.program);
		program.tiers[1].threshold = 0; // not above the first tier's 0
		program.tiers[0].name = { fr: 'Bronze' }; // the default locale "en" is missing
		program.rewards[1].id = program.rewards[0].id; // a repeated id
		program.earnRules[0].points = -5; // the schema: minimum 0
		program.joinUrl = 'javascript:alert(1)'; // not https
		program.brand = { primaryColor: 'green' }; // the schema: #rrggbb
		delete program.currency; // the schema: required
		const refused = await server.api.put(
			storePath('/admin/program'),
			{ program },
			{ headers: { ...admin, 'if-match': before.headers.get('etag')! } },
		);
		expect([refused.status, refused.body.error.code]).toEqual([400, 'invalid_request']);
		const paths = refused.body.error.fields.map((field: { path: string }) => field.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'/program/tiers/1/threshold',
				'/program/tiers/0/name',
				'/program/rewards/1/id',
				'/program/earnRules/0/points',
				'/program/joinUrl',
				'/program/brand/primaryColor',
				'/program/currency',
			]),
		);
		expect(refused.body.error.fields.every((field: { in: string; message: string }) => field.in === 'body' && field.message)).toBe(true);
		expect((await currentProgram()).body).toEqual(before.body);
		expect((await server.api.get(storePath('/program'))).body).toEqual(publicBefore.body);
	});

	it('lists the versions newest first, each readable with its document', async () => {
		const { body } = await server.api.get(storePath('/admin/program/versions?limit=1'), { headers: admin });
		expect(body.items).toHaveLength(1);
		expect(body.items[0]).toMatchObject({ current: true, note: 'Renamed the first reward, new colour' });
		const next = await server.api.get(storePath(`/admin/program/versions?limit=10&cursor=${body.nextCursor}`), { headers: admin });
		expect(next.body.items.map((item: { version: number }) => item.version)).toEqual([body.items[0].version - 1]);
		expect(next.body.items[0]).toMatchObject({ current: false, note: 'Seeded' });
		const first = await server.api.get(storePath(`/admin/program/versions/${next.body.items[0].version}`), { headers: admin });
		expect(first.body.program.rewards[0].title.en).not.toBe('Five dollars off');
		expect((await server.api.get(storePath('/admin/program/versions/999'), { headers: admin })).status).toBe(404);
	});
});
