import ky from 'ky';
import { afterEach, describe, expect, it } from 'vitest';
import { stringifyJson } from '../../src/api/json';

type Patched = { toJSON?: () => string };
const arrayProto = Array.prototype as unknown as Patched;

// Prototype.js 1.6's Array#toJSON: a JSON string built item by item.
function patchLikePrototype() {
	arrayProto.toJSON = function (this: unknown[]) {
		return `[${this.map((item) => JSON.stringify(item)).join(', ')}]`;
	};
}

afterEach(() => {
	delete arrayProto.toJSON;
});

describe('stringifyJson', () => {
	const body = {
		events: [{ type: 'launcher_open', data: { tags: ['a', 'b'] }, occurredAt: new Date(Date.UTC(2026, 0, 2)) }],
		nested: [[1, 2], []],
	};
	const expected =
		'{"events":[{"type":"launcher_open","data":{"tags":["a","b"]},"occurredAt":"2026-01-02T00:00:00.000Z"}],"nested":[[1,2],[]]}';

	it('matches JSON.stringify on a clean page', () => {
		expect(stringifyJson(body)).toBe(JSON.stringify(body));
		expect(stringifyJson(body)).toBe(expected);
	});

	it('sends arrays as arrays when Array.prototype.toJSON is patched (Prototype.js 1.6)', () => {
		patchLikePrototype();
		expect(JSON.stringify({ a: [1] })).toBe('{"a":"[1]"}'); // the page's breakage is real
		expect(stringifyJson(body)).toBe(expected);
		expect(stringifyJson([1, [2]])).toBe('[1,[2]]');
	});

	it('is what ky sends as the request body', async () => {
		patchLikePrototype();
		let sent = '';
		await ky.post('https://api.example/events', {
			json: { events: [{ type: 'earn_click' }] },
			stringifyJson,
			retry: 0,
			fetch: async (request) => {
				sent = await (request as Request).text();
				return new Response(null, { status: 204 });
			},
		});
		expect(JSON.parse(sent)).toEqual({ events: [{ type: 'earn_click' }] });
	});
});
