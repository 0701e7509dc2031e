import { signal, type Signal } from '@preact/signals';
import { vi } from 'vitest';
import type { ActivityEntry, Coupon, Customer, Program } from '../../../src/api/client';
import type { ResolvedConfig } from '../../../src/config/defaults';
import { validateOptions } from '../../../src/config/validate';
import en from '../../../src/i18n/en';
import type { Catalogue } from '../../../src/i18n/message';
import { createTranslator } from '../../../src/i18n/translate';
import { createStore } from '../../../src/state/store';
import type { View } from '../../../src/ui/view';

/** A program shaped by the generated contract types, like the demo store's. */
export const PROGRAM: Program = {
	storeKey: 'pk_test',
	name: 'Maple & Moss',
	currency: 'USD',
	locale: 'en',
	locales: ['en'],
	joinUrl: 'https://shop.example/account/register',
	signInUrl: 'https://shop.example/account/login',
	referralLinkTemplate: 'https://shop.example/?ref={code}',
	earnRules: [
		{ key: 'order', kind: 'order', title: 'Place an order', points: 5, oneTime: false, claimable: false },
		{ key: 'signup', kind: 'signup', title: 'Create an account', points: 100, oneTime: true, claimable: false },
		{
			key: 'instagram_follow',
			kind: 'instagram_follow',
			title: 'Follow us on Instagram',
			points: 50,
			oneTime: true,
			claimable: true,
			profileUrl: 'https://www.instagram.com/shop/',
		},
		{ key: 'birthday', kind: 'birthday', title: 'Celebrate your birthday', points: 200, oneTime: false, claimable: false },
		{
			key: 'referral',
			kind: 'referral',
			title: 'Refer a friend',
			points: 500,
			oneTime: false,
			claimable: false,
			friendGift: { title: '$10 off your first order', amount: 1000, minOrderAmount: 4000, currency: 'USD' },
		},
	],
	rewards: [
		{ id: 'five-off', kind: 'fixed_amount', title: '$5 off', points: 500, amount: 500, currency: 'USD' },
		{ id: 'free-shipping', kind: 'free_shipping', title: 'Free shipping', points: 800, currency: 'USD' },
		{ id: 'ten-off', kind: 'fixed_amount', title: '$10 off', points: 1000, amount: 1000, currency: 'USD' },
		{
			id: 'dollars',
			kind: 'variable',
			title: 'Turn points into dollars',
			pointsPerUnit: 100,
			unitAmount: 100,
			minPoints: 500,
			maxPoints: 5000,
			stepPoints: 100,
			currency: 'USD',
		},
	],
	tiers: [
		{ key: 'bronze', name: 'Bronze', threshold: 0 },
		{ key: 'silver', name: 'Silver', threshold: 1000 },
	],
};

export const COUPON: Coupon = {
	code: 'RW-5OFF-AAAA',
	source: 'redemption',
	rewardId: 'five-off',
	title: '$5 off',
	kind: 'fixed_amount',
	amount: 500,
	currency: 'USD',
	createdAt: '2026-03-01T10:00:00Z',
};

export const CUSTOMER: Customer = {
	id: 'shopper-1',
	email: 'shopper@example.com',
	locale: 'en',
	balance: 620,
	lifetimePoints: 880,
	tier: { key: 'bronze', name: 'Bronze', threshold: 0 },
	nextTier: { key: 'silver', name: 'Silver', threshold: 1000 },
	pointsToNextTier: 120,
	birthday: null,
	birthdayLockedUntil: null,
	referral: { code: 'SHOPPER1', link: 'https://shop.example/?ref=SHOPPER1' },
	completedActions: ['signup'],
	coupons: [],
	memberSince: '2026-01-01T00:00:00Z',
};

export const ACTIVITY: ActivityEntry[] = [
	{
		id: '3',
		points: -500,
		kind: 'redemption',
		reference: { rewardId: 'five-off', rewardTitle: '$5 off', couponCode: 'RW-5OFF-AAAA' },
		createdAt: '2026-03-01T10:00:00Z',
	},
	{
		id: '2',
		points: 200,
		kind: 'birthday',
		reference: { ruleKey: 'birthday', ruleTitle: 'Celebrate your birthday', year: 2026 },
		createdAt: '2026-02-14T10:00:00Z',
	},
	{
		id: '1',
		points: 300,
		kind: 'order',
		reference: { ruleKey: 'order', ruleTitle: 'Place an order', orderId: 'A1', orderSubtotal: 6000, currency: 'USD' },
		createdAt: '2026-01-05T10:00:00Z',
	},
];

export const CONFIG: ResolvedConfig = validateOptions({ store: 'pk_test', api: 'http://127.0.0.1:9' }).config!;

export interface TestView extends View {
	config: Signal<ResolvedConfig>;
	emit: ReturnType<typeof vi.fn>;
}

/**
A View over a real store whose signals the test fills, so components see data shaped by the
contract's types; the store's actions are replaced per test. Nothing here talks to a server.
*/
export function makeView({ member = true, config = CONFIG, referral = null as string | null } = {}): TestView {
	const emit = vi.fn();
	const store = createStore({
		config: () => ({ ...config, customerToken: member ? 'token' : undefined }),
		locale: () => 'en',
		emit,
		report: vi.fn(),
	});
	store.program.value = { data: structuredClone(PROGRAM) };
	if (member) store.customer.value = { data: structuredClone(CUSTOMER) };
	const catalogue: Catalogue = en;
	return {
		t: createTranslator('en', catalogue, catalogue),
		locale: 'en',
		store,
		config: signal(config),
		referral,
		navigate: vi.fn(),
		announce: vi.fn(),
		report: vi.fn(),
		emit,
	};
}

/** Sets customer fields on the view's store. */
export function patchCustomer(view: View, patch: Partial<Customer>) {
	view.store.customer.value = { data: { ...view.store.customer.value.data!, ...patch } };
}
