import type { EarnRule } from '../../api/client';
import { minorPerUnit } from '../format';
import { money, points, type View } from '../view';

/** The program's referral rule, if it has one. */
export const referralRule = (v: View) => v.store.program.value.data!.earnRules.find((rule) => rule.kind == 'referral');

/** The friend's gift, e.g. "$10". */
export const giftText = (v: View, rule: EarnRule) => money(v, rule.friendGift!.amount, rule.friendGift!.currency);

/** "Give $10, get 500 points". */
export const referOffer = (v: View, rule: EarnRule) => v.t('referOffer', { gift: giftText(v, rule), points: points(v, rule.points) });

/** What a rule pays: "5 points per $1" for orders, the offer for referrals, else "50 points". */
export function earnText(v: View, rule: EarnRule): string {
	if (rule.kind == 'referral') return referOffer(v, rule);
	const amount = points(v, rule.points);
	return rule.kind == 'order'
		? v.t('perUnit', { points: amount, amount: money(v, minorPerUnit(v.store.program.value.data!.currency)) })
		: amount;
}
