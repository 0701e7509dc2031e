import type { Page } from 'playwright-core';

export interface LowContrast {
	what: string;
	text: string;
	ratio: number;
	needed: number;
}

interface MeasuredText extends LowContrast {
	color: string;
	background: string;
	/** Inside the open dialog (as opposed to the launcher). */
	inPanel: boolean;
	/** Visually hidden text for screen readers only (`.sr`). */
	screenReaderOnly: boolean;
}

/**
Every visible text in the widget's shadow root with its contrast against the first opaque
background behind it, both from computed styles in the page (walking out through the shadow host),
and the brand colour in effect. One in-page measurement serves every contrast check.
*/
function measureTexts(page: Page): Promise<{ primary: string; texts: MeasuredText[] }> {
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
			for (let node: Element | null = el; node; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null) {
				const background = getComputedStyle(node).backgroundColor;
				if (opaque(background)) return background;
			}
			return 'rgb(255, 255, 255)';
		};
		const probe = document.createElement('i');
		probe.style.color = 'var(--rewards-primary)';
		root.append(probe);
		const primary = getComputedStyle(probe).color;
		probe.remove();
		const texts = [...root.querySelectorAll<HTMLElement>('*')]
			.filter(
				(el) => el.getClientRects().length > 0 && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()),
			)
			.map((el) => {
				const style = getComputedStyle(el);
				const size = parseFloat(style.fontSize);
				const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
				const background = backgroundOf(el);
				return {
					what: `${el.tagName.toLowerCase()}.${el.className}`,
					text: el.textContent!.trim().slice(0, 40),
					color: style.color,
					background,
					ratio: ratio(style.color, background),
					needed: large ? 3 : 4.5,
					inPanel: !!el.closest('.panel[role="dialog"]'),
					screenReaderOnly: !!el.closest('.visually-hidden'),
				};
			});
		return { primary, texts };
	});
}

/**
Texts inside the panel below 4.5:1 (3:1 for large text). axe leaves text in a top-layer dialog
inside a shadow root as "needs review", so this measures it directly.
*/
export async function lowContrastInPanel(page: Page): Promise<LowContrast[]> {
	const { texts } = await measureTexts(page);
	return texts
		.filter((t) => t.inPanel && !t.screenReaderOnly && t.ratio < t.needed)
		.map(({ what, text, ratio, needed }) => ({ what, text, ratio, needed }));
}

/** The brand colour in effect, and every text drawn on it (launcher label, panel title, primary buttons). */
export async function textOnPrimary(page: Page) {
	const { primary, texts } = await measureTexts(page);
	return { primary, onPrimary: texts.filter((t) => t.background === primary).map(({ what, color, ratio }) => ({ what, color, ratio })) };
}
