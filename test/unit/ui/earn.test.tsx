import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { EarnPage } from '../../../src/ui/pages/EarnPage';
import { makeView, patchCustomer } from './support';

const rowOf = (title: string) => screen.getByText(title, { selector: 'b' }).closest('li')!;

describe('Earn page', () => {
	it('lists every rule with its points; orders per currency unit; the referral offer spelled out', () => {
		render(<EarnPage view={makeView()} />);
		expect(within(rowOf('Place an order')).getByText('5 points per $1')).toBeTruthy();
		expect(within(rowOf('Follow us on Instagram')).getByText('50 points')).toBeTruthy();
		expect(within(rowOf('Refer a friend')).getByText('Give $10, get 500 points')).toBeTruthy();
	});

	it('shows completed one-time actions as done', () => {
		const v = makeView();
		patchCustomer(v, { completedActions: ['signup', 'instagram_follow'] });
		render(<EarnPage view={v} />);
		expect(within(rowOf('Create an account')).getByText('Done')).toBeTruthy();
		expect(within(rowOf('Follow us on Instagram')).getByText('Done')).toBeTruthy();
		expect(within(rowOf('Follow us on Instagram')).queryByRole('link')).toBeNull();
	});

	it('Follow opens the https profile in a new tab without opener and shows the points the server awarded', async () => {
		const v = makeView();
		const earn = vi.fn().mockResolvedValue({ ruleKey: 'instagram_follow', awarded: 50, balance: 670, lifetimePoints: 930 });
		v.store.earn = earn;
		render(<EarnPage view={v} />);
		const link = within(rowOf('Follow us on Instagram')).getByRole('link', { name: 'Follow' });
		expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual([
			'https://www.instagram.com/shop/',
			'_blank',
			'noopener noreferrer',
		]);
		link.addEventListener('click', (event) => event.preventDefault());
		fireEvent.click(link);
		expect(earn).toHaveBeenCalledWith('instagram_follow');
		await within(rowOf('Follow us on Instagram')).findByText('+50 points');
	});

	it('a refused follow says why, from the server', async () => {
		const v = makeView();
		v.store.earn = vi.fn().mockRejectedValue({ code: 'already_completed', status: 409 });
		render(<EarnPage view={v} />);
		const link = within(rowOf('Follow us on Instagram')).getByRole('link', { name: 'Follow' });
		link.addEventListener('click', (event) => event.preventDefault());
		fireEvent.click(link);
		expect((await screen.findByRole('alert')).textContent).toBe('Already done.');
	});

	it('accepts only https: profile URLs', () => {
		const v = makeView();
		v.store.program.value.data!.earnRules[2].profileUrl = 'javascript:alert(1)';
		render(<EarnPage view={v} />);
		expect(within(rowOf('Follow us on Instagram')).queryByRole('link')).toBeNull();
	});

	it('birthday: checks the date, confirms it cannot change, then shows it locked', async () => {
		const v = makeView();
		const setBirthday = vi.fn(
			async (birthday: { month: number; day: number }) => void patchCustomer(v, { birthday, birthdayLockedUntil: '2027-03-01T00:00:00Z' }),
		);
		v.store.setBirthday = setBirthday;
		render(<EarnPage view={v} />);
		const row = within(rowOf('Celebrate your birthday'));
		fireEvent.change(row.getByLabelText('Month'), { target: { value: '2' } });
		fireEvent.input(row.getByLabelText('Day'), { target: { value: '30' } });
		fireEvent.click(row.getByRole('button', { name: 'Save' }));
		expect(row.getByRole('alert').textContent).toBe('Check what you entered.');
		expect(row.getByLabelText('Day').getAttribute('aria-invalid')).toBe('true');
		fireEvent.input(row.getByLabelText('Day'), { target: { value: '29' } });
		fireEvent.click(row.getByRole('button', { name: 'Save' }));
		expect(row.getByRole('alert').textContent).toBe('Save February 29? It can’t be changed later.');
		fireEvent.click(row.getByRole('button', { name: 'Confirm' }));
		expect(setBirthday).toHaveBeenCalledWith({ month: 2, day: 29, year: undefined });
		await within(rowOf('Celebrate your birthday')).findByText('February 29 (locked)');
	});

	it('birthday: a year in the future is refused; Cancel goes back to the form', () => {
		render(<EarnPage view={makeView()} />);
		const row = within(rowOf('Celebrate your birthday'));
		fireEvent.input(row.getByLabelText('Day'), { target: { value: '3' } });
		fireEvent.input(row.getByLabelText('Year (optional)'), { target: { value: String(new Date().getFullYear() + 1) } });
		fireEvent.click(row.getByRole('button', { name: 'Save' }));
		expect(row.getByRole('alert').textContent).toBe('Check what you entered.');
		fireEvent.input(row.getByLabelText('Year (optional)'), { target: { value: '1990' } });
		fireEvent.click(row.getByRole('button', { name: 'Save' }));
		expect(row.getByRole('alert').textContent).toBe('Save January 3, 1990? It can’t be changed later.');
		fireEvent.click(row.getByRole('button', { name: 'Cancel' }));
		expect(row.getByLabelText('Month')).toBeTruthy();
	});

	it('a guest sees the rules marked as members only, and a way in', () => {
		render(<EarnPage view={makeView({ member: false })} />);
		expect(screen.getAllByText('Members only')).toHaveLength(5);
		expect(screen.getByRole('link', { name: 'Join' })).toBeTruthy();
	});

	it('an empty program says so', () => {
		const v = makeView();
		v.store.program.value.data!.earnRules = [];
		render(<EarnPage view={v} />);
		expect(screen.getByText('Nothing here yet.')).toBeTruthy();
	});
});
