import type { ReadonlySignal } from '@preact/signals';
import type { ApiError } from '../api/errors';
import type { ResolvedConfig } from '../config/defaults';
import type { PageName } from '../config/options';
import type { Translate } from '../i18n/translate';
import type { Store } from '../state/store';
import { formatMoney } from './format';

/** What every page and part of the panel is given: text, data and the few panel-wide actions. */
export interface View {
	t: Translate;
	locale: string;
	store: Store;
	config: ReadonlySignal<ResolvedConfig>;
	/** The referral code from the landing page's URL, if any. */
	referral: string | null;
	navigate(page: PageName): void;
	/** Says something through the panel's live region (balance changes, "Copied"). */
	announce(message: string): void;
	report(error: unknown): void;
}

export interface ViewProps {
	view: View;
}

/** "1,234 points", plural-aware. */
export const points = (view: View, count: number) => view.t('points', { count });

/** Money in the program's currency unless another is given. */
export const money = (view: View, minor: number, currency = view.store.program.value.data!.currency) =>
	formatMoney(view.locale, minor, currency);

/** The calm, specific message for a failure; the generic one for codes without their own. */
export function errorText(view: View, error: ApiError): string {
	const key = `error_${error.code}`;
	const text = view.t(key);
	return text == key ? view.t('errorBody') : text;
}
