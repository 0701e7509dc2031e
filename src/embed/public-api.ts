import { guard } from './report';
import type { Runtime } from './runtime';

const METHODS = ['init', 'open', 'close', 'toggle', 'identify', 'logout', 'refresh', 'destroy', 'on', 'off'] as const;
type MethodName = (typeof METHODS)[number];

/** `window.Rewards`: callable as `Rewards('open', 'earn')` like the stub, and as `Rewards.open('earn')`. */
export type RewardsApi = ((method: MethodName, ...args: unknown[]) => unknown) & { [K in MethodName]: Runtime[K] } & {
	readonly version: string;
};

/** Wraps each runtime method so that no error, sync or async, escapes into the host page. */
export function createPublicApi(runtime: Runtime, version: string): RewardsApi {
	const call = (method: MethodName, ...args: unknown[]) => {
		if (!METHODS.includes(method)) {
			runtime.report(new Error(`Rewards(${JSON.stringify(method)}): unknown method`));
			return undefined;
		}
		return (api[method] as (...a: unknown[]) => unknown)(...args);
	};
	const api = call as RewardsApi;
	for (const method of METHODS) {
		Object.defineProperty(api, method, { value: guard(runtime.report, runtime[method] as (...a: unknown[]) => unknown), enumerable: true });
	}
	Object.defineProperty(api, 'version', { value: version, enumerable: true });
	return api;
}

/** Replays calls queued by the snippet stub, `init` first, then the rest in order. */
export function replayQueue(api: RewardsApi, queue: ArrayLike<ArrayLike<unknown>>) {
	const calls = Array.from(queue, (args) => Array.from(args));
	const ordered = [...calls.filter(([method]) => method === 'init'), ...calls.filter(([method]) => method !== 'init')];
	for (const [method, ...args] of ordered) api(method as MethodName, ...args);
}
