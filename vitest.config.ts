import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

// Three lanes: component/unit tests in happy-dom, the reference server against its
// embedded database (and a real PostgreSQL when TEST_DATABASE_URL is set, as in CI),
// and end-to-end tests that drive Debian's Chromium against the built bundle.
const projects: TestProjectInlineConfiguration[] = [
	{
		extends: true,
		test: {
			name: 'unit',
			include: ['test/unit/**/*.test.{ts,tsx}'],
			environment: 'happy-dom',
			setupFiles: ['test/unit/setup.ts'],
		},
	},
	{
		extends: true,
		test: {
			name: 'server',
			include: ['test/server/**/*.test.ts'],
			environment: 'node',
			testTimeout: 60_000,
			hookTimeout: 60_000,
		},
	},
	{
		extends: true,
		test: {
			name: 'e2e',
			include: ['test/e2e/**/*.test.ts'],
			environment: 'node',
			globalSetup: ['test/e2e/support/global-setup.ts'],
			testTimeout: 90_000,
			hookTimeout: 90_000,
			// One browser at a time on a 2-core machine keeps timings honest and the run stable.
			fileParallelism: false,
		},
	},
];

if (process.env.TEST_DATABASE_URL) {
	projects.push({
		extends: true,
		test: {
			name: 'server-postgres',
			include: ['test/server/**/*.test.ts'],
			environment: 'node',
			testTimeout: 60_000,
			hookTimeout: 60_000,
			env: { REWARDS_TEST_DB: 'postgres' },
			// The real server is shared by every file of this lane; files create their own databases.
			fileParallelism: false,
		},
	});
}

export default defineConfig({
	test: {
		projects,
		reporters: ['default'],
	},
});
