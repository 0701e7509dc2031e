import type { ColorScheme, LauncherPosition, RewardsOptions, ShowOn } from './options';

/** Every option with its default filled in; what the runtime works with after `init()`. */
export interface ResolvedConfig extends Required<
	Pick<RewardsOptions, 'store' | 'api' | 'referralParam' | 'zIndex' | 'hideLauncher' | 'applyCouponUrl'>
> {
	/**
	Who the shopper is, whichever way the page named them: the `customerToken` option, or the
	`customer` option form-encoded as X-Rewards-Customer (config/shopper.ts); undefined for guests.
	*/
	customerToken: string | undefined;
	position: LauncherPosition;
	offset: { x: number; y: number };
	showOn: ShowOn;
	launcherIcon: NonNullable<RewardsOptions['launcherIcon']>;
	theme: NonNullable<RewardsOptions['theme']>;
	colorScheme: ColorScheme;
	nonce: string | undefined;
	locale: string | undefined;
	text: NonNullable<RewardsOptions['text']>;
	onError: RewardsOptions['onError'];
	onTokenExpired: RewardsOptions['onTokenExpired'];
	onApplyCoupon: RewardsOptions['onApplyCoupon'];
}

export const DEFAULTS = {
	referralParam: 'ref',
	position: 'bottom-right',
	offset: { x: 20, y: 20 },
	zIndex: 2147483000,
	showOn: 'all',
	hideLauncher: false,
	launcherIcon: 'gift',
	colorScheme: 'auto',
	applyCouponUrl: '/discount/{code}',
} as const;
