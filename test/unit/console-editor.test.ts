import { describe, expect, it } from 'vitest';
import { documentProblems, getIn, pointerOf, readablePointer, setIn } from '../../demo/console/src/editor/document';
import { parseRoute, routeHref } from '../../demo/console/src/router';

describe('the program editor draft', () => {
	const program = {
		name: { en: 'Shop' },
		rewards: [{ id: 'five', title: { en: 'Five off', fr: 'Cinq' } }],
		brand: { primaryColor: '#123456' },
	};

	it('writes a value at a path without touching the original', () => {
		const next = setIn(program, ['rewards', 0, 'title', 'en'], 'Renamed');
		expect(getIn(next, ['rewards', 0, 'title'])).toEqual({ en: 'Renamed', fr: 'Cinq' });
		expect(program.rewards[0].title.en).toBe('Five off');
		expect(next.name).toBe(program.name);
	});

	it('removes an optional property set to undefined, and creates missing objects', () => {
		expect(getIn(setIn(program, ['rewards', 0, 'title', 'fr'], undefined), ['rewards', 0, 'title'])).toEqual({ en: 'Five off' });
		expect(setIn(program, ['brand', 'primaryColor'], undefined).brand).toEqual({});
		expect(getIn(setIn(program, ['pointsExpiry', 'monthsWithoutActivity'], 12), ['pointsExpiry'])).toEqual({ monthsWithoutActivity: 12 });
	});

	it("names fields as the API does (JSON Pointer), and reads the API's problems inside the document", () => {
		expect(pointerOf(['rewards', 0, 'title', 'en'])).toBe('/rewards/0/title/en');
		expect(pointerOf(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
		expect(
			documentProblems([
				{ in: 'body', path: '/program/tiers/1/threshold', message: 'must be ascending' },
				{ in: 'body', path: '/program', message: 'must have required property rewards' },
				{ in: 'header', path: '/If-Match', message: 'is required' },
			]),
		).toEqual([
			{ in: 'body', path: '/tiers/1/threshold', message: 'must be ascending' },
			{ in: 'body', path: '', message: 'must have required property rewards' },
		]);
		expect(readablePointer('/tiers/1/threshold')).toBe('tiers › 2 › threshold');
		expect(readablePointer('')).toBe('the program');
	});
});

describe('console routes', () => {
	it('round-trips every screen through the location hash', () => {
		for (const route of [
			{ name: 'overview' },
			{ name: 'program' },
			{ name: 'members', query: '' },
			{ name: 'members', query: 'bob@example.com' },
			{ name: 'member', customerId: 'demo/bob #1' },
		] as const)
			expect(parseRoute(routeHref(route))).toEqual(route);
		expect(parseRoute('')).toEqual({ name: 'overview' });
		expect(parseRoute('#/nowhere')).toEqual({ name: 'overview' });
	});
});
