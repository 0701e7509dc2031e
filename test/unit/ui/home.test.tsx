import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HomePage } from '../../../src/ui/pages/HomePage';
import { ApiError } from '../../../src/api/errors';
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
		expect(screen.queryAllByText('Members only')).toHaveLength(0);
		expect(screen.getAllByRole('link', { name: 'Join' })).toHaveLength(1);
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

	it('the referral card leads to Refer (Home no longer repeats the tabs as shortcuts)', () => {
		const v = makeView();
		render(<HomePage view={v} />);
		fireEvent.click(screen.getByRole('button', { name: 'Refer' }));
		expect(v.navigate).toHaveBeenLastCalledWith('refer');
	});

	it('welcomes a referred visitor; the claim shows the coupon, or the server’s reason', async () => {
		const v = makeView({ member: false, referral: 'FRIEND1' });
		const claim = vi
			.fn()
			.mockRejectedValueOnce({ code: 'self_referral', status: 409 })
			.mockResolvedValueOnce({ coupon: { ...COUPON, source: 'referral', title: '$10 off your first order' } });
		v.store.claimReferral = claim;
		v.store.checkReferral = vi.fn().mockResolvedValue({ code: 'FRIEND1' });
		render(<HomePage view={v} />);
		expect(await screen.findByRole('heading', { name: 'Your friend sent you $10 off' })).toBeTruthy();
		expect(v.store.checkReferral).toHaveBeenCalledWith('FRIEND1');
		fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'me@example.com' } });
		fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
		await screen.findByText('That’s your own link.');
		expect(claim).toHaveBeenCalledWith('FRIEND1', 'me@example.com');
		fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'friend@example.com' } });
		fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
		await screen.findByText(COUPON.code);
		expect(screen.getByRole('button', { name: 'Apply to cart' })).toBeTruthy();
	});

	it('says at once that a referral code the server does not know is not valid, promising nothing', async () => {
		const v = makeView({ member: false, referral: 'NOSUCH1' });
		let refuse!: (error: unknown) => void;
		v.store.checkReferral = () => new Promise((_, reject) => (refuse = reject));
		render(<HomePage view={v} />);
		// Nothing is promised while the code is looked up.
		expect(screen.queryByText(/Your friend sent you/)).toBeNull();
		refuse(new ApiError('unknown_referral', 404, 'GET …/referrals/NOSUCH1'));
		expect(await screen.findByText('This referral link is not valid: there is no gift to claim.')).toBeTruthy();
		expect(screen.queryByText(/Your friend sent you/)).toBeNull();
		expect(screen.queryByLabelText('Email')).toBeNull();
	});

	it('keeps the claim form when the lookup fails otherwise (no connection, or an API without it)', async () => {
		for (const code of ['network', 'not_found']) {
			const v = makeView({ member: false, referral: 'FRIEND1' });
			v.store.checkReferral = vi.fn().mockRejectedValue(new ApiError(code, code == 'network' ? 0 : 404, 'GET …/referrals/FRIEND1'));
			const { unmount } = render(<HomePage view={v} />);
			expect(await screen.findByRole('heading', { name: 'Your friend sent you $10 off' })).toBeTruthy();
			expect(screen.getByLabelText('Email')).toBeTruthy();
			unmount();
		}
	});

	it('shows a changed balance at once', async () => {
		const v = makeView();
		const { container } = render(<HomePage view={v} />);
		const shown = () => container.querySelector('.balance-amount')!.textContent;
		expect(shown()).not.toBe('720 points');
		patchCustomer(v, { balance: 720 });
		await waitFor(() => expect(shown()).toBe('720 points'));
	});
});
