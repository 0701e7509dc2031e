import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Flags for Debian's Chromium on this project's machines (no sandbox as root, no outbound calls). */
export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
Finds Chromium: $CHROME_PATH, then /usr/bin/chromium. When neither exists and we run as root,
installs Debian's package; otherwise fails with one line saying how. Browser tests never skip.
*/
export function findChromium(): string {
	const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter((path): path is string => !!path);
	const found = candidates.find((path) => existsSync(path));
	if (found) return found;
	if (process.getuid?.() === 0) {
		console.log('[e2e] Chromium not found; installing Debian package "chromium" with apt-get…');
		execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
			stdio: 'inherit',
		});
		if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	}
	throw new Error('Chromium not found: install it with `sudo apt-get install chromium` or set CHROME_PATH to a Chromium/Chrome binary.');
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
	return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, ...options });
}
