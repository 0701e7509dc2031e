import type { components } from '../../api/schema';

type ActivityEntry = components['schemas']['ActivityEntry'];

/**
The catalogue key that says what an activity entry was: one per kind, and for reversals why
(a refund, a cancellation, or a referral reward taken back) and for adjustments whether the
merchant gave a reason.
*/
export function activityMessageKey({ kind, reference }: Pick<ActivityEntry, 'kind' | 'reference'>): string {
	if (kind === 'reversal')
		return reference.friend ? 'activity_reversal_referral' : `activity_reversal_${reference.orderEvent ?? 'refunded'}`;
	if (kind === 'adjustment' && reference.note) return 'activity_adjustment_note';
	return `activity_${kind}`;
}
