import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../../src/api/schema';
import en from '../../../src/i18n/en';
import fr from '../../../src/i18n/fr';
import type { Catalogue } from '../../../src/i18n/message';
import pl from '../../../src/i18n/pl';
import { createTranslator } from '../../../src/i18n/translate';
import { HomePage } from '../../../src/ui/pages/HomePage';
import { ActivityPage } from '../../../src/ui/pages/ActivityPage';
import { expiryWarning } from '../../../src/ui/parts/expiry-warning';
import { makeView, patchCustomer, type TestView } from './support';

type ActivityEntry = components['schemas']['ActivityEntry'];

const ENTRIES: ActivityEntry[] = [
	{ id: '9', kind: 'expiry', points: -40, reference: {}, createdAt: '2026-05-01T00:00:00Z' },
	{ id: '8', kind: 'adjustment', points: -30, reference: { note: 'Duplicate order' }, createdAt: '2026-04-03T00:00:00Z' },
	{ id: '7', kind: 'adjustment', points: 25, reference: {}, createdAt: '2026-04-02T00:00:00Z' },
	{
		id: '6',
		kind: 'reversal',
		points: -500,
		reference: { orderId: 'ord-77', friend: 'd***@example.com', orderEvent: 'cancelled' },
		createdAt: '2026-04-01T00:00:00Z',
	},
	{
		id: '5',
		kind: 'reversal',
		points: -300,
		reference: { orderId: 'ord-1002', orderEvent: 'cancelled' },
		createdAt: '2026-03-02T00:00:00Z',
	},
	{
		id: '4',
		kind: 'reversal',
		points: -120,
		reference: { orderId: '820982911946154508', orderName: '#1001', orderEvent: 'refunded' },
		createdAt: '2026-03-01T00:00:00Z',
	},
];

function inLocale(v: TestView, locale: 'fr' | 'pl', catalogue: unknown) {
	v.t = createTranslator(locale, catalogue as Catalogue, en);
	v.locale = locale;
}

function activityRows(v: TestView) {
	v.store.loadActivity = vi.fn();
	v.store.activity.value = { data: ENTRIES, next: null };
	render(<ActivityPage view={v} />);
	return screen.getAllByRole('listitem').map((item) => item.textContent);
}

describe('activity: reversals, expiry and adjustments', () => {
	it('says in English what happened, with the order name (else its id) and the merchant’s reason', () => {
		const text = activityRows(makeView());
		expect(text).toHaveLength(6);
		expect(text[0]).toMatch(/^Points expired.*-40$/);
		expect(text[1]).toMatch(/^Adjustment: Duplicate order.*-30$/);
		expect(text[2]).toMatch(/^Adjustment(?!:).*\+25$/);
		expect(text[3]).toMatch(/^Referral of d\*\*\*@example\.com withdrawn.*-500$/);
		expect(text[4]).toMatch(/^Order ord-1002 cancelled.*-300$/);
		expect(text[5]).toMatch(/^Order #1001 refunded.*-120$/);
	});

	it('says it in the shopper’s language', () => {
		const v = makeView();
		inLocale(v, 'fr', fr);
		const text = activityRows(v);
		expect(text[0]).toContain('Points expirés');
		expect(text[1]).toContain('Ajustement\u00a0: Duplicate order');
		expect(text[5]).toContain('Commande #1001 remboursée');
	});
});

describe('home: the expiry warning', () => {
	afterEach(() => vi.useRealTimers());

	it('warns within 30 days: “120 points expire on March 1”', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-02-20T12:00:00Z'));
		const v = makeView();
		patchCustomer(v, { expiringPoints: { points: 120, date: '2026-03-01T09:30:00.000Z' } });
		render(<HomePage view={v} />);
		expect(screen.getByRole('note').textContent).toBe('120 points expire on March 1');
	});

	it('warns in Polish with its plural forms', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-02-20T12:00:00Z'));
		const v = makeView();
		inLocale(v, 'pl', pl);
		patchCustomer(v, { expiringPoints: { points: 120, date: '2026-03-01T09:30:00.000Z' } });
		render(<HomePage view={v} />);
		expect(screen.getByRole('note').textContent).toBe('120 punktów wygaśnie 1 marca');
	});

	it('stays quiet when nothing expires or the date is more than 30 days away', () => {
		const v = makeView();
		patchCustomer(v, { expiringPoints: null });
		render(<HomePage view={v} />);
		expect(screen.queryByRole('note')).toBeNull();
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(expiryWarning({ expiringPoints: { points: 5, date: '2026-02-01T00:00:00Z' } }, now)).toBeNull();
		expect(expiryWarning({ expiringPoints: { points: 5, date: '2026-01-30T00:00:00Z' } }, now)).toEqual({
			points: 5,
			date: '2026-01-30T00:00:00Z',
		});
		expect(expiryWarning({}, now)).toBeNull();
	});
});
