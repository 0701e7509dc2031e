import { createHttp, type HttpOptions } from './http';
import type { components } from './schema';

type Schemas = components['schemas'];
export type Program = Schemas['Program'];
export type EarnRule = Schemas['EarnRule'];
export type Reward = Schemas['Reward'];
export type Customer = Schemas['Customer'];
export type Coupon = Schemas['Coupon'];
export type ActivityPage = Schemas['ActivityPage'];
export type ActivityEntry = Schemas['ActivityEntry'];
export type Birthday = Schemas['BirthdayRequest'];
export type EngagementEvent = Schemas['EngagementEvent'];

/** The loyalty API's endpoints for one store, typed by the OpenAPI contract (src/api/openapi.json). */
export function createApiClient(options: HttpOptions) {
	const call = createHttp(options);
	return {
		program: () => call<Program>('get', 'program'),
		customer: () => call<Customer>('get', 'customer'),
		activity: (cursor?: string | null) => call<ActivityPage>('get', `customer/activity${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
		completeAction: (ruleKey: string) => call<Schemas['ActionResult']>('post', `customer/actions/${encodeURIComponent(ruleKey)}`),
		setBirthday: (birthday: Birthday) => call<Customer>('put', 'customer/birthday', birthday),
		redeem: (request: Schemas['RedemptionRequest'], idempotencyKey: string) => call<Schemas['RedemptionResult']>('post', 'customer/redemptions', request, idempotencyKey),
		claimReferral: (request: Schemas['ReferralClaimRequest']) => call<Schemas['ReferralClaimResult']>('post', 'referrals/claim', request),
		recordEvents: (events: EngagementEvent[]) => call<Schemas['EventsAccepted']>('post', 'events', { events }),
	};
}

export type ApiClient = ReturnType<typeof createApiClient>;
