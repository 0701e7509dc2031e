import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RedeemPage } from '../../../src/ui/pages/RedeemPage';
import { COUPON, makeView, patchCustomer } from './support';

const rowOf = (title: string) => screen.getByText(title, { selector: 'b' }).closest('li')!;
const redeemed = { coupon: COUPON, pointsSpent: 500, balance: 120 };

describe('Redeem page', () => {
	it('affordable rewards are actionable; the others show a bar and how many points are missing', () => {
		render(<RedeemPage view={makeView()} />);
		expect(within(rowOf('$5 off')).getByRole('button', { name: 'Redeem' })).toBeTruthy();
		const free = within(rowOf('Free shipping'));
		expect(free.queryByRole('button')).toBeNull();
		const bar = free.getByRole('progressbar', { name: 'Free shipping' }) as HTMLProgressElement;
		expect([bar.value, bar.max]).toEqual([620, 800]);
		expect(free.getByText('180 points to go')).toBeTruthy();
	});

	it('redeeming asks first, then shows the code with Copy and Apply to cart', async () => {
		const v = makeView();
		const redeem = vi.fn().mockResolvedValue(redeemed);
		v.store.redeem = redeem;
		render(<RedeemPage view={v} />);
		const row = within(rowOf('$5 off'));
		fireEvent.click(row.getByRole('button', { name: 'Redeem' }));
		expect(redeem).not.toHaveBeenCalled();
		expect(row.getByRole('alert').textContent).toBe('Spend 500 points for $5 off?');
		fireEvent.click(row.getByRole('button', { name: 'Confirm' }));
		expect(redeem).toHaveBeenCalledWith('five-off', undefined);
		await row.findByText(COUPON.code);
		expect(row.getByRole('button', { name: 'Copy' })).toBeTruthy();
		expect(row.getByRole('button', { name: 'Apply to cart' })).toBeTruthy();
	});

	it('Cancel steps back without spending', () => {
		const v = makeView();
		v.store.redeem = vi.fn();
		render(<RedeemPage view={v} />);
		const row = within(rowOf('$5 off'));
		fireEvent.click(row.getByRole('button', { name: 'Redeem' }));
		fireEvent.click(row.getByRole('button', { name: 'Cancel' }));
		expect(row.getByRole('button', { name: 'Redeem' })).toBeTruthy();
		expect(v.store.redeem).not.toHaveBeenCalled();
	});

	it('the second click of a double click never confirms', () => {
		const v = makeView();
		v.store.redeem = vi.fn().mockResolvedValue(redeemed);
		render(<RedeemPage view={v} />);
		const button = within(rowOf('$5 off')).getByRole('button', { name: 'Redeem' });
		fireEvent.click(button, { detail: 1 });
		fireEvent.click(button, { detail: 2 });
		expect(v.store.redeem).not.toHaveBeenCalled();
		fireEvent.click(button, { detail: 1 });
		fireEvent.click(button, { detail: 1 });
		expect(v.store.redeem).toHaveBeenCalledTimes(1);
	});

	it('a refused redemption says why', async () => {
		const v = makeView();
		v.store.redeem = vi.fn().mockRejectedValue({ code: 'insufficient_points', status: 409 });
		render(<RedeemPage view={v} />);
		const row = within(rowOf('$5 off'));
		fireEvent.click(row.getByRole('button', { name: 'Redeem' }));
		fireEvent.click(row.getByRole('button', { name: 'Confirm' }));
		expect((await row.findByText('Not enough points yet.')).getAttribute('role')).toBe('alert');
	});

	it('a variable reward takes its points on a slider within the program’s bounds and the balance, value shown live', () => {
		const v = makeView();
		patchCustomer(v, { balance: 1250 });
		const redeem = vi.fn().mockResolvedValue(redeemed);
		v.store.redeem = redeem;
		render(<RedeemPage view={v} />);
		const row = within(rowOf('Turn points into dollars'));
		expect(row.getByText('100 points per $1')).toBeTruthy();
		const slider = row.getByRole('slider', { name: 'Turn points into dollars' }) as HTMLInputElement;
		expect([slider.min, slider.max, slider.step, slider.value]).toEqual(['500', '1200', '100', '500']);
		fireEvent.input(slider, { target: { value: '700' } });
		expect(row.getByText('700 points · $7 off')).toBeTruthy();
		expect(slider.getAttribute('aria-valuetext')).toBe('700 points · $7 off');
		fireEvent.click(row.getByRole('button', { name: 'Redeem' }));
		expect(row.getByRole('alert').textContent).toBe('Spend 700 points for $7 off?');
		fireEvent.click(row.getByRole('button', { name: 'Confirm' }));
		expect(redeem).toHaveBeenCalledWith('dollars', 700);
	});

	it('Apply to cart calls onApplyCoupon when given, else follows applyCouponUrl', () => {
		const onApplyCoupon = vi.fn();
		const v = makeView();
		patchCustomer(v, { coupons: [COUPON] });
		v.config.value = { ...v.config.value, onApplyCoupon };
		const { unmount } = render(<RedeemPage view={v} />);
		fireEvent.click(screen.getByRole('button', { name: 'Apply to cart' }));
		expect(onApplyCoupon).toHaveBeenCalledWith(COUPON.code);
		unmount();

		const assign = vi.fn();
		vi.stubGlobal('location', { href: 'https://shop.example/cart', assign });
		const plain = makeView();
		patchCustomer(plain, { coupons: [{ ...COUPON, code: 'A B' }] });
		render(<RedeemPage view={plain} />);
		fireEvent.click(screen.getByRole('button', { name: 'Apply to cart' }));
		expect(assign).toHaveBeenCalledWith('https://shop.example/discount/A%20B');
		vi.unstubAllGlobals();
	});

	it('Apply to cart never navigates to a script-bearing applyCouponUrl, and reports it', () => {
		const assign = vi.fn();
		vi.stubGlobal('location', { href: 'https://shop.example/cart', assign });
		const v = makeView();
		const report = vi.fn();
		v.report = report;
		v.config.value = { ...v.config.value, applyCouponUrl: 'javascript:alert("{code}")' };
		patchCustomer(v, { coupons: [COUPON] });
		render(<RedeemPage view={v} />);
		fireEvent.click(screen.getByRole('button', { name: 'Apply to cart' }));
		expect(assign).not.toHaveBeenCalled();
		expect(String(report.mock.calls[0][0])).toMatch(/applyCouponUrl/);
		vi.unstubAllGlobals();
	});

	it('My rewards lists unused codes, or says there are none', () => {
		const v = makeView();
		const { unmount } = render(<RedeemPage view={v} />);
		expect(screen.getByRole('heading', { name: 'My rewards' })).toBeTruthy();
		expect(screen.getByText('Nothing here yet.')).toBeTruthy();
		unmount();
		patchCustomer(v, { coupons: [COUPON] });
		render(<RedeemPage view={v} />);
		expect(screen.getByText(COUPON.code)).toBeTruthy();
	});

	it('My rewards shows a used code as used, with the date, and without Copy or Apply to cart; an unused one keeps both', () => {
		const v = makeView();
		const used = { ...COUPON, code: 'RW-5OFF-USED', status: 'used' as const, usedAt: '2026-03-04T18:00:00Z' };
		patchCustomer(v, { coupons: [{ ...COUPON, status: 'active' }, used] });
		render(<RedeemPage view={v} />);
		const ticket = (code: string) => screen.getByText(code).closest('li')!;
		expect(within(ticket(used.code)).getByText('Used on Mar 4, 2026')).toBeTruthy();
		expect(within(ticket(used.code)).queryAllByRole('button')).toHaveLength(0);
		expect(within(ticket(COUPON.code)).getByText('Mar 1, 2026')).toBeTruthy();
		expect(within(ticket(COUPON.code)).getByRole('button', { name: 'Copy' })).toBeTruthy();
		expect(within(ticket(COUPON.code)).getByRole('button', { name: 'Apply to cart' })).toBeTruthy();
	});

	it('a guest sees the catalogue with costs, marked members only', () => {
		render(<RedeemPage view={makeView({ member: false })} />);
		expect(within(rowOf('$10 off')).getByText('1,000 points')).toBeTruthy();
		expect(screen.queryAllByText('Members only')).toHaveLength(0);
		expect(screen.queryByRole('button', { name: 'Redeem' })).toBeNull();
	});
});
