import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthdayInYear, birthdayLockedUntil, birthdayProblem, birthdayRewardDue } from '../../demo/server/customers/birthday-rules';
import { type TestServer, newCustomerId, startTestServer, storePath, tokenFor } from './support/harness';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('birthday rules', () => {
	it('validates the day against the month and year', () => {
		expect(birthdayProblem({ month: 4, day: 31 }, day('2025-06-01'))).toEqual({ path: '/day', message: 'April has only 30 days' });
		expect(birthdayProblem({ month: 2, day: 30 }, day('2025-06-01'))).toEqual({ path: '/day', message: 'February has only 29 days' });
		expect(birthdayProblem({ month: 2, day: 29, year: 2023 }, day('2025-06-01'))).toEqual({
			path: '/day',
			message: 'February has only 28 days in 2023',
		});
		expect(birthdayProblem({ month: 2, day: 29, year: 2000 }, day('2025-06-01'))).toBeUndefined();
		expect(birthdayProblem({ month: 2, day: 29 }, day('2025-06-01'))).toBeUndefined();
		expect(birthdayProblem({ month: 12, day: 31, year: 2026 }, day('2025-06-01'))).toEqual({
			path: '/year',
			message: 'must not be in the future',
		});
	});

	it('moves 29 February to the 28th in common years', () => {
		expect(birthdayInYear(2, 29, 2025).toISOString().slice(0, 10)).toBe('2025-02-28');
		expect(birthdayInYear(2, 29, 2028).toISOString().slice(0, 10)).toBe('2028-02-29');
		expect(birthdayInYear(2, 29, 2100).toISOString().slice(0, 10)).toBe('2100-02-28');
	});

	it('is due on and after the birthday in the year, if it was set by then', () => {
		const setAt = day('2024-01-10');
		expect(birthdayRewardDue({ month: 3, day: 15, setAt }, day('2025-03-14'))).toBe(false);
		expect(birthdayRewardDue({ month: 3, day: 15, setAt }, day('2025-03-15'))).toBe(true);
		expect(birthdayRewardDue({ month: 3, day: 15, setAt }, day('2025-11-30'))).toBe(true);
		expect(birthdayRewardDue({ month: 2, day: 29, setAt }, day('2025-02-28'))).toBe(true);
		expect(birthdayRewardDue({ month: 2, day: 29, setAt }, day('2025-02-27'))).toBe(false);
		// Entering a birthday that already passed this year earns nothing until next year.
		expect(birthdayRewardDue({ month: 3, day: 15, setAt: day('2025-06-01') }, day('2025-06-01'))).toBe(false);
		expect(birthdayRewardDue({ month: 3, day: 15, setAt: day('2025-06-01') }, day('2026-03-15'))).toBe(true);
		expect(birthdayRewardDue({ month: 6, day: 1, setAt: day('2025-06-01') }, day('2025-06-01'))).toBe(true);
	});

	it('locks changes for 12 months', () => {
		expect(birthdayLockedUntil(new Date('2025-03-01T10:00:00Z')).toISOString()).toBe('2026-03-01T10:00:00.000Z');
	});
});

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.close());

const today = () => new Date();
const put = async (token: string, birthday: object) => server.api.put(storePath('/customer/birthday'), birthday, { token });
const birthdayEntries = (customerId: string) =>
	server.query<{ year: number }>(
		`select l.year from ledger l join customers c on c.id = l.customer_id where c.external_id = $1 and l.kind = 'birthday'`,
		[customerId],
	);

