import type { FieldProblem } from '../http';

/** A path into the program document, e.g. ['rewards', 0, 'title', 'en']. */
export type DocumentPath = Array<string | number>;

/** The JSON Pointer of `path` (RFC 6901), as the API names fields: /rewards/0/title/en. */
export function pointerOf(path: DocumentPath): string {
	return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A copy of `document` with `value` at `path`; `undefined` removes the property. */
export function setIn<T>(document: T, path: DocumentPath, value: unknown): T {
	if (!path.length) return value as T;
	const [head, ...rest] = path;
	const container = (document ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
	const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<string | number, unknown>;
	const next = setIn(copy[head], rest, value);
	if (next === undefined && !Array.isArray(copy)) delete copy[head];
	else copy[head] = next;
	return copy as T;
}

/** The value at `path`, or undefined. */
export function getIn(document: unknown, path: DocumentPath): unknown {
	return path.reduce<unknown>((node, part) => (node == null ? undefined : (node as Record<string | number, unknown>)[part]), document);
}

/**
The API's field problems for the program document: the server names them inside the request body
(`/program/rewards/0/title/en`); the editor names them inside the document (`/rewards/0/title/en`).
*/
export function documentProblems(fields: FieldProblem[]): FieldProblem[] {
	return fields.filter((field) => field.in === 'body').map((field) => ({ ...field, path: field.path.replace(/^\/program(?=\/|$)/, '') }));
}

/** The id of the input for `pointer`, so a problem summary can link to it. */
export const fieldId = (pointer: string) => `field${pointer.replace(/[^\w-]/g, '-')}`;

/** Readable name of a pointer for the problem summary: "rewards › 2 › title › en" (items counted from 1). */
export const readablePointer = (pointer: string) =>
	pointer
		.split('/')
		.slice(1)
		.map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part.replaceAll('~1', '/').replaceAll('~0', '~')))
		.join(' › ') || 'the program';
