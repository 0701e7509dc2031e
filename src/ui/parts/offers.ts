import type { Coupon, EarnRule } from '../../api/client';
import { minorPerUnit } from '../format';
import { money, points, type View } from '../view';

/** The program's referral rule, if it has one. */
export const referralRule = (view: View) => view.store.program.value.data!.earnRules.find((rule) => rule.kind == 'referral');

/** The friend's gift, e.g. "$10". */
export const giftText = (view: View, rule: EarnRule) => money(view, rule.friendGift!.amount, rule.friendGift!.currency);

/** "Give $10, get 500 points". */
export const referOffer = (view: View, rule: EarnRule) =>
	view.t('referOffer', { gift: giftText(view, rule), points: points(view, rule.points) });

/** What a rule pays: "5 points per $1" for orders, the offer for referrals, else "50 points". */
export function earnText(view: View, rule: EarnRule): string {
	if (rule.kind == 'referral') return referOffer(view, rule);
	const amount = points(view, rule.points);
	return rule.kind == 'order'
		? view.t('perUnit', { points: amount, amount: money(view, minorPerUnit(view.store.program.value.data!.currency)) })
		: amount;
}

/** The friend's terms: "On a first order of $50 or more." (or just "On your first order."). */
export const friendTerms = (view: View, rule: EarnRule) =>
	rule.friendGift!.minOrderAmount
		? view.t('friendMinOrder', { amount: money(view, rule.friendGift!.minOrderAmount, rule.friendGift!.currency) })
		: view.t('friendFirstOrder');

/** What a coupon is worth: "$5 off", "10% off", "Free shipping", or the product's name. */
export function couponValue(view: View, coupon: Coupon): string {
	if (coupon.kind == 'fixed_amount' && coupon.amount) return view.t('amountOff', { amount: money(view, coupon.amount, coupon.currency) });
	if (coupon.kind == 'percent' && coupon.percent) return view.t('percentOff', { percent: coupon.percent });
	if (coupon.kind == 'free_product' && coupon.productName) return coupon.productName;
	return coupon.title;
}
