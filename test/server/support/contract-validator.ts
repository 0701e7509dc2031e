import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// Written independently of the server's own validation on purpose: the tests check the server
// against the contract, not against itself.
const contract = JSON.parse(readFileSync(new URL('../../../src/api/openapi.json', import.meta.url), 'utf8'));
const ROOT = 'https://openrewards.invalid/test-contract.json';
const rewrite = (value: unknown): unknown => {
	if (Array.isArray(value)) return value.map(rewrite);
	if (!value || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, child]) => [
			key,
			key === '$ref' ? String(child).replace('#/components/schemas/', `${ROOT}#/$defs/`) : rewrite(child),
		]),
	);
};
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addSchema({ $id: ROOT, $defs: rewrite(contract.components.schemas) as Record<string, object> });

interface DocumentedResponse {
	headers?: Record<string, unknown>;
	content?: Record<string, { schema: object }>;
}

const operations = Object.entries(
	contract.paths as Record<
		string,
		Record<string, { operationId: string; responses: Record<string, DocumentedResponse | { $ref: string }> }>
	>,
).flatMap(([template, item]) =>
	Object.entries(item).map(([method, operation]) => ({
		method: method.toUpperCase(),
		template,
		pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
		operation,
	})),
);

const validators = new Map<object, ValidateFunction>();
const ERROR_RESPONSE = { $ref: '#/components/schemas/ErrorResponse' };
function validatorFor(schema: object): ValidateFunction {
	let validate = validators.get(schema);
	if (!validate) {
		validate = ajv.compile(rewrite(schema) as object);
		validators.set(schema, validate);
	}
	return validate;
}

function resolveResponse(response: DocumentedResponse | { $ref: string }): DocumentedResponse {
	return '$ref' in response ? contract.components.responses[String(response.$ref).split('/').pop()!] : response;
}

/**
Checks a real response against the contract: the status must be documented for the operation,
and the body must match that status's schema (and 429/503 carry Retry-After). Requests outside
the contract (unknown paths, wrong methods) must still answer the contract's ErrorResponse.
Throws an Error describing the drift.
*/
export function assertResponseMatchesContract(
	method: string,
	pathname: string,
	status: number,
	headers: Headers,
	body: unknown,
	text: string,
): void {
	const where = `${method} ${pathname} → ${status}`;
	const found = operations.find((candidate) => candidate.method === method && candidate.pattern.test(pathname));
	if (!found) {
		if (status < 400 || !validatorFor(ERROR_RESPONSE)(body))
			throw new Error(`${where}: outside the contract, and not an ErrorResponse: ${text.slice(0, 300)}`);
		return;
	}
	const documented = found.operation.responses[String(status)];
	if (!documented)
		throw new Error(`${where}: status ${status} is not documented for ${found.operation.operationId}: ${text.slice(0, 300)}`);
	const response = resolveResponse(documented);
	if (response.headers?.['Retry-After'] && !headers.get('retry-after')) throw new Error(`${where}: Retry-After header missing`);
	const media = response.content?.['application/json'];
	if (!media) {
		if (text.length) throw new Error(`${where}: documented without a body, got ${text.slice(0, 200)}`);
		return;
	}
	if (!String(headers.get('content-type')).startsWith('application/json'))
		throw new Error(`${where}: content-type ${headers.get('content-type')}`);
	const validate = validatorFor(media.schema);
	if (!validate(body))
		throw new Error(`${where}: body does not match the contract: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`);
}
