import { ApiError } from '../../../src/api/errors';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ActivityPage } from '../../../src/ui/pages/ActivityPage';
import { ACTIVITY, makeView } from './support';

function viewWithActivity(state: Parameters<typeof makeView>[0] = {}) {
	const v = makeView(state);
	v.store.loadActivity = vi.fn();
	return v;
}

describe('Activity page', () => {
	it('loads the first page when shown, and shows a skeleton without numbers meanwhile', () => {
		const v = viewWithActivity();
		v.store.activity.value = { loading: true };
		const { container } = render(<ActivityPage view={v} />);
		expect(v.store.loadActivity).toHaveBeenCalled();
		expect(container.querySelector('[aria-busy="true"]')!.textContent).toBe('Loading…');
		expect(container.textContent).not.toMatch(/\d/);
	});

	it('shows the ledger in words, dated, with signed points', () => {
		const v = viewWithActivity();
		v.store.activity.value = { data: ACTIVITY, next: null };
		render(<ActivityPage view={v} />);
		const rows = screen.getAllByRole('listitem').map((item) => item.textContent);
		expect(rows).toEqual(['Redeemed $5 offMar 1, 2026-500', 'Birthday bonusFeb 14, 2026+200', 'Order $60Jan 5, 2026+300']);
		expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
	});

	it('loads more pages on demand', () => {
		const v = viewWithActivity();
		v.store.activity.value = { data: ACTIVITY, next: 'cursor-2' };
		render(<ActivityPage view={v} />);
		fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
		expect(v.store.loadActivity).toHaveBeenLastCalledWith(true);
	});

	it('has an empty state', () => {
		const v = viewWithActivity();
		v.store.activity.value = { data: [], next: null };
		render(<ActivityPage view={v} />);
		expect(screen.getByText('Nothing here yet.')).toBeTruthy();
	});

	it('has an error state with a retry', () => {
		const v = viewWithActivity();
		v.store.activity.value = { error: new ApiError('network', 0, 'test failure') };
		render(<ActivityPage view={v} />);
		expect(screen.getByRole('alert').textContent).toContain('You’re offline. Try again soon.');
		fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
		expect(v.store.loadActivity).toHaveBeenCalledTimes(2);
	});

	it('a failed "load more" keeps the entries and says why', () => {
		const v = viewWithActivity();
		v.store.activity.value = { data: ACTIVITY, next: 'cursor-2', error: new ApiError('timeout', 0, 'test failure') };
		render(<ActivityPage view={v} />);
		expect(screen.getAllByRole('listitem')).toHaveLength(3);
		expect(screen.getByRole('alert').textContent).toBe('No answer. Try again.');
	});

	it('asks a guest to join or sign in', () => {
		const v = viewWithActivity({ member: false });
		render(<ActivityPage view={v} />);
		expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
		expect(v.store.loadActivity).not.toHaveBeenCalled();
	});
});
