import type { components } from '../../api/schema';

/** How far ahead the panel warns that points will expire. */
export const EXPIRY_WARNING_DAYS = 30;

/** The points to warn about and their date, when they expire within EXPIRY_WARNING_DAYS of `now`; else null. */
export function expiryWarning(customer: Pick<components['schemas']['Customer'], 'expiringPoints'>, now = Date.now()) {
	const expiring = customer.expiringPoints;
	if (!expiring) return null;
	const due = Date.parse(expiring.date);
	return due - now <= EXPIRY_WARNING_DAYS * 86_400_000 ? expiring : null;
}
