import { crc32, deflateSync } from 'node:zlib';
import { buildTtf, toWoff } from './font';

/*
The bench page's images, fonts and product data, generated deterministically at start-up so the
repo holds only templates. Sizes are meant to be those of a real, reasonably optimised shop page.
*/

/** A seeded PRNG (mulberry32), so every run serves byte-identical assets. */
export function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pngChunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
	return Buffer.concat([head, data, crc]);
}

/** The hero: a 1280×480 RGB PNG of a sunset-over-hills scene with film grain (~100 kB, like a real photo banner). */
export function heroPng(width = 1280, height = 480): Buffer {
	const rand = random(42);
	const raw = Buffer.alloc((width * 3 + 1) * height);
	const ridge = (x: number, k: number) => height * (0.55 + 0.12 * k) + Math.sin(x / (90 + 40 * k) + k) * 30 + Math.sin(x / 23 + k * 3) * 6;
	for (let y = 0; y < height; y++) {
		const row = y * (width * 3 + 1);
		raw[row] = 0;
		for (let x = 0; x < width; x++) {
			const t = y / height;
			let r = 250 - 90 * t,
				g = 180 - 60 * t,
				b = 120 + 80 * t;
			const dx = x - width * 0.7,
				dy = y - height * 0.45;
			if (dx * dx + dy * dy < 70 * 70) {
				r = 255;
				g = 236;
				b = 180;
			}
			for (let k = 0; k < 3; k++)
				if (y > ridge(x, k)) {
					r = 60 - 15 * k;
					g = 90 - 20 * k + 10 * Math.sin(x / 50);
					b = 80 - 20 * k;
				}
			const grain = (rand() - 0.5) * 10;
			const at = row + 1 + x * 3;
			raw[at] = Math.max(0, Math.min(255, r + grain));
			raw[at + 1] = Math.max(0, Math.min(255, g + grain));
			raw[at + 2] = Math.max(0, Math.min(255, b + grain));
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', ihdr),
		pngChunk('IDAT', deflateSync(raw, { level: 6 })),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

export interface Product {
	id: number;
	name: string;
	price: string;
	rating: number;
	reviews: number;
	hue: number;
	badge?: string;
}

const ADJECTIVES = ['Alpine', 'Summit', 'Trail', 'Canyon', 'Ridge', 'Harbor', 'Cedar', 'Granite', 'Meadow', 'Glacier'];
const NOUNS = [
	'Rain Shell',
	'Daypack 22L',
	'Fleece Hoodie',
	'Camp Mug',
	'Trek Poles',
	'Wool Beanie',
	'Headlamp',
	'Water Bottle',
	'Hiking Socks',
	'Down Vest',
];

export function products(count = 100): Product[] {
	const rand = random(7);
	return Array.from({ length: count }, (_, id) => ({
		id,
		name: `${ADJECTIVES[id % 10]} ${NOUNS[Math.floor(id / 10) % 10]}`,
		price: (9 + Math.floor(rand() * 240) + 0.95).toFixed(2),
		rating: 3 + Math.round(rand() * 4) / 2,
		reviews: Math.floor(rand() * 900),
		hue: Math.floor(rand() * 360),
		...(id % 7 === 3 && { badge: id % 2 ? 'New' : 'Sale' }),
	}));
}

/** A product shot as a small SVG: gradient backdrop and a simple object silhouette. */
export function productSvg(product: Product): string {
	const { hue, id } = product;
	const shapes = [
		`<rect x="140" y="90" width="120" height="220" rx="28" fill="hsl(${hue} 55% 42%)"/><rect x="170" y="60" width="60" height="40" rx="8" fill="hsl(${hue} 30% 30%)"/>`,
		`<path d="M120 300 L200 80 L280 300 Z" fill="hsl(${hue} 60% 40%)"/><circle cx="200" cy="220" r="36" fill="hsl(${hue} 40% 85%)"/>`,
		`<rect x="110" y="120" width="180" height="170" rx="18" fill="hsl(${hue} 50% 45%)"/><path d="M150 120 q50 -70 100 0" stroke="hsl(${hue} 30% 25%)" stroke-width="14" fill="none"/>`,
	];
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400"><defs><linearGradient id="g${id}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 40% 96%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 35% 86%)"/></linearGradient></defs><rect width="400" height="400" fill="url(#g${id})"/><ellipse cx="200" cy="330" rx="120" ry="16" fill="rgb(0 0 0 / .12)"/>${shapes[id % 3]}</svg>`;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One product card: image, badge, name, stars, price, button; ~14 nodes like a theme's card. */
export function productCard(product: Product, eager: boolean): string {
	const stars = '★'.repeat(Math.floor(product.rating)) + (product.rating % 1 ? '½' : '');
	return `<li class="card">
<a class="card-link" href="#p${product.id}"><img src="/img/p/${product.id}.svg" width="400" height="400" alt="${escapeHtml(product.name)}" ${eager ? '' : 'loading="lazy" '}decoding="async">${product.badge ? `<span class="badge">${product.badge}</span>` : ''}</a>
<div class="card-body"><h3 class="card-title"><a href="#p${product.id}">${escapeHtml(product.name)}</a></h3>
<p class="rating" aria-label="${product.rating} out of 5 stars">${stars} <span>(${product.reviews})</span></p>
<p class="price">$${product.price}</p>
<button type="button" class="add" data-id="${product.id}">Add to cart</button></div>
</li>`;
}

/** The bench's two web fonts (WOFF), by file name. */
export function fonts(): Record<string, Uint8Array> {
	return {
		'bench-sans-400.woff': toWoff(buildTtf('Bench Sans', false)),
		'bench-sans-700.woff': toWoff(buildTtf('Bench Sans', true)),
	};
}

/**
Bulk for the heavy control script, as bundled data: ~140 kB of JSON-ish records with random ids,
so it compresses about as badly as real minified vendor code (~3:1).
*/
export function heavyPadding(bytes = 140_000): string {
	const rand = random(99);
	const parts: string[] = [];
	let size = 0;
	for (let i = 0; size < bytes; i++) {
		const id = Math.floor(rand() * 2 ** 40).toString(36);
		const part = `{i:${i},k:"${id}",v:${Math.floor(rand() * 1e6)},t:"${['promo', 'pixel', 'ab', 'geo'][i % 4]}_${id.slice(0, 4)}"}`;
		parts.push(part);
		size += part.length + 1;
	}
	return `window.__heavyData=[${parts.join(',')}];\n`;
}
