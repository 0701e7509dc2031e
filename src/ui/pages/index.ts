import type { FunctionComponent } from 'preact';
import type { PageName } from '../../config/options';
import type { ViewProps } from '../view';
import { ActivityPage } from './ActivityPage';
import { EarnPage } from './EarnPage';
import { HomePage } from './HomePage';
import { RedeemPage } from './RedeemPage';
import { ReferPage } from './ReferPage';

export { PAGE_LABELS, PAGE_ORDER } from './labels';

export type PageProps = ViewProps;

/** Pages render once the program (and, for a member, the customer) is in; see PanelApp. */
export const PAGE_COMPONENTS: Record<PageName, FunctionComponent<PageProps>> = {
	home: HomePage,
	earn: EarnPage,
	redeem: RedeemPage,
	refer: ReferPage,
	activity: ActivityPage,
};
