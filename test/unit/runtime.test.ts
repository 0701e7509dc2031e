import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPublicApi, replayQueue } from '../../src/embed/public-api';
import { createRuntime } from '../../src/embed/runtime';
import type { MountPanel, PanelController } from '../../src/ui/panel-host';

const options = { store: 'pk_demo', api: 'https://loyalty.example.com' };

function panelSpy() {
	const controller: PanelController = {
		open: vi.fn(),
		close: vi.fn(),
		isOpen: vi.fn(() => false),
		update: vi.fn(),
		identify: vi.fn(),
		refresh: vi.fn(async () => {}),
		destroy: vi.fn(),
	};
	const mountPanel = vi.fn<MountPanel>(() => controller);
	return { controller, mountPanel, loadPanel: vi.fn(async () => ({ mountPanel })) };
}

const hosts = () => document.querySelectorAll('rewards-widget');

describe('runtime', () => {
	let api: ReturnType<typeof createPublicApi> | undefined;
	afterEach(() => {
		api?.destroy();
		vi.restoreAllMocks();
	});

	it('mounts one launcher in an open shadow root and emits ready', async () => {
		const panel = panelSpy();
		api = createPublicApi(createRuntime({ loadPanel: panel.loadPanel }), 'test');
		const ready = vi.fn();
		window.addEventListener('rewards:ready', ready, { once: true });
		api.init(options);
		expect(hosts()).toHaveLength(1);
		await Promise.resolve();
		const root = hosts()[0].shadowRoot!;
		const launcher = root.querySelector('button.launcher')!;
		expect(launcher.textContent).toBe('Rewards');
		expect(launcher.getAttribute('aria-expanded')).toBe('false');
		expect(ready).toHaveBeenCalledTimes(1);
		// The launcher alone never loads the panel code.
		expect(panel.loadPanel).not.toHaveBeenCalled();
	});

	it('keeps the page untouched and logs one error naming the option when config is invalid', () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		api = createPublicApi(createRuntime({ loadPanel: panelSpy().loadPanel }), 'test');
		expect(() => api!.init({ ...options, position: 'middle' as never })).not.toThrow();
		expect(hosts()).toHaveLength(0);
		expect(error).toHaveBeenCalledTimes(1);
		expect(String(error.mock.calls[0][0])).toContain('"position"');
	});

	it('updates on a second init instead of mounting again', () => {
		api = createPublicApi(createRuntime({ loadPanel: panelSpy().loadPanel }), 'test');
		api.init(options);
		api.init({ position: 'bottom-left', text: { en: { launcherLabel: 'Perks' } } });
		expect(hosts()).toHaveLength(1);
		expect((hosts()[0] as HTMLElement).dataset.position).toBe('bottom-left');
		expect(hosts()[0].shadowRoot!.querySelector('.launcher')!.textContent).toBe('Perks');
	});

	it('applies a later init({ colorScheme }) to the host at once, with or without the panel (its palette reads data-scheme)', () => {
		api = createPublicApi(createRuntime({ loadPanel: panelSpy().loadPanel }), 'test');
		api.init({ ...options, colorScheme: 'light' });
		const host = hosts()[0] as HTMLElement;
		expect(host.dataset.scheme).toBe('light');
		api.init({ colorScheme: 'dark' });
		expect(host.dataset.scheme).toBe('dark');
		api.init({ colorScheme: 'light' });
		expect(host.dataset.scheme).toBe('light');
	});

	it("hands the panel the launcher's own safeUrl, savedKey and icon paths", async () => {
		const panel = panelSpy();
		api = createPublicApi(createRuntime({ loadPanel: panel.loadPanel }), 'test');
		api.init(options);
		api.open();
		await vi.waitFor(() => expect(panel.mountPanel).toHaveBeenCalledTimes(1));
		const { shared } = panel.mountPanel.mock.calls[0][0];
		expect(shared.safeUrl('javascript:alert(1)')).toBeUndefined();
		expect(shared.savedKey('pk_demo', 'id=7&email=a%40example.com', 'customer')).toBe('rewards:pk_demo:7:customer');
		expect(Object.keys(shared.launcherIcons)).toEqual(['gift', 'star', 'heart']);
	});

	it('loads the panel on click and opens the requested page', async () => {
		const panel = panelSpy();
		api = createPublicApi(createRuntime({ loadPanel: panel.loadPanel }), 'test');
		api.init(options);
		api.open('redeem');
		await vi.waitFor(() => expect(panel.controller.open).toHaveBeenCalledWith('redeem'));
		expect(panel.mountPanel).toHaveBeenCalledTimes(1);
		expect(panel.mountPanel.mock.calls[0][0].launcher).toBe(hosts()[0].shadowRoot!.querySelector('.launcher'));
	});

	it('destroy removes every node and lets init start afresh', () => {
		const panel = panelSpy();
		api = createPublicApi(createRuntime({ loadPanel: panel.loadPanel }), 'test');
		api.init(options);
		api.destroy();
		expect(hosts()).toHaveLength(0);
		api.init(options);
		expect(hosts()).toHaveLength(1);
	});

	it('catches a throwing listener and onError, and keeps calling the others', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const onError = vi.fn(() => {
			throw new Error('merchant bug');
		});
		api = createPublicApi(createRuntime({ loadPanel: panelSpy().loadPanel }), 'test');
		const second = vi.fn();
		api.on('ready', () => {
			throw new Error('listener bug');
		});
		api.on('ready', second);
		expect(() => api!.init({ ...options, onError })).not.toThrow();
		await Promise.resolve();
		expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener bug' }));
		expect(second).toHaveBeenCalled();
	});

	it('replays stub calls with init first, then in order', async () => {
		const panel = panelSpy();
		api = createPublicApi(createRuntime({ loadPanel: panel.loadPanel }), 'test');
		const order: string[] = [];
		replayQueue(api, [
			['on', 'ready', () => order.push('ready')],
			['open', 'earn'],
			['init', options],
		]);
		await vi.waitFor(() => expect(panel.controller.open).toHaveBeenCalledWith('earn'));
		expect(hosts()).toHaveLength(1);
		expect(order).toEqual(['ready']);
	});

	it('puts styles in <style nonce> elements when a nonce is given, constructable sheets otherwise', () => {
		api = createPublicApi(createRuntime({ loadPanel: panelSpy().loadPanel }), 'test');
		api.init({ ...options, nonce: 'abc123' });
		const root = hosts()[0].shadowRoot!;
		const styles = [...root.querySelectorAll('style')];
		expect(styles.length).toBeGreaterThanOrEqual(3);
		expect(styles.every((style) => style.nonce === 'abc123')).toBe(true);
		expect(root.adoptedStyleSheets).toHaveLength(0);
		api.destroy();
		api.init(options);
		expect(hosts()[0].shadowRoot!.querySelectorAll('style')).toHaveLength(0);
		expect(hosts()[0].shadowRoot!.adoptedStyleSheets.length).toBeGreaterThanOrEqual(3);
	});

	it('carries init() theme values as custom properties on :host', () => {
		api = createPublicApi(createRuntime({ loadPanel: panelSpy().loadPanel }), 'test');
		api.init({ ...options, nonce: 'n', theme: { primary: '#0a7d4f', radius: 4 }, offset: { y: 90 }, zIndex: 50 });
		const css = [...hosts()[0].shadowRoot!.querySelectorAll('style')].map((style) => style.textContent).join('\n');
		expect(css).toContain('--rewards-primary:#0a7d4f');
		expect(css).toContain('--rewards-radius:4px');
		expect(css).toContain('--rewards-offset-y:90px');
		expect(css).toContain('--rewards-z-index:50');
	});

	it('answers unknown methods without throwing', () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		api = createPublicApi(createRuntime({ loadPanel: panelSpy().loadPanel }), 'test');
		expect(() => (api as unknown as (m: string) => void)('explode')).not.toThrow();
	});
});
