import { createHttp, type HttpOptions } from './http';
import type { components } from './schema';
import * as shapes from './shapes';

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
export type ActionResult = Schemas['ActionResult'];

/**
The loyalty API's endpoints for one store, typed by the OpenAPI contract (src/api/openapi.json);
every answer the panel uses is checked against the contract's schema for it (src/api/shapes.ts).
*/
export function createApiClient(options: HttpOptions) {
	const call = createHttp(options);
	return {
		program: () => call<Program>('get', 'program', shapes.Program),
		customer: () => call<Customer>('get', 'customer', shapes.Customer),
		activity: (cursor?: string | null) =>
			call<ActivityPage>('get', `customer/activity${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, shapes.ActivityPage),
		completeAction: (ruleKey: string) =>
			call<Schemas['ActionResult']>('post', `customer/actions/${encodeURIComponent(ruleKey)}`, shapes.ActionResult),
		setBirthday: (birthday: Birthday) => call<Customer>('put', 'customer/birthday', shapes.Customer, birthday),
		redeem: (request: Schemas['RedemptionRequest'], idempotencyKey: string) =>
			call<Schemas['RedemptionResult']>('post', 'customer/redemptions', shapes.RedemptionResult, request, idempotencyKey),
		// Only success or refusal matters (an unknown code), so the answer is not checked.
		referral: (code: string) => call<Schemas['ReferralCode']>('get', `referrals/${encodeURIComponent(code)}`),
		claimReferral: (request: Schemas['ReferralClaimRequest'], idempotencyKey: string) =>
			call<Schemas['ReferralClaimResult']>('post', 'referrals/claim', shapes.ReferralClaimResult, request, idempotencyKey),
		// The answer (a count) is not used, so it is not checked.
		recordEvents: (events: EngagementEvent[]) => call<Schemas['EventsAccepted']>('post', 'events', undefined, { events }),
	};
}

export type ApiClient = ReturnType<typeof createApiClient>;
