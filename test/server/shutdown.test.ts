import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../demo/server/app';
import { spawnServer, sharedStorage } from './support/child-server';
import { startTestServer, storePath } from './support/harness';
import { slowUpload } from './support/slow-upload';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('graceful shutdown', () => {
	it('on SIGTERM stops accepting, finishes the request in flight, closes the database and exits 0', async () => {
		const storage = await sharedStorage();
		cleanups.push(storage.dispose);
		const child = await spawnServer(storage.env);
		cleanups.push(async () => child.process.kill('SIGKILL'));

		const marker = `shutdown-${Date.now()}`;
		const upload = slowUpload(
			`${child.url}${storePath('/events')}`,
			JSON.stringify({ events: [{ type: 'launcher_open', data: { marker } }] }),
		);
		await upload.accepted;
		child.process.kill('SIGTERM');
		// New connections are refused as soon as the signal is handled...
		await expect
			.poll(
				() =>
					fetch(`${child.url}/healthz`).then(
						() => 'accepting',
						() => 'refusing',
					),
				{ timeout: 10_000, interval: 100 },
			)
			.toBe('refusing');
		// ...while the process waits for the request still in flight.
		expect(child.process.exitCode).toBeNull();

		upload.finish();
		expect(await upload.status).toBe(202);
		expect(await child.exited).toBe(0);
		expect(child.output()).toContain('SIGTERM: draining');

		// The event committed before the database closed, and the data opens cleanly again.
		const reopened = await startServer({ port: 0, rateLimit: false, ...storage.options });
		cleanups.push(() => reopened.close());
		expect(await reopened.query(`select type from events where data->>'marker' = $1`, [marker])).toEqual([{ type: 'launcher_open' }]);
	});

	it('cuts requests still running after the drain timeout', async () => {
		const server = await startTestServer({ drainTimeoutMs: 300 });
		const stuck = slowUpload(`${server.url}${storePath('/events')}`, JSON.stringify({ events: [{ type: 'launcher_open' }] }));
		const cut = stuck.status.then(
			() => false,
			() => true,
		);
		await stuck.accepted;
		const started = Date.now();
		await server.close();
		expect(Date.now() - started).toBeLessThan(3000);
		expect(await cut).toBe(true);
	});
});
