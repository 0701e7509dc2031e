import type { PageName } from '../../config/options';

export const PAGE_ORDER: readonly PageName[] = ['home', 'earn', 'redeem', 'refer', 'activity'];

/** Message keys of the pages' names (nav tabs and shortcuts). */
export const PAGE_LABELS: Record<PageName, string> = {
	home: 'navHome',
	earn: 'navEarn',
	redeem: 'navRedeem',
	refer: 'navRefer',
	activity: 'navActivity',
};
