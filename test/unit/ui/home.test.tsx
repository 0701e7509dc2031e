import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HomePage } from '../../../src/ui/pages/HomePage';
import { COUPON, makeView, patchCustomer } from './support';

describe('Home page', () => {
	it('a guest sees the program at a glance, Join and Sign in to the merchant URLs, all marked members only', () => {
		const v = makeView({ member: false });
		render(<HomePage view={v} />);
		expect(screen.getByRole('link', { name: 'Join' }).getAttribute('href')).toBe('https://shop.example/account/register');
		expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('https://shop.example/account/login');
		expect(screen.getByText('5 points per $1')).toBeTruthy();
		expect(screen.getByText('Free shipping')).toBeTruthy();
		expect(screen.getByRole('heading', { name: 'Give $10, get 500 points' })).toBeTruthy();
		expect(screen.getAllByText('Members only')).toHaveLength(9);
		expect(screen.queryByRole('button', { name: 'Redeem' })).toBeNull();
	});

	it('a Join or Sign in URL with a script-bearing scheme from the program never becomes a link', () => {
		const v = makeView({ member: false });
		v.store.program.value = {
			...v.store.program.value,
			data: { ...v.store.program.value.data!, joinUrl: 'javascript:alert(1)', signInUrl: ' data:text/html,x' },
		};
		render(<HomePage view={v} />);
		expect(screen.queryByRole('link', { name: 'Join' })).toBeNull();
		expect(screen.queryByRole('link', { name: 'Sign in' })).toBeNull();
		expect(document.querySelector('a[href^="javascript:"], a[href*="data:"]')).toBeNull();
	});

	it('after an ended session a guest is asked to sign in again', () => {
		const v = makeView({ member: false });
		v.store.expired.value = true;
		render(<HomePage view={v} />);
		expect(screen.getByRole('alert').textContent).toBe('Please sign in again.');
	});

	it('a member sees the balance, the tier with progress to the next, and a nudge to what they can redeem', () => {
		const v = makeView();
		const { container } = render(<HomePage view={v} />);
		expect(container.querySelector('.balance-amount')!.textContent).toBe('620 points');
		expect(screen.getByText('Bronze')).toBeTruthy();
		const progress = screen.getByRole('progressbar', { name: '120 points to Silver' }) as HTMLProgressElement;
		expect([progress.value, progress.max]).toEqual([880, 1000]);
		expect(screen.getByText('You can redeem Turn points into dollars now')).toBeTruthy();
	});

	it('the nudge names the points still missing for the nearest reward', () => {
		const v = makeView();
		patchCustomer(v, { balance: 380 });
		render(<HomePage view={v} />);
		expect(screen.getByText('120 points until $5 off')).toBeTruthy();
	});

	it('shortcuts go to Earn, Redeem and Refer', () => {
		const v = makeView();
		render(<HomePage view={v} />);
		for (const [name, page] of [
			['Earn', 'earn'],
			['Redeem', 'redeem'],
			['Refer', 'refer'],
		]) {
			fireEvent.click(screen.getByRole('button', { name }));
			expect(v.navigate).toHaveBeenLastCalledWith(page);
		}
	});

	it('welcomes a referred visitor; the claim shows the coupon, or the server’s reason', async () => {
		const v = makeView({ member: false, referral: 'FRIEND1' });
		const claim = vi
			.fn()
			.mockRejectedValueOnce({ code: 'self_referral', status: 409 })
			.mockResolvedValueOnce({ coupon: { ...COUPON, source: 'referral', title: '$10 off your first order' } });
		v.store.claimReferral = claim;
		render(<HomePage view={v} />);
		expect(screen.getByRole('heading', { name: 'Your friend sent you $10 off' })).toBeTruthy();
		fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'me@example.com' } });
		fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
		await screen.findByText('That’s your own link.');
		expect(claim).toHaveBeenCalledWith('FRIEND1', 'me@example.com');
		fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'friend@example.com' } });
		fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
		await screen.findByText(COUPON.code);
		expect(screen.getByRole('button', { name: 'Apply to cart' })).toBeTruthy();
	});

	it('counts the balance up when it changes, unless reduced motion is preferred', async () => {
		const v = makeView();
		const frames: FrameRequestCallback[] = [];
		vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
		vi.stubGlobal('cancelAnimationFrame', () => {});
		vi.stubGlobal('matchMedia', () => ({ matches: false }));
		const { container } = render(<HomePage view={v} />);
		patchCustomer(v, { balance: 720 });
		await waitFor(() => expect(frames.length).toBeGreaterThan(0));
		expect(container.querySelector('.balance-amount')!.textContent).not.toBe('720 points');
		const start = performance.now();
		frames.splice(0).forEach((frame) => frame(start + 1000));
		await waitFor(() => expect(container.querySelector('.balance-amount')!.textContent).toBe('720 points'));

		vi.stubGlobal('matchMedia', () => ({ matches: true }));
		patchCustomer(v, { balance: 820 });
		await waitFor(() => expect(container.querySelector('.balance-amount')!.textContent).toBe('820 points'));
		cleanup();
		vi.unstubAllGlobals();
	});
});
