import type { Page } from 'playwright-core';

export interface LowContrast {
	what: string;
	text: string;
	ratio: number;
	needed: number;
}

/**
Contrast of every visible text inside the panel against the first opaque background behind it
(computed styles, walking out through the shadow host). axe leaves text in a top-layer dialog
inside a shadow root as "needs review", so this measures it directly: 4.5:1, or 3:1 for large text.
*/
export function lowContrastInPanel(page: Page): Promise<LowContrast[]> {
	return page.evaluate(() => {
		const root = document.querySelector('rewards-widget')!.shadowRoot!;
		const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
		const opaque = (color: string) => color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color);
		const luminance = (color: string) => {
			const [r, g, b] = channels(color).map((c) => {
				const s = c / 255;
				return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		const ratio = (a: string, b: string) => {
			const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
			return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
		};
		const backgroundOf = (el: Element) => {
			for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
				const background = getComputedStyle(node).backgroundColor;
				if (opaque(background)) return background;
			}
			return 'rgb(255, 255, 255)';
		};
		const panel = root.querySelector('dialog.panel')!;
		return [...panel.querySelectorAll<HTMLElement>('*')]
			.filter((el) => el.getClientRects().length > 0 && !el.closest('.sr') && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
			.map((el) => {
				const style = getComputedStyle(el);
				const size = parseFloat(style.fontSize);
				const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
				return { what: `${el.tagName.toLowerCase()}.${el.className}`, text: el.textContent!.trim().slice(0, 40), ratio: ratio(style.color, backgroundOf(el)), needed: large ? 3 : 4.5 };
			})
			.filter((item) => item.ratio < item.needed);
	});
}
