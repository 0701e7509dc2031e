import type { RewardsEventMap, RewardsEventName } from '../config/options';
import type { Report } from './report';

export type Listener<K extends RewardsEventName> = (detail: RewardsEventMap[K]) => void;

/**
The widget's events, delivered both as `rewards:<name>` CustomEvents on `window` and to
`Rewards.on()` listeners. A throwing listener is reported, and the others still run.
*/
export function createEventBus(report: Report) {
	const listeners = new Map<string, Set<Listener<never>>>();
	return {
		on<K extends RewardsEventName>(name: K, listener: Listener<K>) {
			if (typeof listener !== 'function') return;
			if (!listeners.has(name)) listeners.set(name, new Set());
			listeners.get(name)!.add(listener as Listener<never>);
		},
		off<K extends RewardsEventName>(name: K, listener: Listener<K>) {
			listeners.get(name)?.delete(listener as Listener<never>);
		},
		emit<K extends RewardsEventName>(name: K, detail: RewardsEventMap[K]) {
			for (const listener of [...(listeners.get(name) ?? [])]) {
				try {
					(listener as Listener<K>)(detail);
				} catch (error) {
					report(error);
				}
			}
			try {
				window.dispatchEvent(new CustomEvent(`rewards:${name}`, { detail }));
			} catch (error) {
				report(error);
			}
		},
		clear() {
			listeners.clear();
		},
	};
}

export type EventBus = ReturnType<typeof createEventBus>;
