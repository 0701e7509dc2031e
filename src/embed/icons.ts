const SVG = 'http://www.w3.org/2000/svg';

// Feather-style outline paths on a 24×24 grid.
const PATHS: Record<string, string[]> = {
	gift: [
		'M20 12v10H4V12',
		'M2 7h20v5H2z',
		'M12 22V7',
		'M12 7H7.5a2.5 2.5 0 0 1 0-5C11 2 12 7 12 7z',
		'M12 7h4.5a2.5 2.5 0 0 0 0-5C13 2 12 7 12 7z',
	],
	star: ['M12 2l3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01L12 2z'],
	heart: ['M20.84 4.61a5.5 5.5 0 0 0-7.78 0L12 5.67l-1.06-1.06a5.5 5.5 0 0 0-7.78 7.78L12 21.23l8.84-8.84a5.5 5.5 0 0 0 0-7.78z'],
};

/** A decorative outline icon, built with DOM calls (no HTML parsing). */
export function createIcon(name: string): SVGSVGElement | null {
	const paths = PATHS[name];
	if (!paths) return null;
	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('viewBox', '0 0 24 24');
	svg.setAttribute('aria-hidden', 'true');
	svg.setAttribute('focusable', 'false');
	for (const d of paths) {
		const path = document.createElementNS(SVG, 'path');
		path.setAttribute('d', d);
		svg.append(path);
	}
	return svg;
}
