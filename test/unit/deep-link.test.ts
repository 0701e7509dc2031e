import { describe, expect, it } from 'vitest';
import { pageFromLocation } from '../../src/embed/deep-link';

describe('pageFromLocation', () => {
	it.each([
		[{ search: '?rewards=earn', hash: '' }, 'earn'],
		[{ search: '?utm=x&rewards=redeem', hash: '' }, 'redeem'],
		[{ search: '', hash: '#rewards-activity' }, 'activity'],
		[{ search: '', hash: '#rewards' }, 'home'],
		[{ search: '?rewards=nope', hash: '' }, 'home'],
		[{ search: '', hash: '#reviews' }, undefined],
		[{ search: '', hash: '' }, undefined],
	])('%o → %s', (location, page) => {
		expect(pageFromLocation(location)).toBe(page);
	});
});
