import { ApiError } from '../../../src/api/errors';
import { signal } from '@preact/signals';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { PageName } from '../../../src/config/options';
import { PanelApp } from '../../../src/ui/PanelApp';
import type { View } from '../../../src/ui/view';
import { makeView } from './support';

function renderPanel(v: View, page: PageName = 'home') {
	return render(
		<PanelApp open={signal(true)} page={signal(page)} view={signal(v)} announcement={signal('Balance: 720 points')} onClose={vi.fn()} />,
	);
}

describe('panel states', () => {
	it('shows a skeleton, and no invented numbers, until the program and the customer are in', () => {
		const v = makeView();
		v.store.customer.value = { loading: true };
		const { container } = renderPanel(v);
		const body = container.querySelector('.panel-body')!;
		expect(body.querySelector('[aria-busy="true"]')).toBeTruthy();
		expect(body.textContent).toBe('Loading…');
	});

	it('shows a calm error with a retry when the data could not load', () => {
		const v = makeView({ member: false });
		v.store.program.value = { error: new ApiError('network', 0, 'test failure') };
		v.store.refresh = vi.fn();
		renderPanel(v, 'earn');
		expect(screen.getByRole('alert').textContent).toContain('You’re offline. Try again soon.');
		fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
		expect(v.store.refresh).toHaveBeenCalled();
	});

	it('a server failure without its own message gets the generic one', () => {
		const v = makeView({ member: false });
		v.store.program.value = { error: new ApiError('internal_error', 500, 'test failure') };
		renderPanel(v);
		expect(screen.getByRole('alert').textContent).toContain('We could not load your rewards just now. Your points are safe.');
	});

	it('keeps showing data while it refreshes', () => {
		const v = makeView();
		v.store.customer.value = { ...v.store.customer.value, loading: true };
		const { container } = renderPanel(v);
		expect(container.querySelector('.balance-amount')!.textContent).toBe('620 points');
	});

	it('has a polite live region in the dialog for announcements', () => {
		const { container } = renderPanel(makeView());
		const region = container.querySelector('[role="dialog"] > [role="status"]')!;
		expect(region.textContent).toBe('Balance: 720 points');
	});

	it('navigates between pages from the tabs', () => {
		const v = makeView();
		renderPanel(v);
		fireEvent.click(screen.getByRole('button', { name: 'Activity' }));
		expect(v.navigate).toHaveBeenCalledWith('activity');
	});
});
