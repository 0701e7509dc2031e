import { readableTextOn } from '../config/color';
import type { ResolvedConfig } from '../config/defaults';

/**
The `:host` rule carrying the merchant's `init()` theme as custom properties (`--rewards-primary`…). Page CSS on the
`rewards-widget` element still wins: outer declarations beat `:host` ones in the cascade.
*/
export function themeCss({ theme, offset, zIndex }: ResolvedConfig): string {
	const values: Record<string, unknown> = {
		primary: theme.primary,
		text: theme.text,
		background: theme.background,
		radius: theme.radius === undefined ? undefined : `${theme.radius}px`,
		font: theme.font,
		'offset-x': `${offset.x}px`,
		'offset-y': `${offset.y}px`,
		'z-index': Math.round(zIndex),
	};
	let body = '';
	for (const [name, value] of Object.entries(values)) if (value !== undefined) body += `--rewards-${name}:${value};`;
	return `:host{${body}}`;
}

/**
Text colour for a brand colour given as an option, without asking the browser for any computed
style: an inline style serialises hex, named, rgb() and hsl() colours as rgb(), and parsing one
forces no style recalculation. Other syntaxes (oklch(), color-mix(), var()) give '' here and wait
for `onPrimaryCss`, after the first paint.
*/
export function onPrimaryForOption(primary: string | undefined): string {
	if (!primary) return '';
	const style = document.createElement('i').style;
	style.color = primary;
	return /^rgba?\(/.test(style.color) ? `:host{--rewards-on-primary:${readableTextOn(style.color)}}` : '';
}

/**
Text colour for the brand colour actually in effect (from `init()` or the page's own CSS, in any
CSS colour syntax), chosen for at least 4.5:1 contrast. A probe lets the browser resolve the cascade;
reading it costs a style recalculation, so the runtime calls this only after a frame has been painted.
*/
export function onPrimaryCss(root: ShadowRoot): string {
	const probe = document.createElement('i');
	probe.style.color = 'var(--rewards-primary)';
	root.append(probe);
	const primary = getComputedStyle(probe).color;
	probe.remove();
	return primary ? `:host{--rewards-on-primary:${readableTextOn(primary)}}` : '';
}
