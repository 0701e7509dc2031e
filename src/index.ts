// The npm entry: `import { init, open } from 'openrewards'`. One widget per page, like the script tag.
import { createPublicApi } from './embed/public-api';
import { createRuntime } from './embed/runtime';

const api = createPublicApi(createRuntime({ loadPanel: () => import('./ui/panel') }), __VERSION__);

export const { init, open, close, toggle, identify, logout, refresh, destroy, on, off, version } = api;

export type { RewardsApi } from './embed/public-api';
export type {
	ColorScheme,
	IdentifyOptions,
	LauncherPosition,
	OffsetOptions,
	PageName,
	RewardsEventMap,
	RewardsEventName,
	RewardsOptions,
	ShowOn,
	SignedCustomer,
	ThemeOptions,
} from './config/options';
