import { existsSync } from 'node:fs';
import { findChromium } from '../../support/chromium';

// Fails the whole browser lane at once, with one clear line, rather than test by test.
export default function setup() {
	findChromium();
	if (!existsSync('dist/rewards.js') || !existsSync('dist/rewards-panel.js')) {
		throw new Error('dist/ is missing: run `npm run build` first (`npm test` does this for you).');
	}
}
