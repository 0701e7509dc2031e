/** An sRGB colour with channels 0–255. */
export type Rgb = [number, number, number];

/** True for any CSS colour the browser understands (hex, rgb(), hsl(), named…): it parses it or drops it. */
export function isColor(value: unknown): value is string {
	if (typeof value !== 'string' || /[;{}]/.test(value)) return false;
	const style = document.createElement('i').style;
	style.color = value;
	return style.color !== '';
}

/** Parses the `rgb()`/`rgba()` form browsers return for computed colours. */
export function parseRgb(value: string): Rgb | undefined {
	const channels = value.match(/[\d.]+/g);
	return /^rgba?\(/.test(value) && channels && channels.length >= 3 ? (channels.slice(0, 3).map(Number) as Rgb) : undefined;
}

/** WCAG 2 relative luminance. */
export function luminance(rgb: Rgb): number {
	const [r, g, b] = rgb.map((c) => {
		c /= 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

/**
Black or white, whichever reads better on `background` (a computed `rgb()` colour). One of the two
always reaches at least 4.58:1 against any opaque colour, so text on a brand colour passes WCAG AA.
White reads at least as well as black while 1.05 / (L + 0.05) ≥ (L + 0.05) / 0.05, that is while
(L + 0.05)² ≤ 1.05 × 0.05: one luminance and no ratio to work out.
*/
export function readableTextOn(background: string): '#000000' | '#ffffff' {
	const rgb = parseRgb(background);
	return !rgb || (luminance(rgb) + 0.05) ** 2 <= 1.05 * 0.05 ? '#ffffff' : '#000000';
}
