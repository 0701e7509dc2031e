import type { ApiClient, EngagementEvent } from '../api/client';

/**
Engagement events (launcher_open, earn_click, redemption, referral_share), sent in batches a
moment after the first one so a burst of clicks costs one request. Losing one is harmless.
*/
export function createTracker(api: ApiClient, report: (error: unknown) => void) {
	let queue: EngagementEvent[] = [];
	return (type: EngagementEvent['type'], data?: EngagementEvent['data']) => {
		if (!queue.length)
			setTimeout(() => {
				api.recordEvents(queue).catch(report);
				queue = [];
			}, 1000);
		queue.push({ type, data, occurredAt: new Date().toISOString() });
	};
}
