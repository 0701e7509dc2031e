export type VariantId = 'a' | 'b' | 'c' | 'd';

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

export const VARIANTS: Variant[] = [
	{ id: 'a', label: 'page alone', snippet: () => '' },
	{ id: 'b', label: 'launcher only (guest)', snippet: widgetTag, ready: launcher },
	{
		id: 'c',
		label: 'panel opened (signed in)',
		snippet: widgetTag,
		needsToken: true,
		ready: launcher,
		click: { button: launcher, opened: { host: 'rewards-widget', selector: 'dialog.panel[open]' } },
	},
	{
		id: 'd',
		label: 'heavy control script',
		snippet: ({ widgetOrigin }) => `<script src="${widgetOrigin}/heavy/heavy-widget.js" async></script>`,
		ready: { selector: '.hw-banner' },
		click: { button: { selector: '.hw-launcher' }, opened: { selector: '.hw-panel:not([hidden])' } },
	},
];
