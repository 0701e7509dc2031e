import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorField } from '../errors';

export interface SchemaCompiler {
	/** A validator for a component schema by name, e.g. `Customer`. */
	component(name: string): ValidateFunction;
	/** A validator for an inline schema that may $ref components. */
	compile(schema: object): ValidateFunction;
}

// The contract's refs (#/components/schemas/X) point into the OpenAPI document, which is not a
// JSON Schema itself; the components are registered as $defs of one schema and refs rewritten.
const CONTRACT_ID = 'https://openrewards.invalid/contract.json';
function rewriteRefs(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(rewriteRefs);
	if (!value || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, child]) => [
			key,
			key === '$ref' && typeof child === 'string' ? child.replace('#/components/schemas/', `${CONTRACT_ID}#/$defs/`) : rewriteRefs(child),
		]),
	);
}

/**
Compiles the contract's component schemas with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses,
with every error reported). `coerce` builds the variant for parameters, whose values arrive
as strings.
*/
export function createSchemaCompiler(componentSchemas: Record<string, object>, { coerce = false } = {}): SchemaCompiler {
	const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, coerceTypes: coerce, useDefaults: coerce });
	addFormats(ajv);
	ajv.addSchema({ $id: CONTRACT_ID, $defs: rewriteRefs(componentSchemas) as Record<string, object> });
	return {
		component: (name) => {
			const validate = ajv.getSchema(`${CONTRACT_ID}#/$defs/${name}`);
			if (!validate) throw new Error(`No schema ${name} in the contract`);
			return validate as ValidateFunction;
		},
		compile: (schema) => ajv.compile(rewriteRefs(schema) as object),
	};
}

/** ajv's errors as the contract's `fields`, pointing at the offending value. */
export function toErrorFields(errors: ErrorObject[] | null | undefined, location: ErrorField['in']): ErrorField[] {
	return (errors ?? []).map((error) => {
		const params = error.params as { missingProperty?: string; additionalProperty?: string };
		if (error.keyword === 'required')
			return { in: location, path: `${error.instancePath}/${params.missingProperty}`, message: 'is required' };
		if (error.keyword === 'additionalProperties')
			return { in: location, path: `${error.instancePath}/${params.additionalProperty}`, message: 'is not allowed' };
		return { in: location, path: error.instancePath, message: error.message ?? 'is invalid' };
	});
}
