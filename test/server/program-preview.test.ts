import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORE, type TestServer, startTestServer, storePath } from './support/harness';

// POST /admin/program/preview: the console's live preview and field checks. A draft is checked as
// a save is and rendered as the widget would read it, and nothing is stored.
let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

const admin = { authorization: `Bearer ${DEMO_STORE.adminKey}` };

async function draft() {
	const response = await server.api.get(storePath('/admin/program'), { headers: admin });
	expect(response.status).toBe(200);
	return response.body.program;
}

describe('previewing a draft program', () => {
	it('answers the public program the draft would give, in the asked language, without saving it', async () => {
		const program = await draft();
		const [first] = program.rewards;
		first.title = { ...first.title, en: 'Renamed in the draft', fr: 'Renommée' };
		program.brand = { ...program.brand, primaryColor: '#8a2be2' };
		delete program.pointsExpiry;

		const preview = await server.api.post(storePath('/admin/program/preview'), { program }, { headers: admin });
		expect(preview.status).toBe(200);
		expect(preview.body.rewards[0]).toMatchObject({ id: first.id, title: 'Renamed in the draft' });
		expect(preview.body.brand.primaryColor).toBe('#8a2be2');
		expect(preview.body).not.toHaveProperty('pointsExpiry');
		expect(preview.headers.get('cache-control')).toBe('no-store');

		const french = await server.api.post(
			storePath('/admin/program/preview'),
			{ program },
			{ headers: { ...admin, 'accept-language': 'fr-CA,fr;q=0.9' } },
		);
		expect([french.headers.get('content-language'), french.body.rewards[0].title]).toEqual(['fr', 'Renommée']);

		const running = await server.api.get(storePath('/program'));
		expect(running.body.rewards[0].title).not.toBe('Renamed in the draft');
		expect((await draft()).rewards[0].title.en).not.toBe('Renamed in the draft');
	});

	it('names every problem of the draft by its field, schema and program rules alike', async () => {
		const program = await draft();
		program.brand = { primaryColor: 'green' };
		program.rewards[1].id = program.rewards[0].id;
		program.tiers[0].threshold = 10;
		const preview = await server.api.post(storePath('/admin/program/preview'), { program }, { headers: admin });
		expect([preview.status, preview.body.error.code]).toEqual([400, 'invalid_request']);
		const paths = preview.body.error.fields.map((field: { path: string }) => field.path);
		expect(paths).toEqual(expect.arrayContaining(['/program/brand/primaryColor', '/program/rewards/1/id', '/program/tiers/0/threshold']));
	});

	it('is for the admin key only', async () => {
		const program = await draft();
		for (const headers of [{}, { authorization: `Bearer ${DEMO_STORE.key}` }] as Array<Record<string, string>>) {
			const preview = await server.api.post(storePath('/admin/program/preview'), { program }, { headers });
			expect([preview.status, preview.body.error.code]).toEqual([401, 'invalid_admin_key']);
		}
	});
});
