import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../support/chromium';
import { startTestServer, type TestServer } from '../../server/support/harness';
import { startFixture, type Fixture } from './fixture';

export interface ShopStage {
	browser: Browser;
	fixture: Fixture;
	server: TestServer;
}

/**
A test file's storefront: the fixture pages, a reference server that allows their origin, and one
Chromium, started before the file's tests and closed after them. The object fills in at beforeAll.
*/
export function shopStage(): ShopStage {
	const stage = {} as ShopStage;
	beforeAll(async () => {
		stage.fixture = await startFixture();
		[stage.server, stage.browser] = await Promise.all([startTestServer({ allowedOrigins: [stage.fixture.url] }), launchChromium()]);
		stage.fixture.values.API = stage.server.url;
	});
	afterAll(async () => {
		await stage.browser?.close();
		await stage.fixture?.close();
		await stage.server?.close();
	});
	return stage;
}
