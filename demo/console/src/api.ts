import type { components } from '../../../src/api/schema';
import { createHttp, MerchantApiError } from './http';
import type { Session } from './session';

type Schemas = components['schemas'];
export type ProgramDocument = Schemas['ProgramDocument'];
export type MerchantProgram = Schemas['MerchantProgram'];
export type PublicProgram = Schemas['Program'];
export type LoyaltyMetrics = Schemas['LoyaltyMetrics'];
export type MetricSet = Schemas['MetricSet'];
export type ProgramHealth = Schemas['ProgramHealth'];
export type MemberPage = Schemas['MemberPage'];
export type MemberSummary = Schemas['MemberSummary'];
export type Member = Schemas['Member'];
export type LedgerPage = Schemas['ActivityPage'];
export type LedgerEntry = Schemas['ActivityEntry'];
export type Interval = 'week' | 'month';

/** A period of whole UTC days (both included) and the step of its time series. */
export interface Period {
	from: string;
	to: string;
	interval: Interval;
}

/** The body and answer of adjustPoints (orders' part of the merchant API). */
export interface PointsAdjustmentRequest {
	/** Signed, never zero. */
	points: number;
	/** Shown to the shopper in their activity, as written. */
	reason: string;
}

const admin = '/v1/stores/{storeKey}/admin';

/** The program as it is being edited: the document and the version (ETag) it started from. */
export interface EditableProgram {
	program: ProgramDocument;
	etag: string;
	version: number;
	createdAt: string;
}

const editable = (data: MerchantProgram, headers: Headers): EditableProgram => ({
	program: data.program,
	version: data.version,
	createdAt: data.createdAt,
	etag: headers.get('ETag') ?? `"${data.version}"`,
});

/**
The merchant API (src/api/openapi.json, tag `admin`) for one signed-in store. `onUnauthorized`
hears when the server stops accepting the key, to go back to the sign-in screen.
*/
export function createMerchantApi(session: Session, onUnauthorized: (error: MerchantApiError) => void) {
	const request = createHttp(session, onUnauthorized);
	return {
		storeKey: session.storeKey,
		async program(signal?: AbortSignal): Promise<EditableProgram> {
			const { data, headers } = await request<MerchantProgram>(`${admin}/program`, { signal });
			return editable(data, headers);
		},
		/** Saves a new version; a 412 `version_conflict` means someone else saved since `etag`. */
		async replaceProgram(program: ProgramDocument, etag: string, note?: string): Promise<EditableProgram> {
			const { data, headers } = await request<MerchantProgram>(`${admin}/program`, {
				method: 'PUT',
				headers: { 'If-Match': etag },
				body: note ? { program, note } : { program },
			});
			return editable(data, headers);
		},
		/** The public program the widget would get for `program`, in `locale`: checks the draft without saving it. */
		async previewProgram(program: ProgramDocument, locale: string, signal?: AbortSignal): Promise<PublicProgram> {
			const { data } = await request<PublicProgram>(`${admin}/program/preview`, {
				method: 'POST',
				headers: { 'Accept-Language': locale },
				body: { program },
				signal,
			});
			return data;
		},
		metrics: (period: Period, signal?: AbortSignal) =>
			request<LoyaltyMetrics>(`${admin}/analytics/metrics`, { query: { ...period }, signal }).then((answer) => answer.data),
		health: (period: Period, signal?: AbortSignal) =>
			request<ProgramHealth>(`${admin}/analytics/program-health`, { query: { ...period }, signal }).then((answer) => answer.data),
		members: (
			query: { q?: string; sort?: 'points' | 'lastActivity' | 'memberSince'; cursor?: string; limit?: number },
			signal?: AbortSignal,
		) => request<MemberPage>(`${admin}/customers`, { query, signal }).then((answer) => answer.data),
		member: (customerId: string, signal?: AbortSignal) =>
			request<Member>(`${admin}/customers/${encodeURIComponent(customerId)}`, { signal }).then((answer) => answer.data),
		ledger: (customerId: string, cursor?: string, signal?: AbortSignal) =>
			request<LedgerPage>(`${admin}/customers/${encodeURIComponent(customerId)}/ledger`, { query: { cursor, limit: 50 }, signal }).then(
				(answer) => answer.data,
			),
		/** Adds (or takes, when negative) points with a reason; `idempotencyKey` makes a retry safe. */
		adjustPoints: (customerId: string, adjustment: PointsAdjustmentRequest, idempotencyKey: string) =>
			request<unknown>(`${admin}/customers/${encodeURIComponent(customerId)}/adjustments`, {
				method: 'POST',
				headers: { 'Idempotency-Key': idempotencyKey },
				body: adjustment,
			}).then((answer) => answer.data),
	};
}

export type MerchantApi = ReturnType<typeof createMerchantApi>;
export { MerchantApiError };
