import type { components } from '../../../src/api/schema';
import { listActivity } from '../activity/list-activity';
import { completeAction } from '../customers/complete-action';
import { readCustomer } from '../customers/customer-view';
import { setBirthday } from '../customers/set-birthday';
import { recordEvents } from '../events/record-events';
import { receiveOrder } from '../orders/receive-order';
import { periodOf } from '../insights/period';
import { loyaltyMetrics } from '../insights/loyalty-metrics';
import { programHealth } from '../insights/program-health';
import { listMemberLedger, listMembers, type MemberSort, readMember } from '../members/members';
import { adjustPoints } from '../points/adjust-points';
import { negotiateLocale } from '../program/locale';
import { programTag, programView } from '../program/program-view';
import { storeWithProgram } from '../program/store';
import { listProgramVersions, readCurrentProgram, readProgramVersion, replaceProgram, versionOfTag, versionTag } from '../program/versions';
import { reverseOrder } from '../orders/reverse-order';
import { receiveShopifyWebhook } from '../platforms/shopify/receive-webhook';
import { claimReferral } from '../referrals/claim-referral';
import { findReferralCode } from '../referrals/referral-code';
import { getMerchantCoupon, useMerchantCoupon } from '../rewards/merchant-coupons';
import { redeem } from '../rewards/redeem';
import { mintCustomerToken } from '../token';
import { CONTRACT_BYTES } from './contract';
import { ApiError, invalidField } from '../errors';
import type { Handler, RequestContext } from './types';

type Schemas = components['schemas'];

// The pipeline guarantees these for the operations that need them (store routes, customer auth).
const storeOf = (request: RequestContext) => request.store!;
const identityOf = (request: RequestContext) => request.identity!;

const DEV_TOKEN_TTL_SECONDS = 3600;

/** Whether an If-None-Match header names `tag` (or is `*`); weak and strong forms compare alike. */
function matchesEntityTag(ifNoneMatch: string | undefined, tag: string): boolean {
	if (!ifNoneMatch) return false;
	const bare = (value: string) => value.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((value) => value.trim() === '*' || bare(value) === bare(tag));
}

