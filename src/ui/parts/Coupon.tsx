import { useEffect, useRef } from 'preact/hooks';
import type { Coupon as CouponData } from '../../api/client';
import { RewardsError } from '../../api/errors';
import { safeUrl } from '../../config/safe-url';
import { formatDate } from '../format';
import { TicketIcon } from '../icons';
import type { View } from '../view';
import { Copy } from './Copy';
import { couponValue } from './offers';

interface CouponProps {
	view: View;
	coupon: CouponData;
	/** A code just issued: focus moves to it, since the control that asked for it is gone. */
	focus?: boolean;
}

/** A discount code as a ticket: what it is worth, when it was issued (or used), the code; copy it or apply it to the cart until used. */
export function Coupon({ view, coupon, focus }: CouponProps) {
	const { code, title, createdAt, usedAt } = coupon;
	const ref = useRef<HTMLDivElement>(null);
	useEffect(() => void (focus && ref.current!.focus()), []);
	const apply = () => {
		const { onApplyCoupon, applyCouponUrl } = view.config.value;
		try {
			if (onApplyCoupon) return onApplyCoupon(code);
			const couponHref = safeUrl(applyCouponUrl.replace('{code}', encodeURIComponent(code)));
			if (!couponHref) throw new RewardsError('unsafe_apply_coupon_url', `applyCouponUrl is not an https: URL: ${applyCouponUrl}`);
			location.assign(couponHref);
		} catch (error) {
			view.report(error);
		}
	};
	const value = couponValue(view, coupon);
	return (
		<div class="coupon" ref={ref} tabIndex={-1}>
			<p class="coupon-head">
				<span class="icon-badge">
					<TicketIcon />
				</span>
				<span>
					<b class="coupon-value">{value}</b>
					<small>
						{value != title && `${title} · `}
						{usedAt ? view.t('usedOn', { date: formatDate(view.locale, usedAt) }) : formatDate(view.locale, createdAt)}
					</small>
				</span>
			</p>
			<code>{code}</code>
			{!usedAt && (
				<div class="actions">
					<Copy view={view} text={code} />
					<button class="button" onClick={apply}>
						{view.t('applyToCart')}
					</button>
				</div>
			)}
		</div>
	);
}