describe('PUT birthday', () => {
	it('sets the birthday once, then refuses a change for 12 months', async () => {
		const token = await tokenFor(newCustomerId());
		const first = await put(token, { month: 9, day: 14, year: 1990 });
		expect(first.status).toBe(200);
		expect(first.body.birthday).toEqual({ month: 9, day: 14, year: 1990 });
		const lockedUntil = Date.parse(first.body.birthdayLockedUntil);
		expect(lockedUntil - Date.now()).toBeGreaterThan(364 * 86_400_000);
		expect((await put(token, { month: 9, day: 14, year: 1990 })).status).toBe(200);
		const change = await put(token, { month: 9, day: 15, year: 1990 });
		expect([change.status, change.body.error.code]).toEqual([409, 'birthday_locked']);
		expect((await server.api.get(storePath('/customer'), { token })).body.birthday).toEqual({ month: 9, day: 14, year: 1990 });
	});

	it('allows a change once 12 months have passed', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		await put(token, { month: 9, day: 14 });
		await server.query(`update customers set birthday_set_at = now() - interval '366 days' where external_id = $1`, [customerId]);
		const change = await put(token, { month: 10, day: 1 });
		expect(change.status).toBe(200);
		expect(change.body.birthday).toEqual({ month: 10, day: 1 });
	});

	it('refuses impossible dates with a field message', async () => {
		const token = await tokenFor(newCustomerId());
		const april = await put(token, { month: 4, day: 31 });
		expect(april.status).toBe(400);
		expect(april.body.error).toMatchObject({
			code: 'invalid_request',
			fields: [{ in: 'body', path: '/day', message: 'April has only 30 days' }],
		});
		expect((await put(token, { month: 2, day: 29, year: 2023 })).status).toBe(400);
		expect((await put(token, { month: 13, day: 1 })).body.error.fields).toEqual([{ in: 'body', path: '/month', message: 'must be <= 12' }]);
		expect((await put(token, { month: 1 })).body.error.fields).toEqual([{ in: 'body', path: '/day', message: 'is required' }]);
		expect((await put(token, { month: 1, day: 1, zodiac: 'capricorn' })).body.error.fields).toEqual([
			{ in: 'body', path: '/zodiac', message: 'is not allowed' },
		]);
		// Nothing was written by the refused requests.
		expect((await server.api.get(storePath('/customer'), { token })).body.birthday).toBeNull();
	});

	it('accepts 29 February without a year, or in a leap year', async () => {
		expect((await put(await tokenFor(newCustomerId()), { month: 2, day: 29 })).body.birthday).toEqual({ month: 2, day: 29 });
		expect((await put(await tokenFor(newCustomerId()), { month: 2, day: 29, year: 2000 })).status).toBe(200);
	});

	it('awards the birthday points on the birthday, once per year, even for concurrent reads', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		const now = today();
		const set = await put(token, { month: now.getUTCMonth() + 1, day: now.getUTCDate() });
		expect(set.body.balance).toBe(300);
		const reads = await Promise.all(Array.from({ length: 8 }, () => server.api.get(storePath('/customer'), { token })));
		expect(new Set(reads.map((read) => read.body.balance))).toEqual(new Set([300]));
		expect(await birthdayEntries(customerId)).toEqual([{ year: now.getUTCFullYear() }]);
		const activity = await server.api.get(storePath('/customer/activity'), { token });
		expect(activity.body.items[0]).toMatchObject({
			kind: 'birthday',
			points: 200,
			reference: { ruleKey: 'birthday', year: now.getUTCFullYear() },
		});
	});

	it('awards nothing for a birthday entered after it passed this year', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		const yesterday = new Date(Date.now() - 86_400_000);
		if (yesterday.getUTCFullYear() !== today().getUTCFullYear()) return; // 1 January: no "earlier this year"
		await put(token, { month: yesterday.getUTCMonth() + 1, day: yesterday.getUTCDate() });
		expect((await server.api.get(storePath('/customer'), { token })).body.balance).toBe(100);
		expect(await birthdayEntries(customerId)).toEqual([]);
	});

	it('awards a birthday that came since it was set, and never twice for one year in the database', async () => {
		const customerId = newCustomerId();
		const token = await tokenFor(customerId);
		const now = today();
		await put(token, { month: 1, day: 1 });
		await server.query(`update customers set birthday_set_at = now() - interval '400 days' where external_id = $1`, [customerId]);
		expect((await server.api.get(storePath('/customer'), { token })).body.balance).toBe(300);
		const again = `insert into ledger (customer_id, points, kind, rule_key, year, dedupe_key)
			select id, 200, 'birthday', 'birthday', $2::int, 'birthday:' || $2::text from customers where external_id = $1`;
		await expect(server.query(again, [customerId, now.getUTCFullYear()])).rejects.toThrow(/unique|duplicate/i);
	});
});
