import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv/dist/2020';
import type { SchemaCheck } from '../program/validate-definition';
import { createSchemaCompiler, type SchemaCompiler, toErrorFields } from './validation';

export const CONTRACT_BYTES = readFileSync(new URL('../../../src/api/openapi.json', import.meta.url));

interface ParameterSpec {
	name: string;
	in: 'path' | 'query' | 'header';
	required?: boolean;
	schema: object;
}

interface OperationSpec {
	operationId: string;
	security?: Array<Record<string, string[]>>;
	parameters?: Array<ParameterSpec | { $ref: string }>;
	requestBody?: { required?: boolean; content: Record<string, { schema: object }> };
}

export type Auth = 'none' | 'customer' | 'optional-customer' | 'webhook' | 'merchant' | 'shopify';

/** One operation of the contract, ready to route and validate requests. */
export interface Operation {
	id: string;
	method: string;
	path: string;
	auth: Auth;
	/** Media types the body may have; empty when the operation takes none. */
	bodyTypes: string[];
	bodyRequired: boolean;
	validateBody?: ValidateFunction;
	/** Per location, the parameters' schema as one object keyed by parameter name. */
	validateParameters: Partial<Record<ParameterSpec['in'], ValidateFunction>>;
	/** Header parameters by their lowercase (Node's) name → the contract's name. */
	headerNames: Map<string, string>;
	match(pathname: string): Record<string, string> | undefined;
}

function authOf(security: OperationSpec['security']): Auth {
	const requirements = (security ?? []).map((requirement) => Object.keys(requirement));
	if (requirements.some((schemes) => schemes.includes('webhookSignature'))) return 'webhook';
	if (requirements.some((schemes) => schemes.includes('shopifyHmac'))) return 'shopify';
	if (requirements.some((schemes) => schemes.includes('merchantKey'))) return 'merchant';
	if (!requirements.some((schemes) => schemes.includes('customerToken'))) return 'none';
	// `{}` among the requirements means the token is optional.
	return requirements.some((schemes) => schemes.length === 0) ? 'optional-customer' : 'customer';
}

function matcher(template: string) {
	const names: string[] = [];
	const source = template
		.split('/')
		.map((segment) => {
			const parameter = /^\{(\w+)\}$/.exec(segment);
			if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			names.push(parameter[1]);
			return '([^/]+)';
		})
		.join('/');
	const pattern = new RegExp(`^${source}$`);
	return (pathname: string) => {
		const found = pattern.exec(pathname);
		if (!found) return undefined;
		try {
			return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
		} catch {
			return undefined;
		}
	};
}

/**
Reads the OpenAPI document, the single source of truth: routing, authentication style and every
parameter and body validator come from it, so the server cannot accept what the contract does not say.
*/
export function loadContract() {
	const document = JSON.parse(CONTRACT_BYTES.toString('utf8'));
	const schemas = document.components.schemas as Record<string, object>;
	const bodies = createSchemaCompiler(schemas);
	const parameters = createSchemaCompiler(schemas, { coerce: true });
	const resolveParameter = (parameter: ParameterSpec | { $ref: string }): ParameterSpec =>
		'$ref' in parameter ? document.components.parameters[parameter.$ref.split('/').pop()!] : parameter;

	const operations: Operation[] = [];
	for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, OperationSpec>>)) {
		for (const [method, spec] of Object.entries(item)) {
			const specs = (spec.parameters ?? []).map(resolveParameter);
			const validateParameters: Operation['validateParameters'] = {};
			for (const location of ['path', 'query', 'header'] as const) {
				const here = specs.filter((parameter) => parameter.in === location);
				if (!here.length) continue;
				validateParameters[location] = parameters.compile({
					type: 'object',
					properties: Object.fromEntries(here.map((parameter) => [parameter.name, parameter.schema])),
					required: here.filter((parameter) => parameter.required).map((parameter) => parameter.name),
				});
			}
			const content = spec.requestBody?.content ?? {};
			const firstSchema = Object.values(content)[0]?.schema;
			operations.push({
				id: spec.operationId,
				method: method.toUpperCase(),
				path,
				auth: authOf(spec.security),
				bodyTypes: Object.keys(content),
				bodyRequired: Boolean(spec.requestBody?.required),
				validateBody: firstSchema ? bodies.compile(firstSchema) : undefined,
				validateParameters,
				headerNames: new Map(
					specs.filter((parameter) => parameter.in === 'header').map((parameter) => [parameter.name.toLowerCase(), parameter.name]),
				),
				match: matcher(path),
			});
		}
	}
	return { document, operations, schemas: bodies };
}

export type Contract = ReturnType<typeof loadContract>;

/** A SchemaCheck on the contract's component schemas, problems named by JSON Pointer (store seeds, program bodies). */
export function schemaCheckOf(schemas: SchemaCompiler): SchemaCheck {
	return (name, value) => {
		const validate = schemas.component(name);
		return validate(value) ? [] : toErrorFields(validate.errors, 'body').map(({ path, message }) => ({ path, message }));
	};
}
