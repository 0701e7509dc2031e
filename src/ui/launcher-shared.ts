/*
The launcher has these functions already. In the panel build (vite.config.ts, shareLauncherModules),
every import of src/config/safe-url.ts and src/state/saved-key.ts from the panel's code resolves to
this file instead, whose functions call the launcher's copies, handed over as PanelHost.shared when
the panel mounts: the panel file does not ship them a second time. Elsewhere (the npm build, whose
panel chunk shares those modules with the launcher anyway, and the tests) imports resolve as written.
*/
import type { SharedModules } from './panel-host';

export let safeUrl: SharedModules['safeUrl'];
export let savedKey: SharedModules['savedKey'];

/** Called first thing when the panel mounts, before anything could call the functions above. */
export function adoptLauncherModules(modules: SharedModules) {
	({ safeUrl, savedKey } = modules);
}

// Not in the launcher (only the panel shares links): the panel's own copy.
export { encodedLink } from '../config/safe-url';
