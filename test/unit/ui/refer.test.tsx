import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferPage } from '../../../src/ui/pages/ReferPage';
import { makeView } from './support';

afterEach(() => vi.unstubAllGlobals());

describe('Refer page', () => {
	it('spells out the offer and shows the member’s link', () => {
		render(<ReferPage view={makeView()} />);
		expect(screen.getByRole('heading', { name: 'Give $10, get 500 points' })).toBeTruthy();
		expect((screen.getByLabelText('Your link') as HTMLInputElement).value).toBe('https://shop.example/?ref=SHOPPER1');
	});

	it('Copy copies the link, confirms on the button and to screen readers, and reports the share', async () => {
		const writeText = vi.fn().mockResolvedValue(undefined);
		vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
		const v = makeView();
		render(<ReferPage view={v} />);
		fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
		await screen.findByRole('button', { name: 'Copied' });
		expect(writeText).toHaveBeenCalledWith('https://shop.example/?ref=SHOPPER1');
		expect(v.announce).toHaveBeenCalledWith('Copied');
		expect(v.emit).toHaveBeenCalledWith('referral-shared', { channel: 'copy' });
	});

	it('without Web Share: an email with the prefilled message, reported', () => {
		const v = makeView();
		render(<ReferPage view={v} />);
		const message = encodeURIComponent('Get $10 off at Maple & Moss https://shop.example/?ref=SHOPPER1');
		const email = screen.getByRole('link', { name: 'Email' });
		expect(email.getAttribute('href')).toBe(`mailto:?body=${message}`);
		email.addEventListener('click', (event) => event.preventDefault());
		fireEvent.click(email);
		expect(v.emit).toHaveBeenCalledWith('referral-shared', { channel: 'email' });
	});

	it('uses the Web Share API where there is one', async () => {
		const share = vi.fn().mockResolvedValue(undefined);
		vi.stubGlobal('navigator', { ...navigator, share });
		const v = makeView();
		render(<ReferPage view={v} />);
		expect(screen.queryByRole('link', { name: 'Email' })).toBeNull();
		fireEvent.click(screen.getByRole('button', { name: 'Share' }));
		expect(share).toHaveBeenCalledWith({ text: 'Get $10 off at Maple & Moss https://shop.example/?ref=SHOPPER1' });
		await waitFor(() => expect(v.emit).toHaveBeenCalledWith('referral-shared', { channel: 'native' }));
	});

	it('a guest sees the offer and a way in, no link', () => {
		render(<ReferPage view={makeView({ member: false })} />);
		expect(screen.getByRole('heading', { name: 'Give $10, get 500 points' })).toBeTruthy();
		expect(screen.getByRole('link', { name: 'Join' })).toBeTruthy();
		expect(screen.queryByLabelText('Your link')).toBeNull();
	});

	it('a program without referrals says there is nothing here', () => {
		const v = makeView();
		v.store.program.value.data!.earnRules.pop();
		render(<ReferPage view={v} />);
		expect(screen.getByText('Nothing here yet.')).toBeTruthy();
	});
});
