import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomerIdentity } from '../customers/identity';
import { OverloadedError } from '../db/admission';
import { isValidSignature } from '../orders/signature';
import { negotiateLocale } from '../program/locale';
import type { Store } from '../program/store';
import { authenticate } from './authenticate';
import { authenticateMerchant } from './authenticate-merchant';
import { readBody } from './body';
import type { Contract, Operation } from './contract';
import { corsHeaders, isOriginAllowed, preflightHeaders } from './cors';
import { ApiError, invalidField } from '../errors';
import type { RateLimiter } from './rate-limit';
import type { Handler, Reply, Services } from './types';
import { toErrorFields } from './validation';

export interface PipelineOptions {
	contract: Contract;
	handlers: Record<string, Handler>;
	services: Services;
	/** Origins allowed for every store, on top of each store's own. */
	serverOrigins: string[];
	bodyLimit: number;
	/** Requests in progress at once before new ones answer 503 `overloaded`. */
	maxInFlight: number;
	ipLimiter?: RateLimiter;
	customerLimiter?: RateLimiter;
	/** Take the client address from X-Forwarded-For (only behind a trusted proxy). */
	trustProxy: boolean;
	log: boolean;
	isClosing(): boolean;
}

function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
	const forwarded = trustProxy
		? String(request.headers['x-forwarded-for'] ?? '')
				.split(',')[0]
				.trim()
		: '';
	return forwarded || request.socket.remoteAddress || 'unknown';
}

function validateParameters(operation: Operation, location: 'path' | 'query' | 'header', values: Record<string, unknown>) {
	const validate = operation.validateParameters[location];
	if (validate && !validate(values))
		throw new ApiError('invalid_request', 'The request does not match the API contract.', toErrorFields(validate.errors, location));
}

function parseBody(operation: Operation, request: IncomingMessage, raw: Buffer): unknown {
	if (!operation.bodyTypes.length) return undefined;
	if (raw.length === 0) {
		if (operation.bodyRequired) throw invalidField('body', '', 'a JSON body is required');
		return undefined;
	}
	const mediaType = String(request.headers['content-type'] ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	if (!operation.bodyTypes.includes(mediaType))
		throw new ApiError('unsupported_media_type', `Send the body as ${operation.bodyTypes.join(' or ')}.`);
	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		throw invalidField('body', '', 'is not valid JSON');
	}
	if (!operation.validateBody!(body))
		throw new ApiError(
			'invalid_request',
			'The request does not match the API contract.',
			toErrorFields(operation.validateBody!.errors, 'body'),
		);
	return body;
}

