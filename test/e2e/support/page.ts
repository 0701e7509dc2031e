import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';

export interface WatchedPage {
	page: Page;
	/** Uncaught exceptions and console errors raised on the page, for "the host sees no new errors". */
	errors: string[];
	warnings: string[];
	close(): Promise<void>;
}

/**
Opens `url` in a fresh context and records the page's console errors and uncaught exceptions.
`setup` runs before navigation (init scripts, request routes).
*/
export async function openPage(
	browser: Browser,
	url: string,
	options: BrowserContextOptions = {},
	setup?: (page: Page) => Promise<unknown>,
): Promise<WatchedPage> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await setup?.(page);
	const errors: string[] = [];
	const warnings: string[] = [];
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
		if (message.type() === 'warning') warnings.push(message.text());
	});
	await page.goto(url, { waitUntil: 'load' });
	return { page, errors, warnings, close: () => context.close() };
}

/** The launcher button inside the widget's shadow root (Playwright CSS pierces open shadow roots). */
export const launcher = (page: Page): Locator => page.locator('rewards-widget .launcher');
export const dialog = (page: Page): Locator => page.locator('rewards-widget [role="dialog"]');

/** What has focus, looking through the widget's shadow root. */
export function focusedElement(page: Page) {
	return page.evaluate(() => {
		let active = document.activeElement;
		while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
		return active
			? {
					tag: active.tagName.toLowerCase(),
					className: active.className,
					text: active.textContent?.trim() ?? '',
					label: active.getAttribute('aria-label'),
				}
			: null;
	});
}

/**
Resolves after the page has rendered two more frames: by then anything a click, a scroll or a DOM change set off
in the page (event handlers, microtasks, observers, layout) has run. For checks that something did NOT happen.
*/
export function afterFrames(page: Page): Promise<void> {
	return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** Counts a page's requests whose URL contains `part`, and how many are still in flight. */
export function watchRequests(page: Page, part: string) {
	const counts = { sent: 0, inFlight: 0 };
	page.on('request', (request) => {
		if (request.url().includes(part)) (counts.sent++, counts.inFlight++);
	});
	const settle = (request: { url(): string }) => {
		if (request.url().includes(part)) counts.inFlight--;
	};
	page.on('requestfinished', settle);
	page.on('requestfailed', settle);
	return counts;
}
