// Build-time tool, never bundled: nothing in the widget imports it. Writes src/api/shapes.ts, the
// compact form of the contract's response schemas that the widget checks answers against
// (src/api/shape.ts). `pattern` is not checked here: URLs from answers are checked where they are used,
// by src/config/safe-url.ts. `npm run gen:api` runs it after editing openapi.json;
// test/unit/api/shapes.test.ts fails when the committed file has drifted from the contract.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Shape } from './shape';

interface Schema {
	$ref?: string;
	type?: string | string[];
	enum?: unknown[];
	properties?: Record<string, Schema>;
	required?: string[];
	items?: Schema;
	[keyword: string]: unknown;
}

interface Contract {
	paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
	components: { schemas: Record<string, Schema> };
}

// Scalar types by their first letter (the interpreter has no use for numbers yet).
const SCALARS: Record<string, string> = { string: 's', integer: 'i', boolean: 'b' };
// Keywords that would change which values are accepted in ways the interpreter cannot express.
const UNSUPPORTED = ['oneOf', 'anyOf', 'allOf', 'not', 'if', 'const', 'prefixItems', 'patternProperties'];

/** One schema as a Shape, and whether it allows null (which its parent marks with `?`). */
function encode(schema: Schema, schemas: Contract['components']['schemas'], where: string): { shape: Shape; nullable: boolean } {
	if (schema.$ref) return encode(schemas[schema.$ref.replace('#/components/schemas/', '')], schemas, schema.$ref);
	const unsupported = UNSUPPORTED.filter((keyword) => keyword in schema);
	if (unsupported.length) throw new Error(`${where}: ${unsupported.join(', ')} cannot be checked by the widget`);
	const types = ([] as string[]).concat(schema.type ?? []);
	const nullable = types.includes('null');
	const [type, ...more] = types.filter((name) => name != 'null');
	if (more.length) throw new Error(`${where}: one type (or one type and null) is supported, not ${types.join(', ')}`);
	if (schema.enum) {
		const values = schema.enum.filter((value) => value !== null);
		if (values.length < 2 || values.some((value) => typeof value != 'string' || !value || value.includes('|')))
			throw new Error(`${where}: enums must list two or more non-empty strings without "|"`);
		return { shape: values.join('|'), nullable };
	}
	if (type == 'array') {
		const item = encode(schema.items ?? {}, schemas, `${where}[]`);
		if (item.nullable) throw new Error(`${where}: null array items are not supported`);
		return { shape: [item.shape], nullable };
	}
	if (type == 'object') {
		const shape: Record<string, Shape> = {};
		for (const [name, child] of Object.entries(schema.properties ?? {})) {
			const encoded = encode(child, schemas, `${where}.${name}`);
			shape[encoded.nullable || !schema.required?.includes(name) ? `${name}?` : name] = encoded.shape;
		}
		return { shape, nullable };
	}
	if (!SCALARS[type]) throw new Error(`${where}: type ${type ?? '(none)'} is not supported`);
	return { shape: SCALARS[type], nullable };
}

const print = (shape: Shape): string =>
	typeof shape == 'string'
		? `'${shape}'`
		: Array.isArray(shape)
			? `[${print(shape[0])}]`
			: `{ ${Object.entries(shape)
					.map(([key, value]) => `${/^\w+$/.test(key) ? key : `'${key}'`}: ${print(value)}`)
					.join(', ')} }`;

/** The source of src/api/shapes.ts: one export per schema of a store's 2xx JSON responses. */
export function generateResponseShapes(contract: Contract): string {
	const names = new Set<string>();
	for (const [path, item] of Object.entries(contract.paths))
		if (path.startsWith('/v1/stores/'))
			for (const operation of Object.values(item))
				for (const [status, response] of Object.entries(operation.responses ?? {})) {
					const ref = response.content?.['application/json']?.schema.$ref;
					if (/^2/.test(status) && ref) names.add(ref.replace('#/components/schemas/', ''));
				}
	const lines = [...names].sort().map((name) => {
		const { shape, nullable } = encode(contract.components.schemas[name], contract.components.schemas, name);
		if (nullable) throw new Error(`${name}: a response body cannot be null`);
		return `export const ${name}: Shape = ${print(shape)};`;
	});
	return [
		'// Generated from openapi.json by src/api/generate-shapes.ts (`npm run gen:api`). Do not edit.',
		"import type { Shape } from './shape';",
		'',
		...lines,
		'',
	].join('\n');
}

export const CONTRACT_PATH = fileURLToPath(new URL('./openapi.json', import.meta.url));
export const SHAPES_PATH = fileURLToPath(new URL('./shapes.ts', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) == process.argv[1]) {
	writeFileSync(SHAPES_PATH, generateResponseShapes(JSON.parse(readFileSync(CONTRACT_PATH, 'utf8'))));
}
