import { LAUNCHER_ICONS } from '../config/launcher-icons';

const SVG = 'http://www.w3.org/2000/svg';

/** A decorative outline icon, built with DOM calls (no HTML parsing). */
export function createIcon(name: string): SVGSVGElement | null {
	const d = LAUNCHER_ICONS[name];
	if (!d) return null;
	const svg = document.createElementNS(SVG, 'svg');
	const path = document.createElementNS(SVG, 'path');
	svg.setAttribute('viewBox', '0 0 24 24');
	svg.setAttribute('aria-hidden', 'true');
	svg.setAttribute('focusable', 'false');
	path.setAttribute('d', d);
	svg.append(path);
	return svg;
}
