export type VariantId = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h';

/** The bench page (100 products, about 2,600 elements) or ten times it (about 26,000, a long collection page). */
export type PageSize = 'normal' | 'x10';

export interface SnippetContext {
	widgetOrigin: string;
	apiUrl: string;
	/** A signed-in shopper's token, for variants that need one. */
	token?: string;
}

/** Where to find an element: in the document, or in the open shadow root of `host`. */
export interface Target {
	host?: string;
	selector: string;
}

export interface Variant {
	id: VariantId;
	label: string;
	/** Which page it loads (default normal). */
	page?: PageSize;
	/** The page-alone variant its per-round differences are taken from (default 'a'). */
	baseline?: VariantId;
	/** The third-party HTML the merchant pastes before </body>. */
	snippet(context: SnippetContext): string;
	needsToken?: boolean;
	/** Present once the third party has rendered; the settle wait starts after it. */
	ready?: Target;
	/** The interaction: click `button`, then wait until `opened` matches and the next frame is painted. */
	click?: { button: Target; opened: Target };
}

const widgetTag = ({ widgetOrigin, apiUrl, token }: SnippetContext) =>
	`<script src="${widgetOrigin}/rewards.js" data-store="pk_demo" data-api="${apiUrl}"${token ? ` data-customer-token="${token}"` : ''} async></script>`;

const launcher: Target = { host: 'rewards-widget', selector: '.launcher' };
/** The panel's layer with the class that reveals it (src/ui/Dialog.tsx). */
const panelOpen: Target = { host: 'rewards-widget', selector: '.panel-layer.is-open' };

export const VARIANTS: Variant[] = [
	{ id: 'a', label: 'page alone', snippet: () => '' },
	{ id: 'b', label: 'launcher only (guest)', snippet: widgetTag, ready: launcher },
	{
		id: 'c',
		label: 'panel opened (signed in)',
		snippet: widgetTag,
		needsToken: true,
		ready: launcher,
		click: { button: launcher, opened: panelOpen },
	},
	{
		id: 'd',
		label: 'heavy control script',
		snippet: ({ widgetOrigin }) => `<script src="${widgetOrigin}/heavy/heavy-widget.js" async></script>`,
		ready: { selector: '.hw-banner' },
		click: { button: { selector: '.hw-launcher' }, opened: { selector: '.hw-panel:not([hidden])' } },
	},
	{ id: 'e', label: 'panel opened (guest)', snippet: widgetTag, ready: launcher, click: { button: launcher, opened: panelOpen } },
	{
		// The floor of (b): the same bytes, parsed (V8 compiles functions lazily, on first call) and never run (fixture-server.ts wraps
		// rewards.js in a function that is not called). (b) minus (h) is our own code running.
		id: 'h',
		label: 'do-nothing script of the launcher’s size',
		snippet: ({ widgetOrigin }) => `<script src="${widgetOrigin}/floor/rewards.js" async></script>`,
	},
	{ id: 'f', label: '×10 page alone', page: 'x10', snippet: () => '' },
	{
		id: 'g',
		label: '×10 page, panel opened (signed in)',
		page: 'x10',
		baseline: 'f',
		snippet: widgetTag,
		needsToken: true,
		ready: launcher,
		click: { button: launcher, opened: panelOpen },
	},
];
