import { describe, expect, it } from 'vitest';
import { validateOptions } from '../../src/config/validate';

const valid = { store: 'pk_demo', api: 'https://loyalty.example.com/' };

describe('validateOptions', () => {
	it('fills in documented defaults', () => {
		const { config, errors } = validateOptions(valid);
		expect(errors).toEqual([]);
		expect(config).toMatchObject({
			store: 'pk_demo',
			api: 'https://loyalty.example.com',
			position: 'bottom-right',
			offset: { x: 20, y: 20 },
			zIndex: 2147483000,
			showOn: 'all',
			colorScheme: 'auto',
			referralParam: 'ref',
			applyCouponUrl: '/discount/{code}',
			customerToken: undefined,
		});
	});

	it('requires store and api, naming each', () => {
		const { config, errors } = validateOptions({});
		expect(config).toBeUndefined();
		expect(errors).toEqual(['"store" is missing', '"api" is missing']);
	});

	it.each([
		['http://loyalty.example.com', false],
		['ftp://localhost', false],
		['not a url', false],
		['http://localhost:8787', true],
		['http://127.0.0.1:8787', true],
		['https://loyalty.example.com', true],
	])('api %s accepted: %s', (api, ok) => {
		expect(validateOptions({ ...valid, api }).errors).toEqual(ok ? [] : [`"api" is not an https: URL: "${api}"`]);
	});

	it('rejects a bad colour, position and offset with one message each', () => {
		const { errors } = validateOptions({ ...valid, theme: { primary: 'not-a-colour' }, position: 'top-left' as never, offset: { x: -4 } });
		expect(errors).toHaveLength(3);
		// Choices and types are spelled out; the rest name the option and the value refused.
		expect(errors).toEqual([
			'"position" is not one of "bottom-right", "bottom-left": "top-left"',
			'"offset.x" is not valid: -4',
			'"theme.primary" is not valid: "not-a-colour"',
		]);
	});

	it('accepts any CSS colour syntax the browser knows', () => {
		for (const primary of ['#fe0', '#ffee0080', 'rgb(10 20 30)', 'hsl(200, 50%, 40%)', 'rebeccapurple']) {
			expect(validateOptions({ ...valid, theme: { primary } }).errors).toEqual([]);
		}
	});

	it('warns about unknown options by name and still runs', () => {
		const { config, warnings } = validateOptions({ ...valid, positon: 'bottom-left', theme: { primaryy: '#000' } } as never);
		expect(config).toBeDefined();
		expect(warnings).toEqual(['unknown option "positon" is ignored', 'unknown option "theme.primaryy" is ignored']);
	});

	it('refuses non-function callbacks', () => {
		expect(validateOptions({ ...valid, onError: 'alert' as never }).errors).toEqual(['"onError" is not a function: "alert"']);
	});
});