/** One handler per operationId of the contract; the server refuses to start if one is missing. */
export const handlers: Record<string, Handler> = {
	getOpenApiDocument: async () => ({
		status: 200,
		raw: CONTRACT_BYTES,
		headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
	}),

	getHealth: async (_request, { db }) => {
		try {
			await db.query('select 1');
		} catch (error) {
			console.error('[rewards] health check failed:', (error as Error).message);
			throw new ApiError('unavailable', 'The database does not answer.', undefined, { 'Retry-After': '5' });
		}
		return { status: 200, body: { status: 'ok' } satisfies Schemas['Health'] };
	},

	getProgram: async (request) => {
		const store = storeOf(request);
		const tag = programTag(store, request.locale);
		const headers = { 'Cache-Control': 'public, max-age=60', Vary: 'Origin, Accept-Language', ETag: tag };
		if (matchesEntityTag(request.headers['If-None-Match'] as string | undefined, tag)) return { status: 304, headers };
		return { status: 200, body: programView(store, request.locale), headers };
	},

	getCustomer: async (request, { db, now }) => ({
		status: 200,
		body: await readCustomer(db, storeOf(request), identityOf(request), request.locale, now?.()),
	}),

	listActivity: async (request, { db, now }) => ({
		status: 200,
		body: await listActivity(db, storeOf(request), identityOf(request), {
			cursor: request.query.cursor as string | undefined,
			limit: request.query.limit as number,
			locale: request.locale,
			now: now?.(),
		}),
	}),

	completeAction: async (request, { db }) => ({
		status: 201,
		body: await completeAction(db, storeOf(request), identityOf(request), request.path.ruleKey),
	}),

	setBirthday: async (request, { db }) => {
		await setBirthday(db, storeOf(request), identityOf(request), request.body as Schemas['BirthdayRequest']);
		return { status: 200, body: await readCustomer(db, storeOf(request), identityOf(request), request.locale) };
	},

	redeemReward: async (request, { db, couponIssuing }) => {
		const { status, body } = await redeem(
			db,
			storeOf(request),
			identityOf(request),
			request.headers['Idempotency-Key'] as string,
			request.body as Schemas['RedemptionRequest'],
			request.locale,
			couponIssuing,
		);
		return { status, raw: Buffer.from(body) };
	},

	getReferral: async (request, { db }) => ({ status: 200, body: await findReferralCode(db, storeOf(request), request.path.code) }),

	claimReferral: async (request, { db }) => {
		const key = request.headers['Idempotency-Key'] as string | undefined;
		const { status, body } = await claimReferral(
			db,
			storeOf(request),
			request.body as Schemas['ReferralClaimRequest'],
			request.locale,
			request.identity,
			key,
		);
		return { status, raw: Buffer.from(body) };
	},

	receiveOrderWebhook: async (request, { db }) => ({
		status: 200,
		body: await receiveOrder(db, storeOf(request), request.body as Schemas['OrderWebhook']),
	}),

	refundOrderWebhook: async (request, { db }) => {
		const refund = request.body as Schemas['OrderRefundWebhook'];
		const store = storeOf(request);
		if (refund.currency !== store.currency) throw invalidField('body', '/currency', `must be the store currency ${store.currency}`);
		return {
			status: 200,
			body: await reverseOrder(db, store, request.path.orderId, {
				kind: 'refund',
				refundId: refund.refundId,
				amount: refund.amount,
				occurredAt: refund.refundedAt,
			}),
		};
	},

	cancelOrderWebhook: async (request, { db }) => ({
		status: 200,
		body: await reverseOrder(db, storeOf(request), request.path.orderId, {
			kind: 'cancellation',
			occurredAt: (request.body as Schemas['OrderCancellationWebhook']).cancelledAt,
		}),
	}),

	receiveShopifyWebhook: async (request, { db }) => ({
		status: 200,
		body: await receiveShopifyWebhook(db, storeOf(request), {
			topic: request.headers['X-Shopify-Topic'] as string,
			webhookId: request.headers['X-Shopify-Webhook-Id'] as string,
			raw: request.rawBody,
		}),
	}),

	adjustPoints: async (request, { db }) => {
		const { status, body } = await adjustPoints(
			db,
			storeOf(request),
			request.path.customerId,
			request.headers['Idempotency-Key'] as string,
			request.body as Schemas['PointsAdjustmentRequest'],
		);
		return { status, raw: Buffer.from(body) };
	},

	getMerchantCoupon: async (request, { db }) => ({
		status: 200,
		body: await getMerchantCoupon(db, storeOf(request), request.path.code),
	}),

	useMerchantCoupon: async (request, { db }) => ({
		status: 200,
		body: await useMerchantCoupon(db, storeOf(request), request.path.code, (request.body as Schemas['CouponUseRequest']).orderId),
	}),

	recordEvents: async (request, { db }) => ({
		status: 202,
		body: {
			accepted: await recordEvents(db, storeOf(request), request.body as Schemas['EventBatch'], request.identity),
		} satisfies Schemas['EventsAccepted'],
	}),

	createDevToken: async (request, { db }) => {
		const store = storeOf(request);
		const { customerId, email } = request.body as Schemas['DevTokenRequest'];
		const [known] = email
			? []
			: await db.query<{ email: string }>('select email from customers where store_id = $1 and external_id = $2', [store.id, customerId]);
		const token = await mintCustomerToken({
			storeKey: store.key,
			secret: store.secret,
			customerId,
			email: email ?? known?.email ?? `${customerId.replace(/[^\w+-]/g, '_')}@example.com`,
			ttlSeconds: DEV_TOKEN_TTL_SECONDS,
		});
		const expiresAt = new Date(Date.now() + DEV_TOKEN_TTL_SECONDS * 1000).toISOString();
		return { status: 200, body: { token, expiresAt } satisfies Schemas['DevTokenResult'] };
	},

	getMerchantProgram: async (request, { db }) => {
		const current = await readCurrentProgram(db, storeOf(request));
		return { status: 200, body: current, headers: { ETag: versionTag(current.version) } };
	},

	replaceProgram: async (request, { db, stores }) => {
		const store = storeOf(request);
		const ifMatch = request.headers['If-Match'] as string | undefined;
		if (!ifMatch)
			throw new ApiError(
				'precondition_required',
				'Send If-Match with the ETag of the program version you edited (from GET …/admin/program).',
			);
		const { program, note } = request.body as Schemas['ProgramReplacement'];
		const saved = await replaceProgram(db, store, versionOfTag(ifMatch), program, note);
		// This replica serves the new version from the next request; the others within their cache TTL.
		stores.forget(store.key);
		return { status: 200, body: saved, headers: { ETag: versionTag(saved.version) } };
	},

	listProgramVersions: async (request, { db }) => ({
		status: 200,
		body: await listProgramVersions(db, storeOf(request), {
			cursor: request.query.cursor as string | undefined,
			limit: request.query.limit as number,
		}),
	}),

	getProgramVersion: async (request, { db }) => ({
		status: 200,
		body: await readProgramVersion(db, storeOf(request), Number(request.path.version)),
	}),

	listMembers: async (request, { db }) => ({
		status: 200,
		body: await listMembers(db, storeOf(request), {
			q: request.query.q as string | undefined,
			sort: request.query.sort as MemberSort,
			order: request.query.order as 'asc' | 'desc',
			cursor: request.query.cursor as string | undefined,
			limit: request.query.limit as number,
			locale: request.locale,
		}),
	}),

	getMember: async (request, { db }) => ({
		status: 200,
		body: await readMember(db, storeOf(request), request.path.customerId, request.locale),
	}),

	listMemberLedger: async (request, { db }) => ({
		status: 200,
		body: await listMemberLedger(db, storeOf(request), request.path.customerId, {
			cursor: request.query.cursor as string | undefined,
			limit: request.query.limit as number,
			locale: request.locale,
		}),
	}),

	getLoyaltyMetrics: async (request, { db }) => ({
		status: 200,
		body: await loyaltyMetrics(db, storeOf(request), periodOf(request.query as Parameters<typeof periodOf>[0])),
	}),

	getProgramHealth: async (request, { db }) => ({
		status: 200,
		body: await programHealth(db, storeOf(request), periodOf(request.query as Parameters<typeof periodOf>[0])),
	}),

	previewProgram: async (request) => {
		// The draft passed the same checks as a save (contract schema and program rules, in the pipeline).
		const { program } = request.body as Schemas['ProgramReplacement'];
		const draft = storeWithProgram(storeOf(request), program);
		const locale = negotiateLocale(request.headers['Accept-Language'] as string | undefined, draft.locales, draft.defaultLocale);
		return { status: 200, body: programView(draft, locale), headers: { 'Content-Language': locale, 'Cache-Control': 'no-store' } };
	},
};
