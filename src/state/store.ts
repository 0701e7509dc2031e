import { signal, type Signal } from '@preact/signals';
import { createApiClient, type ActivityEntry, type Customer, type Program } from '../api/client';
import type { ApiError } from '../api/errors';
import type { ResolvedConfig } from '../config/defaults';
import type { RewardsEventMap, RewardsEventName } from '../config/options';
import { createRedemptions } from './redemptions';
import { resource, type Resource } from './resource';
import { createTracker } from './tracker';

export interface StoreOptions {
	config(): ResolvedConfig;
	/** The panel's active language, sent as Accept-Language. */
	locale(): string;
	emit<K extends RewardsEventName>(name: K, detail: RewardsEventMap[K]): void;
	report(error: unknown): void;
}

export interface ActivityState extends Resource<ActivityEntry[]> {
	/** Cursor of the next page; null once the last page is in. */
	next?: string | null;
}

/**
The panel's data (program, customer, activity) as signals, and the shopper's actions. Every number
shown comes from the server: an action sets the balance it answered, then the customer is read
again, so tiers, completed actions and coupons follow the server too.
*/
export function createStore({ config, locale, emit, report }: StoreOptions) {
	const program = resource<Program>();
	const customer = resource<Customer>();
	const activity = signal<ActivityState>({});
	const token = signal(config().customerToken);
	/** The session ended and the storefront could not renew the token: guests see "sign in again". */
	const expired = signal(false);
	let renewing: Promise<boolean> | undefined;

	function signOut(sessionExpired?: boolean) {
		token.value = undefined;
		expired.value = !!sessionExpired;
		customer.value = activity.value = {};
	}

	const renew = () =>
		(renewing ||= (async () => {
			let fresh: string | null | undefined;
			try {
				fresh = await config().onTokenExpired?.();
			} catch (error) {
				report(error);
			}
			renewing = undefined;
			fresh ? (token.value = fresh) : signOut(true);
			return !!fresh;
		})());

	const api = createApiClient({ config, token: () => token.value, locale, renew });

	/** Reports what is not a business answer (a 409 is the server saying no), and passes it on. */
	const fail = (error: ApiError): never => {
		if (error.status != 409) report(error);
		throw error;
	};

	/**
	An answer is kept only if nothing has replaced the resource since it was asked for: not a newer
	request (the program in the language the shopper just chose), another shopper (sign-out empties
	the customer and activity) or an action's own result.
	*/
	async function load<T, S extends Resource<unknown>>(target: Signal<S>, fetch: () => Promise<T>, merge = (data: T) => ({ data }) as unknown as S) {
		const pending = (target.value = { ...target.value, loading: true, error: undefined });
		try {
			const data = await fetch();
			if (target.value == pending) target.value = merge(data);
		} catch (error) {
			if (target.value == pending) target.value = { ...pending, loading: false, error };
			fail(error as ApiError);
		}
	}
	// Loads keep their failure in the resource (shown with a retry), so callers need not catch.
	const quietly = (promise: Promise<unknown>) => promise.catch(() => {});

	const loadCustomer = () => quietly(token.value ? load(customer, api.customer) : Promise.resolve());
	const loadActivity = (more?: boolean) =>
		quietly(
			load(
				activity,
				() => api.activity(more ? activity.value.next : null),
				({ items, nextCursor }) => ({ data: [...((more && activity.value.data) || []), ...items], next: nextCursor }),
			),
		);
	const refresh = () => Promise.all([quietly(load(program, api.program)), loadCustomer(), activity.value.data && loadActivity()]).then(() => {});

	/** After an action: its balance at once, then the customer and activity as the server has them. */
	const changed = (balance: number) => {
		customer.value = { data: { ...customer.value.data!, balance } };
		loadCustomer();
		if (activity.value.data) loadActivity();
	};

	const track = createTracker(api, report);
	const redemptions = createRedemptions(api);

	return {
		program,
		customer,
		activity,
		token,
		expired,
		loadCustomer,
		loadActivity,
		refresh,
		track,
		/** Switches to another shopper (a token) or to the guest view (undefined), without a reload. */
		identify(next: string | undefined) {
			if (next == token.value) return;
			signOut();
			token.value = next;
			loadCustomer();
		},
		earn: (action: string) =>
			api.completeAction(action).then((result) => {
				changed(result.balance);
				emit('earned', { action, points: result.awarded, balance: result.balance });
				return result;
			}, (error) => (loadCustomer(), fail(error))),
		setBirthday: (birthday: Parameters<typeof api.setBirthday>[0]) => api.setBirthday(birthday).then((data) => void (customer.value = { data }), fail),
		redeem: (rewardId: string, points?: number) =>
			redemptions.redeem(rewardId, points).then((result) => {
				changed(result.balance);
				emit('redeemed', { rewardId, code: result.coupon.code, pointsSpent: result.pointsSpent, balance: result.balance });
				track('redemption', { rewardId });
				return result;
			}, fail),
		claimReferral: (code: string, email: string) => api.claimReferral({ code, email }).catch(fail),
		/** The shopper shared their referral link (a share link, the share sheet or a copy). */
		shared(channel: string) {
			emit('referral-shared', { channel });
			track('referral_share', { channel });
		},
	};
}

export type Store = ReturnType<typeof createStore>;
