import type { components } from '../../../src/api/schema';
import { tierView } from '../program/program-view';
import type { Store } from '../program/store';

type Customer = components['schemas']['Customer'];

/** The tier earned by `lifetimePoints`, the next one and how far it is. */
export function tierStanding(
	store: Store,
	lifetimePoints: number,
	locale: string,
): Pick<Customer, 'tier' | 'nextTier' | 'pointsToNextTier'> {
	const reached = store.tiers.filter((tier) => tier.threshold <= lifetimePoints);
	const current = reached[reached.length - 1] ?? store.tiers[0];
	const next = store.tiers.find((tier) => tier.threshold > lifetimePoints);
	return {
		tier: tierView(store, current, locale),
		nextTier: next ? tierView(store, next, locale) : null,
		pointsToNextTier: next ? next.threshold - lifetimePoints : null,
	};
}
