import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
A local stand-in for Shopify's Admin GraphQL endpoint (`POST /admin/api/{version}/graphql.json`),
answering `discountCodeBasicCreate`, `discountCodeFreeShippingCreate` and `codeDiscountNodeByCode`
in Shopify's documented shapes: `data` with `codeDiscountNode` and `userErrors { field code message
extraInfo }` (DiscountUserError: `TAKEN` for a code that exists, `INVALID` for a customer it does not
know), `extensions.cost` with `throttleStatus`, a 401 `{"errors": "[API] Invalid API key or access
token …"}` for a wrong token, HTTP 429 with Retry-After, and `errors[].extensions.code: "THROTTLED"`.

Faults for the next requests are queued with `next(...)`; `down()` stops listening (connections
are refused) until `up()`.
*/

export type Fault =
	/** HTTP 429 Too Many Requests with Retry-After (seconds). */
	| { kind: 'http429'; retryAfterSeconds: number }
	/** 200 with `errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }]` and a cost bucket short by `missing` points. */
	| { kind: 'throttled'; missing: number; restoreRate: number }
	/** A 5xx with Shopify's error body. */
	| { kind: 'status'; status: number }
	/** Answers after `ms` (normally, once the delay is over). */
	| { kind: 'delay'; ms: number }
	/** Never answers (the connection stays open until the client gives up or the stand-in closes). */
	| { kind: 'hang' }
	/** Creates the code, then never answers: the answer is lost. */
	| { kind: 'create-then-hang' }
	/** Creates the code, then answers 503: the answer is lost. */
	| { kind: 'create-then-503' }
	/** Answers the mutation with these userErrors and creates nothing. */
	| { kind: 'user-errors'; userErrors: UserError[] };

export interface UserError {
	field: string[] | null;
	code: string | null;
	message: string;
	extraInfo: string | null;
}

export interface StoredDiscount {
	id: string;
	mutation: 'discountCodeBasicCreate' | 'discountCodeFreeShippingCreate';
	/** The input exactly as received. */
	input: Record<string, any>;
}

export interface ReceivedRequest {
	accessToken: string | undefined;
	query: string;
	variables: Record<string, any>;
}

export interface ShopifyAdminStandin {
	/** e.g. http://127.0.0.1:40123/admin/api/2025-07/graphql.json */
	url: string;
	accessToken: string;
	/** Codes created, by code (upper case, as Shopify compares codes case-insensitively). */
	discounts: Map<string, StoredDiscount>;
	requests: ReceivedRequest[];
	/** Customers the shop has; a discount for another customer gets an INVALID userError. */
	customers: Set<string>;
	/** Queues faults for the next requests, in order. */
	next(...faults: Fault[]): void;
	/** Drops the faults still queued. */
	clearFaults(): void;
	/** Adds a discount that is not ours (another app's or the merchant's), for TAKEN cases. */
	preload(code: string, title: string): void;
	down(): Promise<void>;
	up(): Promise<void>;
	close(): Promise<void>;
}

const API_VERSION = '2025-07';
const BUCKET = { maximumAvailable: 2000, restoreRate: 100 };
const MUTATION_COST = 10;

function cost(currentlyAvailable: number, actual: number | null, requested = MUTATION_COST) {
	return {
		cost: {
			requestedQueryCost: requested,
			actualQueryCost: actual,
			throttleStatus: { maximumAvailable: BUCKET.maximumAvailable, currentlyAvailable, restoreRate: BUCKET.restoreRate },
		},
	};
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

const customerGid = /^gid:\/\/shopify\/Customer\/\d+$/;

/** Checks a create input the way Shopify does for the fields the server sends; answers DiscountUserErrors. */
function validate(
	input: Record<string, any>,
	inputName: string,
	customers: Set<string>,
	discounts: Map<string, StoredDiscount>,
): UserError[] {
	const errors: UserError[] = [];
	const error = (field: string[], code: string, message: string) =>
		errors.push({ field: [inputName, ...field], code, message, extraInfo: null });
	if (typeof input.code !== 'string' || !input.code) error(['code'], 'BLANK', "Code can't be blank");
	else if (input.code.length > 255) error(['code'], 'TOO_LONG', 'Code is too long (maximum is 255 characters)');
	else if (discounts.has(input.code.toUpperCase())) error(['code'], 'TAKEN', 'Code must be unique. Please try a different code.');
	if (typeof input.title !== 'string' || !input.title) error(['title'], 'BLANK', "Title can't be blank");
	if (typeof input.startsAt !== 'string' || Number.isNaN(Date.parse(input.startsAt)))
		error(['startsAt'], 'INVALID', 'Starts at is invalid');
	if (input.usageLimit !== undefined && !(Number.isInteger(input.usageLimit) && input.usageLimit >= 1))
		error(['usageLimit'], 'GREATER_THAN', 'Usage limit must be greater than 0');
	const selection = input.context ?? input.customerSelection;
	const selectionName = input.context ? 'context' : 'customerSelection';
	if (!selection) error([selectionName], 'BLANK', 'Customer selection is required');
	for (const id of selection?.customers?.add ?? []) {
		if (!customerGid.test(id)) error([selectionName, 'customers', 'add'], 'INVALID', `Invalid global id '${id}'`);
		else if (!customers.has(id)) error([selectionName, 'customers', 'add'], 'INVALID', 'Customer does not exist');
	}
	if (inputName === 'basicCodeDiscount') {
		const value = input.customerGets?.value;
		if (!input.customerGets?.items) error(['customerGets', 'items'], 'BLANK', "Items can't be blank");
		if (value?.percentage !== undefined) {
			if (!(value.percentage > 0 && value.percentage <= 1))
				error(['customerGets', 'value', 'percentage'], 'VALUE_OUTSIDE_RANGE', 'Value must be between 0.0 and 1.0');
		} else if (value?.discountAmount !== undefined) {
			if (!/^\d+(\.\d+)?$/.test(String(value.discountAmount.amount)))
				error(['customerGets', 'value', 'discountAmount', 'amount'], 'INVALID', 'Amount is invalid');
		} else error(['customerGets', 'value'], 'BLANK', "Value can't be blank");
	}
	return errors;
}

export async function startShopifyAdminStandin(options: { accessToken?: string } = {}): Promise<ShopifyAdminStandin> {
	const accessToken = options.accessToken ?? 'shpat_standin_0123456789abcdef';
	const discounts = new Map<string, StoredDiscount>();
	const requests: ReceivedRequest[] = [];
	const customers = new Set<string>();
	const faults: Fault[] = [];
	const sockets = new Set<Socket>();
	let available = BUCKET.maximumAvailable;
	let nextId = 1_100_000_000;

	const create = (mutation: StoredDiscount['mutation'], input: Record<string, any>) => {
		const id = `gid://shopify/DiscountCodeNode/${nextId++}`;
		discounts.set(String(input.code).toUpperCase(), { id, mutation, input });
		return id;
	};

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		if (request.method !== 'POST' || request.url !== `/admin/api/${API_VERSION}/graphql.json`)
			return json(response, 404, { errors: 'Not Found' });
		const token = request.headers['x-shopify-access-token'] as string | undefined;
		if (token !== accessToken)
			return json(response, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
		let parsed: { query?: string; variables?: Record<string, any> };
		try {
			parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		} catch {
			return json(response, 400, { errors: { query: 'Required parameter missing or invalid' } });
		}
		const query = parsed.query ?? '';
		const variables = parsed.variables ?? {};
		requests.push({ accessToken: token, query, variables });

		const mutation = /\bdiscountCodeBasicCreate\s*\(/.test(query)
			? 'discountCodeBasicCreate'
			: /\bdiscountCodeFreeShippingCreate\s*\(/.test(query)
				? 'discountCodeFreeShippingCreate'
				: undefined;
		const inputName = mutation === 'discountCodeBasicCreate' ? 'basicCodeDiscount' : 'freeShippingCodeDiscount';
		const fault = faults.shift();
		switch (fault?.kind) {
			case 'http429':
				return json(
					response,
					429,
					{ errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
					{
						'retry-after': String(fault.retryAfterSeconds),
					},
				);
			case 'throttled':
				return json(response, 200, {
					errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
					extensions: {
						cost: {
							...cost(MUTATION_COST - fault.missing, null).cost,
							throttleStatus: { ...BUCKET, currentlyAvailable: MUTATION_COST - fault.missing, restoreRate: fault.restoreRate },
						},
					},
				});
			case 'status':
				return json(response, fault.status, { errors: 'Internal Server Error' });
			case 'delay':
				await new Promise((resolve) => setTimeout(resolve, fault.ms));
				break;
			case 'hang':
				return;
			case 'create-then-hang':
			case 'create-then-503':
				if (mutation) create(mutation, variables[inputName]);
				if (fault.kind === 'create-then-503') json(response, 503, { errors: 'Service Unavailable' });
				return;
			case 'user-errors':
				return json(response, 200, {
					data: { [mutation ?? 'unknown']: { codeDiscountNode: null, userErrors: fault.userErrors } },
					extensions: cost(available, MUTATION_COST),
				});
		}
		if (response.destroyed) return;

		if (mutation) {
			const input = variables[inputName];
			if (!input || typeof input !== 'object')
				return json(response, 200, {
					errors: [
						{
							message: `Variable $${inputName} of type ${inputName === 'basicCodeDiscount' ? 'DiscountCodeBasicInput' : 'DiscountCodeFreeShippingInput'}! was provided invalid value`,
							extensions: { code: 'INVALID_VARIABLE' },
						},
					],
				});
			const userErrors = validate(input, inputName, customers, discounts);
			available = Math.max(0, available - MUTATION_COST);
			const codeDiscountNode = userErrors.length ? null : { id: create(mutation, input) };
			return json(response, 200, { data: { [mutation]: { codeDiscountNode, userErrors } }, extensions: cost(available, MUTATION_COST) });
		}
		if (/\bcodeDiscountNodeByCode\s*\(/.test(query)) {
			const found = discounts.get(String(variables.code ?? '').toUpperCase());
			const node = found
				? {
						id: found.id,
						codeDiscount: {
							__typename: found.mutation === 'discountCodeBasicCreate' ? 'DiscountCodeBasic' : 'DiscountCodeFreeShipping',
							title: found.input.title,
						},
					}
				: null;
			return json(response, 200, { data: { codeDiscountNodeByCode: node }, extensions: cost(available, 1, 1) });
		}
		return json(response, 200, {
			errors: [{ message: 'The stand-in answers discount code mutations only', extensions: { code: 'undefinedField' } }],
		});
	};

	const server: Server = createServer((request, response) => {
		handle(request, response).catch((error) => json(response, 500, { errors: String(error) }));
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	const listen = (port: number) =>
		new Promise<number>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
		});
	const port = await listen(0);
	const stop = () =>
		new Promise<void>((resolve) => {
			for (const socket of sockets) socket.destroy();
			server.close(() => resolve());
		});

	return {
		url: `http://127.0.0.1:${port}/admin/api/${API_VERSION}/graphql.json`,
		accessToken,
		discounts,
		requests,
		customers,
		next: (...added) => faults.push(...added),
		clearFaults: () => faults.splice(0),
		preload(code, title) {
			create('discountCodeBasicCreate', { code, title });
		},
		down: stop,
		up: async () => {
			await listen(port);
		},
		close: () => (server.listening ? stop() : Promise.resolve()),
	};
}
