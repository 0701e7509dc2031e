// @vitest-environment node
import { readFileSync } from 'node:fs';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const contractUrl = new URL('../../src/api/openapi.json', import.meta.url);
const contract = JSON.parse(readFileSync(contractUrl, 'utf8'));

// Response schemas must stay interpretable by the widget's tiny validator.
const RESPONSE_KEYWORDS = new Set([
	'type',
	'properties',
	'required',
	'additionalProperties',
	'items',
	'enum',
	'const',
	'minimum',
	'maximum',
	'minLength',
	'maxLength',
	'pattern',
	'format',
	'$ref',
	'description',
	'default',
]);
const REQUEST_ONLY_KEYWORDS = new Set(['minItems', 'maxItems', 'maxProperties', 'propertyNames']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Schema = Record<string, unknown>;

function keywordsOf(schema: Schema, found = new Set<string>()): Set<string> {
	for (const [keyword, value] of Object.entries(schema)) {
		found.add(keyword);
		if (keyword === 'properties') for (const child of Object.values(value as Record<string, Schema>)) keywordsOf(child, found);
		else if ((keyword === 'items' || keyword === 'additionalProperties' || keyword === 'propertyNames') && typeof value === 'object')
			keywordsOf(value as Schema, found);
	}
	return found;
}

function operations() {
	return Object.entries(contract.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(([path, item]) =>
		METHODS.filter((method) => item[method]).map((method) => ({
			path,
			method,
			operation: item[method] as { operationId?: string; responses: Record<string, unknown> },
		})),
	);
}

describe('the API contract', () => {
	it('matches the committed generated types (run `npm run gen:api` after editing openapi.json)', async () => {
		const generated = COMMENT_HEADER + astToString(await openapiTS(contractUrl, { silent: true }));
		const committed = readFileSync(new URL('../../src/api/schema.d.ts', import.meta.url), 'utf8');
		expect(committed).toBe(generated);
	});

	it('is OpenAPI 3.1 with an operationId on every operation, all distinct', () => {
		expect(contract.openapi).toMatch(/^3\.1\./);
		const ids = operations().map(({ operation }) => operation.operationId);
		expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('documents error responses for every /v1 operation', () => {
		for (const { path, operation } of operations().filter(({ path }) => path.startsWith('/v1/'))) {
			const statuses = Object.keys(operation.responses);
			for (const status of ['400', '404', '429', '500', '503']) expect(statuses, `${path} ${status}`).toContain(status);
		}
	});

	it('keeps every schema inside the JSON Schema subset the widget can interpret', () => {
		const requestOnly = new Set<string>();
		for (const { operation } of operations()) {
			const body = (operation as { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }).requestBody;
			for (const media of Object.values(body?.content ?? {})) requestOnly.add(media.schema.$ref.split('/').pop()!);
		}
		requestOnly.add('EngagementEvent');
		for (const [name, schema] of Object.entries(contract.components.schemas as Record<string, Schema>)) {
			const allowed = requestOnly.has(name) ? new Set([...RESPONSE_KEYWORDS, ...REQUEST_ONLY_KEYWORDS]) : RESPONSE_KEYWORDS;
			const outside = [...keywordsOf(schema)].filter((keyword) => !allowed.has(keyword));
			expect(outside, name).toEqual([]);
		}
	});
});
