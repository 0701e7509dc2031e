/**
Named style sheets inside the widget's shadow root. Constructable sheets (`adoptedStyleSheets`) by
default: CSP's style-src does not govern them. With a `nonce`, or where constructable sheets are
missing, each sheet is a `<style nonce>` element instead.
*/
export function createStyles(root: ShadowRoot, nonce: string | undefined) {
	const constructable = !nonce && 'adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype;
	const sheets = new Map<string, CSSStyleSheet | HTMLStyleElement>();
	return {
		/** Adds or replaces the sheet `id`. Later ids cascade after earlier ones. */
		set(id: string, css: string) {
			const existing = sheets.get(id);
			if (existing instanceof HTMLStyleElement) existing.textContent = css;
			else if (existing) existing.replaceSync(css);
			else if (constructable) {
				const sheet = new CSSStyleSheet();
				sheet.replaceSync(css);
				sheets.set(id, sheet);
				root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
			} else {
				const style = document.createElement('style');
				if (nonce) style.nonce = nonce;
				style.textContent = css;
				// Style elements go first so they never sit between rendered nodes.
				const last = [...sheets.values()].pop();
				root.insertBefore(style, last instanceof HTMLStyleElement ? last.nextSibling : root.firstChild);
				sheets.set(id, style);
			}
		},
	};
}

export type Styles = ReturnType<typeof createStyles>;
