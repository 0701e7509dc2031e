import { launcherLabel as en } from './en';
import { launcherLabel as fr } from './fr';
import { launcherLabel as it } from './it';
import { launcherLabel as pl } from './pl';

/**
The launcher's label in every locale. Only this one string per locale ships with the launcher;
the rest of each catalogue loads with the panel.
*/
export const LAUNCHER_LABELS: Record<string, string> = { en, fr, it, pl };
