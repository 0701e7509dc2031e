import { describe, expect, it } from 'vitest';
import { readDatasetOptions } from '../../src/config/dataset';

function script(attributes: Record<string, string>) {
	const element = document.createElement('script');
	for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
	return element;
}

describe('readDatasetOptions', () => {
	it('reads kebab-case data attributes into typed options', () => {
		const options = readDatasetOptions(
			script({
				'data-store': 'pk_demo',
				'data-api': 'https://x.test',
				'data-z-index': '99',
				'data-offset-y': '90',
				'data-primary': '#123456',
				'data-hide-launcher': '',
				'data-show-on': 'mobile',
				'data-cfasync': 'false',
			}),
		);
		expect(options).toEqual({
			store: 'pk_demo',
			api: 'https://x.test',
			zIndex: 99,
			offset: { y: 90 },
			theme: { primary: '#123456' },
			hideLauncher: true,
			showOn: 'mobile',
		});
	});

	it('is empty without a script (e.g. loaded as a module)', () => {
		expect(readDatasetOptions(null)).toEqual({});
	});
});
