import { signal } from '@preact/signals';
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '../../../src/ui/PanelApp';
import type { View } from '../../../src/ui/view';
import { answers, json, jwt, storeWith } from '../state/support';
import { makeView, PROGRAM } from './support';

afterEach(() => {
	vi.unstubAllGlobals();
	localStorage.clear();
	sessionStorage.clear();
});

const renderPanel = (v: View) =>
	render(<PanelApp open={signal(true)} page={signal('home')} view={signal(v)} announcement={signal('')} onClose={vi.fn()} />);

describe('panel: bad data and no connection', () => {
	it('says calmly that the shopper is offline, in a status region', async () => {
		const v = makeView();
		const { container } = renderPanel(v);
		const region = container.querySelector('.panel-body > [role="status"]')!;
		expect(region.textContent).toBe('');
		v.store.offline.value = true;
		await vi.waitFor(() => expect(region.textContent).toBe('You’re offline. Your points are safe; we’ll catch up when you’re back.'));
		// The rest of the panel stays as it was.
		expect(container.querySelector('.balance-amount')!.textContent).toBe('620 points');
	});

	it('an answer not of the contract’s shape is not shown: a friendly error with a retry, and onError hears of it', async () => {
		let broken = true;
		const { store, report } = storeWith({ customerToken: jwt('alice') }, (request) =>
			broken && request.url.endsWith('/customer') ? json(200, { balance: 'a lot' }) : answers(request),
		);
		const v = { ...makeView(), store };
		await store.refresh();
		expect(store.customer.value).toMatchObject({ data: undefined, error: { code: 'invalid_response', status: 0 } });
		expect(report.mock.calls).toEqual([[expect.objectContaining({ name: 'RewardsApiError', code: 'invalid_response', status: 0 })]]);
		renderPanel(v);
		expect(screen.getByRole('alert').textContent).toContain('We could not load your rewards just now. Your points are safe.');
		broken = false;
		fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
		await vi.waitFor(() => expect(screen.getAllByText('620 points').length).toBeGreaterThan(0));
		store.stop();
	});

	it('a friend whose gift’s answer was cut short gets the gift all the same, from the claim sent again with its key', async () => {
		const gift = {
			coupon: {
				code: 'GIFT-AAAA-BBBB',
				source: 'referral',
				rewardId: null,
				title: '$10 off your first order',
				kind: 'fixed_amount',
				amount: 1000,
				minOrderAmount: 4000,
				currency: 'USD',
				createdAt: '2026-03-01T10:00:00Z',
			},
		};
		let claims = 0;
		const { store, posts } = storeWith({}, (request) => {
			if (!request.url.endsWith('/referrals/claim')) return answers(request);
			// The server claimed the first time too; only its answer broke on the way.
			return ++claims == 1
				? new Response('{"coupon":{"co', { status: 201, headers: { 'content-type': 'application/json' } })
				: json(201, gift);
		});
		store.program.value = { data: structuredClone(PROGRAM) };
		renderPanel({ ...makeView({ member: false, referral: 'FRIEND1' }), store });
		// The form shows once the code is looked up (answers: a known code).
		fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'friend@example.com' } });
		fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
		await screen.findByText('GIFT-AAAA-BBBB');
		expect(screen.queryByRole('alert')).toBeNull();
		const keys = posts('/referrals/claim').map((request) => request.headers.get('idempotency-key'));
		expect(keys).toEqual([keys[0], keys[0]]);
		store.stop();
	});
});
