import { signal, type Signal } from '@preact/signals';
import { createApiClient, type ActionResult, type ActivityEntry, type Coupon, type Customer, type Program } from '../api/client';
import type { ApiError } from '../api/errors';
import type { Shape } from '../api/shape';
import * as shapes from '../api/shapes';
import type { ResolvedConfig } from '../config/defaults';
import type { RewardsEventMap, RewardsEventName } from '../config/options';
import { idempotent } from './idempotent';
import { resource, type Resource } from './resource';
import { CUSTOMER_MAX_AGE, forget, restore, save, savedKey } from './saved';
import { settle } from './settle';
import { createTracker } from './tracker';

const HOUR = 36e5;
/** Setup mistakes already told on this page: once each, not once per request. */
const setupMistakesSaid = new Set<string>();
/** A friend's gift code stays on the device that claimed it for 90 days. */
const GIFT_MAX_AGE = 90 * 24 * HOUR;

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
	/**
	No connection, as the browser says: its offline event, or navigator.onLine when a request got
	no answer. (A request that fails while the browser is online shows its own error and retry: no
	event would tell us when to catch up.)
	*/
	const offline = signal(!navigator.onLine);
	let renewing: Promise<boolean> | undefined;
	const savedAs = (name: string) => savedKey(config().store, token.value, name);
	const giftKey = (code: string) => `rewards:${config().store}:gift:${code}`;
	// What this device kept of the shopper, from the start: the launcher's badge shows it already.
	customer.value = { data: restore(savedAs('customer'), shapes.Customer, CUSTOMER_MAX_AGE) };

	function signOut(sessionExpired?: boolean) {
		// A shared device keeps nothing of the shopper who left.
		forget(savedAs('customer'));
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

	const api = createApiClient({
		config,
		token: () => token.value,
		locale,
		renew,
		heard(failure) {
			offline.value = failure?.code == 'network' && !navigator.onLine;
			// Every answer that breaks the contract is told, even when a retry then gets a good one.
			if (failure?.code == 'invalid_response') report(failure);
		},
	});

	/** Reports what is not a business answer (a 409 is the server saying no), and passes it on. */
	const fail = (error: ApiError): never => {
		// A setup mistake (an origin the API does not allow) is said once on the console as an error
		// naming the fix; the launcher's reporter only warns, and stays small.
		if (error.setupMistake && !setupMistakesSaid.has(error.message)) {
			setupMistakesSaid.add(error.message);
			console.error(`[Rewards] ${error.message}`);
		}
		if (error.status != 409 && error.code != 'invalid_response') report(error);
		throw error;
	};

	/**
	An answer is kept only if nothing has replaced the resource since it was asked for: not a newer
	request (the program in the language the shopper just chose), another shopper (sign-out empties
	the customer and activity) or an action's own result.
	*/
	async function load<T, S extends Resource<unknown>>(
		target: Signal<S>,
		fetch: () => Promise<T>,
		merge = (data: T) => ({ data }) as unknown as S,
		saveAs?: string,
	) {
		const pending = (target.value = { ...target.value, loading: true, error: undefined });
		try {
			const data = await fetch();
			if (target.value == pending) {
				target.value = merge(data);
				save(saveAs, data);
			}
		} catch (error) {
			if (target.value == pending) target.value = { ...pending, loading: false, error };
			fail(error as ApiError);
		}
	}
	// Loads keep their failure in the resource (shown with a retry), so callers need not catch.
	const quietly = (promise: Promise<unknown>) => promise.catch(() => {});

	/**
	Shows what this device kept from an earlier page at once (never older than `maxAge`), while the
	server is asked again, and keeps the answer for the next page (stale-while-revalidate).
	*/
	const revalidate = <T>(target: Signal<Resource<T>>, fetch: () => Promise<T>, key: string | undefined, shape: Shape, maxAge: number) => {
		if (!target.value.data) target.value = { data: restore(key, shape, maxAge) };
		return quietly(load(target, fetch, undefined, key));
	};
	const loadCustomer = () =>
		token.value ? revalidate(customer, api.customer, savedAs('customer'), shapes.Customer, CUSTOMER_MAX_AGE) : Promise.resolve();
	const loadActivity = (more?: boolean) =>
		quietly(
			load(
				activity,
				() => api.activity(more ? activity.value.next : null),
				({ items, nextCursor }) => ({ data: [...((more && activity.value.data) || []), ...items], next: nextCursor }),
			),
		);
	// The program is the same for every shopper of a store, in each language.
	const loadProgram = () => revalidate(program, api.program, `rewards:${config().store}:program:${locale()}`, shapes.Program, 24 * HOUR);
	const refresh = () => Promise.all([loadProgram(), loadCustomer(), activity.value.data && loadActivity()]).then(() => {});
	// Back online: what failed meanwhile loads again (earn claims and redemptions go again by themselves).
	const onConnection = (event: Event) => (offline.value = event.type == 'offline') || refresh();
	addEventListener('online', onConnection);
	addEventListener('offline', onConnection);

	/** After an action: its balance at once, then the customer and activity as the server has them. */
	const changed = (balance: number) => {
		if (customer.value.data) customer.value = { data: { ...customer.value.data, balance } };
		loadCustomer();
		if (activity.value.data) loadActivity();
	};

	const track = createTracker(api, report);
	const redemptions = idempotent(
		(key, rewardId: string, points?: number) => api.redeem({ rewardId, points }, key),
		() => savedAs('redeem'),
	);
	// A friend is a guest: their claims are kept per store, each under its code and email.
	const gifts = idempotent(
		(key, code: string, email: string) => api.claimReferral({ code, email }, key),
		() => `rewards:${config().store}:claim`,
	);
	const claims: Record<string, Promise<ActionResult | undefined>> = {};

	const redeem = (rewardId: string, points?: number) =>
		redemptions.send(rewardId, points).then((result) => {
			changed(result.balance);
			emit('redeemed', { rewardId, code: result.coupon.code, pointsSpent: result.pointsSpent, balance: result.balance });
			track('redemption', { rewardId });
			return result;
		}, fail);
	// A reload interrupted these: asked again with their keys, the server answers the first outcome,
	// and the coupon shows in My rewards. (JSON keeps a missing points as null, which would change
	// the request's body.)
	for (const [rewardId, points] of redemptions.unfinished()) quietly(redeem(rewardId, points ?? undefined));

	return {
		program,
		customer,
		activity,
		token,
		expired,
		offline,
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
		/**
		Claims an action's points: offline, the claim waits for the connection. Sent again after no
		answer, `already_completed` means the first send got through: the result is then undefined
		and the customer, read again, shows the action done.
		*/
		earn: (action: string) =>
			(claims[action] ||= settle((again) =>
				api.completeAction(action).catch((error: ApiError) => {
					if (again && error.code == 'already_completed') return undefined;
					throw error;
				}),
			)
				.then(
					(result) => {
						if (!result) {
							void loadCustomer();
							return result;
						}
						changed(result.balance);
						emit('earned', { action, points: result.awarded, balance: result.balance });
						return result;
					},
					(error) => {
						void loadCustomer();
						return fail(error);
					},
				)
				.finally(() => delete claims[action])),
		setBirthday: (birthday: Parameters<typeof api.setBirthday>[0]) =>
			api.setBirthday(birthday).then((data) => void (customer.value = { data }), fail),
		redeem,
		/**
		Claims a friend's gift like a redemption: one Idempotency-Key per code and email, kept until
		the answer is in (across a reload too), so a claim whose answer was lost gets its gift again.
		*/
		claimReferral: (code: string, email: string) =>
			// The server reads the email without regard to case: so does the key, or retyping it differently would claim anew.
			gifts.send(code, email.trim().toLowerCase()).then((result) => {
				// The friend's code is shown once by the server: this device keeps it, so a reload still shows it.
				save(giftKey(code), result);
				return result;
			}, fail),
		/** Whether the store knows the referral code (refused with `unknown_referral`); not reported: the welcome says it. */
		checkReferral: (code: string) => api.referral(code),
		/** The gift this device claimed through the referral link `code`, if any. */
		savedGift: (code: string) => restore<{ coupon: Coupon }>(giftKey(code), shapes.ReferralClaimResult, GIFT_MAX_AGE)?.coupon,
		/** The shopper shared their referral link (a share link, the share sheet or a copy). */
		shared(channel: string) {
			emit('referral-shared', { channel });
			track('referral_share', { channel });
		},
		stop() {
			removeEventListener('online', onConnection);
			removeEventListener('offline', onConnection);
		},
	};
}

export type Store = ReturnType<typeof createStore>;
