/*
The launcher has these functions already. In the panel build (vite.config.ts, shareLauncherModules),
every import of src/config/safe-url.ts, src/state/saved-key.ts and src/config/launcher-icons.ts from the panel's code resolves to
this file instead, whose functions call the launcher's copies, handed over as PanelHost.shared when
the panel mounts: the panel file does not ship them a second time. Elsewhere (the npm build, whose
panel chunk shares those modules with the launcher anyway, and the tests) imports resolve as written.
*/
import type { SharedModules } from './panel-host';

export let safeUrl: SharedModules['safeUrl'];
export let savedKey: SharedModules['savedKey'];
export let LAUNCHER_ICONS: SharedModules['launcherIcons'];

/** Called first thing when the panel mounts, before anything could call the functions above. */
export function adoptLauncherModules(modules: SharedModules) {
	({ safeUrl, savedKey, launcherIcons: LAUNCHER_ICONS } = modules);
}

// Not in the launcher (only the panel shares links): the panel's own copy.
export { encodedLink } from '../config/safe-url';