/**
The request pipeline, in order: per-IP limit, route (from the contract), store, CORS, parameters,
authentication and per-customer limit, body (size, signature, JSON, schema), then the handler.
Every failure is answered with the contract's error body, CORS headers included so the widget can
read it.
*/
export function createPipeline(options: PipelineOptions) {
	const { contract, handlers, services } = options;

	const send = (response: ServerResponse, reply: Reply, extraHeaders: Record<string, string>) => {
		const payload = reply.raw ?? (reply.body === undefined ? undefined : Buffer.from(JSON.stringify(reply.body)));
		const headers: Record<string, string | number> = {
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff',
			...extraHeaders,
			...reply.headers,
		};
		if (payload) {
			headers['Content-Type'] = 'application/json; charset=utf-8';
			headers['Content-Length'] = payload.length;
		}
		// Lets keep-alive clients go while the server drains for shutdown.
		if (options.isClosing()) headers.Connection = 'close';
		response.writeHead(reply.status, headers);
		response.end(payload);
	};

	const route = async (request: IncomingMessage, cors: Record<string, string>): Promise<Reply> => {
		const url = new URL(request.url ?? '/', 'http://server');
		const matches = contract.operations.flatMap((operation) => {
			const path = operation.match(url.pathname);
			return path ? [{ operation, path }] : [];
		});
		// Every request counts against its address first, before any lookup or refusal can cost the server
		// work: unknown paths and stores, refused origins and preflights included. Load balancers probe health
		// often from few addresses; limiting them would take replicas out.
		if (!matches.some(({ operation }) => operation.id === 'getHealth')) {
			try {
				options.ipLimiter?.take(clientAddress(request, options.trustProxy));
			} catch (error) {
				// The origin is not checked yet (that needs the store): any page may read a 429 and its Retry-After.
				if (request.headers.origin) Object.assign(cors, corsHeaders('*'));
				throw error;
			}
		}
		if (!matches.length) throw new ApiError('not_found', `Nothing at ${url.pathname}.`);
		const methods = matches.map(({ operation }) => operation.method);
		const preflight = request.method === 'OPTIONS';
		const match = preflight ? matches[0] : matches.find(({ operation }) => operation.method === request.method);
		if (!match)
			throw new ApiError('method_not_allowed', `${request.method} is not allowed here.`, undefined, { Allow: methods.join(', ') });
		const { operation, path } = match;
		validateParameters(operation, 'path', path);

		let store: Store | undefined;
		if (path.storeKey !== undefined) {
			store = await services.stores.get(path.storeKey);
			if (!store) throw new ApiError('not_found', `No store ${path.storeKey}.`);
		}
		const origin = request.headers.origin;
		if (origin) {
			if (store && !isOriginAllowed(origin, store, options.serverOrigins))
				throw new ApiError('forbidden', `Origin ${origin} is not allowed for this store.`);
			Object.assign(cors, store ? corsHeaders(origin) : { 'Access-Control-Allow-Origin': '*' });
		}
		if (preflight)
			return { status: 204, headers: origin ? preflightHeaders(store ? origin : '*', methods) : { Allow: methods.join(', ') } };
		if (operation.id === 'createDevToken' && !services.devTokens)
			throw new ApiError('not_found', 'Dev tokens are disabled on this server.');

		const query: Record<string, unknown> = Object.fromEntries(url.searchParams);
		validateParameters(operation, 'query', query);
		const headers: Record<string, unknown> = {};
		for (const [lowercase, name] of operation.headerNames)
			if (request.headers[lowercase] !== undefined) headers[name] = request.headers[lowercase];
		validateParameters(operation, 'header', headers);

		let identity: CustomerIdentity | undefined;
		if (operation.auth === 'customer') identity = await authenticate(request.headers.authorization, store!);
		else if (operation.auth === 'optional-customer' && request.headers.authorization)
			identity = await authenticate(request.headers.authorization, store!).catch(() => undefined);
		else if (operation.auth === 'merchant') authenticateMerchant(request.headers.authorization, store!);
		if (identity) options.customerLimiter?.take(`${store!.id}:${identity.customerId}`);

		const raw = request.method === 'GET' || request.method === 'HEAD' ? Buffer.alloc(0) : await readBody(request, options.bodyLimit);
		if (
			operation.auth === 'webhook' &&
			!isValidSignature(request.headers['x-rewards-signature'] as string | undefined, raw, store!.secret)
		) {
			throw new ApiError('invalid_signature', 'X-Rewards-Signature is not the HMAC-SHA256 of this body with the store secret.');
		}
		const body = parseBody(operation, request, raw);
		const locale = store ? negotiateLocale(request.headers['accept-language'], store.locales, store.defaultLocale) : 'en';
		const reply = await handlers[operation.id]({ operation, store, path, query, headers, body, locale, identity }, services);
		if (store) reply.headers = { 'Content-Language': locale, ...reply.headers };
		return reply;
	};

	let inFlight = 0;
	return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const started = performance.now();
		const cors: Record<string, string> = {};
		inFlight++;
		response.once('close', () => inFlight--);
		let reply: Reply;
		try {
			// PGlite runs each transaction to completion on the event loop, so excess load waits
			// here, in requests already accepted, rather than in the database queue.
			if (inFlight > options.maxInFlight) throw new OverloadedError();
			reply = await route(request, cors);
		} catch (error) {
			// The client went away mid-request (or shutdown cut it): nobody to answer.
			if (response.destroyed || response.socket?.destroyed) return;
			if (error instanceof ApiError) reply = { status: error.status, body: error.body, headers: error.headers };
			else if (error instanceof OverloadedError)
				reply = {
					status: 503,
					body: new ApiError('overloaded', 'The server is busy; retry shortly.').body,
					headers: { 'Retry-After': '1' },
				};
			else {
				console.error('[rewards] unexpected error', request.method, request.url, error);
				reply = { status: 500, body: new ApiError('internal_error', 'Something went wrong; nothing was changed.').body };
			}
		}
		if (response.destroyed) return;
		send(response, reply, cors);
		if (options.log)
			console.log(`[rewards] ${request.method} ${request.url} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`);
	};
}
