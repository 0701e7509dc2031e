// The live preview: the real dist/rewards.js (served at /admin/widget/) on a page of its own, framed
// by the program editor. The widget asks its API for the program; this page answers with the draft
// the editor sent (already rendered by the server's preview endpoint), so what shows is exactly what
// the widget would show once saved. Nothing reaches the API: no engagement events are counted.
import type { PublicProgram } from './api';
import { PREVIEW_API_PATH, PREVIEW_STORE_KEY, type PreviewMessage } from './preview-protocol';

interface RewardsGlobal {
	init(options: Record<string, unknown>): void;
	open(page?: string): void;
	destroy(): void;
}

const status = document.getElementById('preview-status')!;
let draft: { program: PublicProgram; locale: string } | undefined;
let widgetLoaded: Promise<void> | undefined;

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'Content-Type': 'application/json', 'Content-Language': draft?.locale ?? 'en' },
	});

const apiPrefix = `${location.origin}${PREVIEW_API_PATH}/v1/stores/${PREVIEW_STORE_KEY}/`;
const realFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
	const url = input instanceof Request ? input.url : String(input);
	if (!url.startsWith(apiPrefix)) return realFetch(input, init);
	const path = url.slice(apiPrefix.length).split('?')[0];
	if (path === 'program') return draft ? json(200, draft.program) : json(503, { error: { code: 'unavailable', message: 'No draft yet.' } });
	if (path === 'events') return json(202, { accepted: 0 });
	return json(404, { error: { code: 'not_found', message: 'The preview shows the program as a guest sees it.' } });
};

// The launcher counts its impression with a beacon, not fetch: it is taken here too, and not sent.
const realBeacon = navigator.sendBeacon.bind(navigator);
navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => String(url).startsWith(apiPrefix) || realBeacon(url, data);

function loadWidget(): Promise<void> {
	widgetLoaded ??= new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = '/admin/widget/rewards.js';
		script.onload = () => resolve();
		script.onerror = () => reject(new Error('rewards.js did not load'));
		document.head.append(script);
	});
	return widgetLoaded;
}

async function show(next: { program: PublicProgram; locale: string }) {
	draft = next;
	// The widget keeps the program it read in localStorage to paint at once next time; a preview
	// must show the draft, never an older one.
	for (const key of Object.keys(localStorage)) if (key.startsWith(`rewards:${PREVIEW_STORE_KEY}:`)) localStorage.removeItem(key);
	try {
		await loadWidget();
	} catch {
		status.textContent = 'The widget (rewards.js) could not be loaded: run `npm run build`.';
		return;
	}
	const rewards = (window as unknown as { Rewards: RewardsGlobal }).Rewards;
	rewards.destroy();
	// The brand colour goes in as init's theme too: the same value the widget takes from program.brand
	// (init's theme wins over it, so the two never disagree), and the preview shows it either way.
	const primary = next.program.brand?.primaryColor;
	rewards.init({
		store: PREVIEW_STORE_KEY,
		api: `${location.origin}${PREVIEW_API_PATH}`,
		locale: next.locale,
		colorScheme: 'light',
		...(primary ? { theme: { primary } } : {}),
	});
	rewards.open('home');
	status.textContent = `Showing the draft in ${next.locale}.`;
	document.documentElement.dataset.previewVersion = String(Number(document.documentElement.dataset.previewVersion ?? 0) + 1);
}

addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
	if (event.origin !== location.origin || event.source !== parent) return;
	if (event.data?.type === 'rewards-preview:program') void show({ program: event.data.program, locale: event.data.locale });
});
parent.postMessage({ type: 'rewards-preview:ready' } satisfies PreviewMessage, location.origin);
