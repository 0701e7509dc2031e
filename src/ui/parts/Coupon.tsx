import { useEffect, useRef } from 'preact/hooks';
import type { Coupon as CouponData } from '../../api/client';
import type { View } from '../view';
import { safeUrl } from '../../config/safe-url';
import { Copy } from './Copy';

interface CouponProps {
	v: View;
	coupon: CouponData;
	/** A code just issued: focus moves to it, since the control that asked for it is gone. */
	focus?: boolean;
}

/** A discount code: copy it, or apply it to the cart the way the merchant configured. */
export function Coupon({ v, coupon: { code, title }, focus }: CouponProps) {
	const ref = useRef<HTMLDivElement>(null);
	useEffect(() => void (focus && ref.current!.focus()), []);
	const apply = () => {
		const { onApplyCoupon, applyCouponUrl } = v.config.value;
		try {
			if (onApplyCoupon) return onApplyCoupon(code);
			const couponHref = safeUrl(applyCouponUrl.replace('{code}', encodeURIComponent(code)));
			if (!couponHref) throw new Error('unsafe applyCouponUrl');
			location.assign(couponHref);
		} catch (error) {
			v.report(error);
		}
	};
	return (
		<div class="f" ref={ref} tabIndex={-1}>
			<p>
				{title} <code>{code}</code>
			</p>
			<Copy v={v} text={code} />
			<button class="b" onClick={apply}>
				{v.t('applyToCart')}
			</button>
		</div>
	);
}
