/**
Named style sheets inside the widget's shadow root. Constructable sheets (`adoptedStyleSheets`) by
default: CSP's style-src does not govern them. With a `nonce`, or where constructable sheets are
missing, each sheet is a `<style nonce>` element instead.
*/
export function createStyles(root: ShadowRoot, nonce: string | undefined) {
	// Every engine shipped replaceSync() with adoptedStyleSheets.
	const constructable = !nonce && 'adoptedStyleSheets' in Document.prototype;
	/** Each sheet's setter, by id. */
	const sheets = new Map<string, (css: string) => void>();
	let lastStyle: HTMLStyleElement | undefined;
	const adoptSheet = () => {
		const sheet = new CSSStyleSheet();
		root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
		return (css: string) => sheet.replaceSync(css);
	};
	const insertStyle = () => {
		const style = document.createElement('style');
		if (nonce) style.nonce = nonce;
		// Style elements go first so they never sit between rendered nodes.
		root.insertBefore(style, lastStyle ? lastStyle.nextSibling : root.firstChild);
		lastStyle = style;
		return (css: string) => {
			style.textContent = css;
		};
	};
	return {
		/** Adds or replaces the sheet `id`. Later ids cascade after earlier ones. */
		set(id: string, css: string) {
			if (!sheets.has(id)) sheets.set(id, constructable ? adoptSheet() : insertStyle());
			sheets.get(id)!(css);
		},
	};
}

export type Styles = ReturnType<typeof createStyles>;
