// Entry of dist/rewards.js, the classic script a merchant pastes. It assigns window.Rewards itself
// (no named IIFE export, which would overwrite the snippet's queue) and defines no other global.
import { readDatasetOptions } from '../config/dataset';
import { importPanelChunk } from './panel-chunk';
import { createPublicApi, replayQueue, type RewardsApi } from './public-api';
import { log } from './report';
import { createRuntime } from './runtime';

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<ArrayLike<unknown>> };

const global = window as unknown as { Rewards?: RewardsApi | Stub };
const existing = global.Rewards;

if (existing && 'version' in existing) {
	log.warn('rewards.js is included more than once; only the first copy runs');
} else {
	try {
		const script = document.currentScript as HTMLScriptElement | null;
		// The panel chunk sits next to this file wherever the merchant hosts it.
		const panelUrl = new URL('rewards-panel.js', script?.src || location.href).href;
		const baseOptions = readDatasetOptions(script);
		const runtime = createRuntime({
			baseOptions,
			loadPanel: () => importPanelChunk(panelUrl),
		});
		const api = createPublicApi(runtime, __VERSION__);
		const queue = (existing as Stub | undefined)?.q ?? [];
		global.Rewards = api;
		const initQueued = Array.from(queue).some((args) => args[0] === 'init');
		if (!initQueued && baseOptions.store) api.init({});
		replayQueue(api, queue);
	} catch (error) {
		log.warn('could not start', error);
	}
}
