import type { components } from '../../api/schema';

type Reference = components['schemas']['ActivityReference'];

/**
The catalogue key that says what an activity entry was: one per kind, and for reversals why
(a refund, a cancellation, or a referral reward taken back) and for adjustments whether the
merchant gave a reason.
*/
export function activityMessageKey(
	kind: components['schemas']['ActivityKind'],
	friend?: string,
	note?: string,
	orderEvent?: Reference['orderEvent'],
): string {
	if (kind === 'reversal') return friend ? 'activity_reversal_referral' : `activity_reversal_${orderEvent ?? 'refunded'}`;
	if (kind === 'adjustment' && note) return 'activity_adjustment_note';
	return `activity_${kind}`;
}
