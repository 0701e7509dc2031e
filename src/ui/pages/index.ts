import type { FunctionComponent } from 'preact';
import type { PageName } from '../../config/options';
import type { Translate } from '../../i18n/translate';
import { PlaceholderPage } from './PlaceholderPage';

export interface PageProps {
	t: Translate;
	navigate: (page: PageName) => void;
}

export const PAGE_ORDER: readonly PageName[] = ['home', 'earn', 'redeem', 'refer', 'activity'];

export const PAGE_LABELS: Record<PageName, string> = {
	home: 'navHome',
	earn: 'navEarn',
	redeem: 'navRedeem',
	refer: 'navRefer',
	activity: 'navActivity',
};

export const PAGE_COMPONENTS: Record<PageName, FunctionComponent<PageProps>> = {
	home: PlaceholderPage,
	earn: PlaceholderPage,
	redeem: PlaceholderPage,
	refer: PlaceholderPage,
	activity: PlaceholderPage,
};
