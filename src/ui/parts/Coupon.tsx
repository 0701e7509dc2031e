import { useEffect, useRef } from 'preact/hooks';
import type { Coupon as CouponData } from '../../api/client';
import type { View } from '../view';
import { Copy } from './Copy';

interface CouponProps {
	view: View;
	coupon: CouponData;
	/** A code just issued: focus moves to it, since the control that asked for it is gone. */
	focus?: boolean;
}

/** A discount code: copy it, or apply it to the cart the way the merchant configured. */
export function Coupon({ view, coupon: { code, title }, focus }: CouponProps) {
	const ref = useRef<HTMLDivElement>(null);
	useEffect(() => void (focus && ref.current!.focus()), []);
	const apply = () => {
		const { onApplyCoupon, applyCouponUrl } = view.config.value;
		try {
			onApplyCoupon ? onApplyCoupon(code) : location.assign(applyCouponUrl.replace('{code}', encodeURIComponent(code)));
		} catch (error) {
			view.report(error);
		}
	};
	return (
		<div class="actions" ref={ref} tabIndex={-1}>
			<p>
				{title} <code>{code}</code>
			</p>
			<Copy view={view} text={code} />
			<button class="button" onClick={apply}>
				{view.t('applyToCart')}
			</button>
		</div>
	);
}
