import { deflateSync } from 'node:zlib';

/*
A generated web font, so the bench page has real font requests, decoding and text layout without
fetching or committing a font file. Glyphs are blocky shapes (a few rectangles on a 3×5 grid,
chosen by a hash of the character): unreadable, but metrically like a text font. Printable ASCII
plus Latin-1, TrueType outlines, wrapped as WOFF 1.0 (zlib), about the size of a subset web font.
*/

const EM = 1000;
const ASCENT = 800;
const DESCENT = 200;

interface Glyph {
	advance: number;
	rects: Array<[x0: number, y0: number, x1: number, y1: number]>;
}

function hash(n: number): number {
	let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

function glyphFor(code: number, bold: boolean): Glyph {
	const h = hash(code * 7 + (bold ? 1 : 0));
	const narrow = "iljI1.,:;!|'`".includes(String.fromCharCode(code));
	const advance = narrow ? 300 : 520 + (h % 4) * 40;
	const lower = code >= 0x61 && code <= 0x7a;
	const top = lower ? 520 : 720;
	const stem = bold ? 120 : 80;
	const left = 60;
	const width = advance - 2 * left;
	const rects: Glyph['rects'] = [];
	if (narrow) {
		rects.push([(advance - stem) / 2, 0, (advance + stem) / 2, top]);
		return { advance, rects };
	}
	// Two stems or one, then horizontal bars where the hash says so: enough variety to look like text.
	rects.push([left, 0, left + stem, top]);
	if (h & 1) rects.push([left + width - stem, 0, left + width, top]);
	const rows = [0, (top - stem) / 2, top - stem];
	rows.forEach((y, i) => {
		if ((h >>> (i + 1)) & 1 || (i === 1 && !(h & 1))) rects.push([left, y, left + width, y + stem]);
	});
	if ((h >>> 5) % 5 === 0) rects.push([left + width / 2 - stem / 2, 0, left + width / 2 + stem / 2, top]);
	return { advance, rects: rects.map(([a, b, c, d]) => [Math.round(a), Math.round(b), Math.round(c), Math.round(d)]) };
}

class Writer {
	private bytes: number[] = [];
	u8(v: number) {
		this.bytes.push(v & 0xff);
		return this;
	}
	u16(v: number) {
		return this.u8(v >> 8).u8(v);
	}
	i16(v: number) {
		return this.u16(v < 0 ? v + 0x10000 : v);
	}
	u32(v: number) {
		return this.u16(v >>> 16).u16(v & 0xffff);
	}
	tag(t: string) {
		for (const c of t) this.u8(c.charCodeAt(0));
		return this;
	}
	raw(b: Uint8Array) {
		for (const x of b) this.u8(x);
		return this;
	}
	pad4() {
		while (this.bytes.length % 4) this.u8(0);
		return this;
	}
	get length() {
		return this.bytes.length;
	}
	done() {
		return Uint8Array.from(this.bytes);
	}
}

function checksum(data: Uint8Array): number {
	let sum = 0;
	for (let i = 0; i < data.length; i += 4) {
		sum = (sum + ((data[i] << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))) >>> 0;
	}
	return sum;
}

function encodeGlyph(glyph: Glyph): Uint8Array {
	if (!glyph.rects.length) return new Uint8Array();
	const w = new Writer();
	const xs = glyph.rects.flatMap(([a, , c]) => [a, c]);
	const ys = glyph.rects.flatMap(([, b, , d]) => [b, d]);
	w.i16(glyph.rects.length)
		.i16(Math.min(...xs))
		.i16(Math.min(...ys))
		.i16(Math.max(...xs))
		.i16(Math.max(...ys));
	glyph.rects.forEach((_, i) => w.u16(i * 4 + 3));
	w.u16(0); // no instructions
	const points = glyph.rects.flatMap(([x0, y0, x1, y1]) => [
		[x0, y0],
		[x0, y1],
		[x1, y1],
		[x1, y0],
	]);
	points.forEach(() => w.u8(0x01)); // on-curve, 16-bit deltas
	let last = 0;
	for (const [x] of points) {
		w.i16(x - last);
		last = x;
	}
	last = 0;
	for (const [, y] of points) {
		w.i16(y - last);
		last = y;
	}
	return w.pad4().done();
}

function nameTable(family: string, style: string): Uint8Array {
	const strings: Array<[number, string]> = [
		[1, family],
		[2, style],
		[3, `${family} ${style} bench`],
		[4, `${family} ${style}`],
		[5, 'Version 1.000'],
		[6, `${family.replace(/\s/g, '')}-${style}`],
	];
	const encoded = strings.map(([id, s]) => [id, Buffer.from(s, 'utf16le').swap16()] as const);
	const w = new Writer()
		.u16(0)
		.u16(encoded.length)
		.u16(6 + encoded.length * 12);
	let offset = 0;
	for (const [id, bytes] of encoded) {
		w.u16(3).u16(1).u16(0x409).u16(id).u16(bytes.length).u16(offset);
		offset += bytes.length;
	}
	for (const [, bytes] of encoded) w.raw(bytes);
	return w.done();
}

/** A TrueType font (sfnt bytes) named `family`, regular or bold. */
export function buildTtf(family: string, bold = false): Uint8Array {
	const codes = [...Array.from({ length: 95 }, (_, i) => 32 + i), ...Array.from({ length: 96 }, (_, i) => 160 + i)];
	const glyphs: Glyph[] = [
		{
			advance: 600,
			rects: [
				[60, 0, 540, 60],
				[60, 0, 120, 720],
				[480, 0, 540, 720],
				[60, 660, 540, 720],
			],
		}, // .notdef
		...codes.map((code) => (code === 32 || code === 160 ? { advance: 280, rects: [] } : glyphFor(code >= 160 ? code - 96 : code, bold))),
	];
	const encodedGlyphs = glyphs.map(encodeGlyph);
	const glyf = new Writer();
	const loca = new Writer();
	for (const g of encodedGlyphs) {
		loca.u32(glyf.length);
		glyf.raw(g);
	}
	loca.u32(glyf.length);
	const maxAdvance = Math.max(...glyphs.map((g) => g.advance));
	const maxPoints = Math.max(...glyphs.map((g) => g.rects.length * 4));
	const maxContours = Math.max(...glyphs.map((g) => g.rects.length));

	const head = new Writer()
		.u32(0x00010000)
		.u32(0x00010000)
		.u32(0)
		.u32(0x5f0f3cf5)
		.u16(0x000b)
		.u16(EM)
		.u32(0)
		.u32(0)
		.u32(0)
		.u32(0) // created, modified
		.i16(0)
		.i16(0)
		.i16(maxAdvance)
		.i16(ASCENT)
		.u16(bold ? 1 : 0)
		.u16(8)
		.i16(2)
		.i16(1)
		.i16(0);
	const hhea = new Writer()
		.u32(0x00010000)
		.i16(ASCENT)
		.i16(-DESCENT)
		.i16(0)
		.u16(maxAdvance)
		.i16(0)
		.i16(0)
		.i16(maxAdvance)
		.i16(1)
		.i16(0)
		.i16(0)
		.i16(0)
		.i16(0)
		.i16(0)
		.i16(0)
		.i16(0)
		.u16(glyphs.length);
	const maxp = new Writer()
		.u32(0x00010000)
		.u16(glyphs.length)
		.u16(maxPoints)
		.u16(maxContours)
		.u16(0)
		.u16(0)
		.u16(2)
		.u16(0)
		.u16(0)
		.u16(0)
		.u16(0)
		.u16(0)
		.u16(0)
		.u16(0)
		.u16(0);
	const hmtx = new Writer();
	glyphs.forEach((g) => hmtx.u16(g.advance).i16(g.rects.length ? Math.min(...g.rects.map((r) => r[0])) : 0));
	// cmap format 4: 32–126 and 160–255 map to consecutive glyphs from 1.
	const segments: Array<[start: number, end: number, firstGlyph: number]> = [
		[32, 126, 1],
		[160, 255, 96],
		[0xffff, 0xffff, 0],
	];
	const cmap = new Writer().u16(0).u16(1).u16(3).u16(1).u32(12);
	const segX2 = segments.length * 2;
	const searchRange = 2 * 2 ** Math.floor(Math.log2(segments.length));
	cmap
		.u16(4)
		.u16(16 + segments.length * 8)
		.u16(0)
		.u16(segX2)
		.u16(searchRange)
		.u16(Math.log2(searchRange / 2))
		.u16(segX2 - searchRange);
	segments.forEach(([, end]) => cmap.u16(end));
	cmap.u16(0);
	segments.forEach(([start]) => cmap.u16(start));
	segments.forEach(([start, , first]) => cmap.u16(start === 0xffff ? 1 : (first - start + 0x10000) & 0xffff));
	segments.forEach(() => cmap.u16(0));
	const avg = Math.round(glyphs.reduce((s, g) => s + g.advance, 0) / glyphs.length);
	const os2 = new Writer()
		.u16(4)
		.i16(avg)
		.u16(bold ? 700 : 400)
		.u16(5)
		.u16(0)
		.i16(650)
		.i16(600)
		.i16(0)
		.i16(75)
		.i16(650)
		.i16(600)
		.i16(0)
		.i16(350)
		.i16(50)
		.i16(260)
		.i16(0)
		.raw(new Uint8Array(10))
		.u32(1)
		.u32(0)
		.u32(0)
		.u32(0)
		.tag('NONE')
		.u16(bold ? 0x20 : 0x40)
		.u16(32)
		.u16(255)
		.i16(ASCENT)
		.i16(-DESCENT)
		.i16(0)
		.u16(ASCENT)
		.u16(DESCENT)
		.u32(1)
		.u32(0)
		.i16(520)
		.i16(720)
		.u16(0)
		.u16(32)
		.u16(1);
	const post = new Writer().u32(0x00030000).u32(0).i16(-100).i16(50).u32(0).u32(0).u32(0).u32(0).u32(0);

	const tables: Record<string, Uint8Array> = {
		'OS/2': os2.done(),
		cmap: cmap.done(),
		glyf: glyf.done(),
		head: head.done(),
		hhea: hhea.done(),
		hmtx: hmtx.done(),
		loca: loca.done(),
		maxp: maxp.done(),
		name: nameTable(family, bold ? 'Bold' : 'Regular'),
		post: post.done(),
	};
	const tags = Object.keys(tables).sort();
	const entrySelector = Math.floor(Math.log2(tags.length));
	const out = new Writer()
		.u32(0x00010000)
		.u16(tags.length)
		.u16(16 * 2 ** entrySelector)
		.u16(entrySelector)
		.u16(tags.length * 16 - 16 * 2 ** entrySelector);
	let offset = 12 + tags.length * 16;
	for (const tag of tags) {
		out.tag(tag).u32(checksum(tables[tag])).u32(offset).u32(tables[tag].length);
		offset += Math.ceil(tables[tag].length / 4) * 4;
	}
	for (const tag of tags) out.raw(tables[tag]).pad4();
	const font = out.done();
	// head.checkSumAdjustment, at byte 8 of the head table.
	const headOffset =
		12 + tags.length * 16 + tags.slice(0, tags.indexOf('head')).reduce((s, t) => s + Math.ceil(tables[t].length / 4) * 4, 0);
	new DataView(font.buffer).setUint32(headOffset + 8, (0xb1b0afba - checksum(font)) >>> 0);
	return font;
}

/** Wraps sfnt bytes as WOFF 1.0, each table zlib-compressed when that makes it smaller. */
export function toWoff(sfnt: Uint8Array): Uint8Array {
	const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
	const numTables = view.getUint16(4);
	const entries = Array.from({ length: numTables }, (_, i) => {
		const at = 12 + i * 16;
		const offset = view.getUint32(at + 8);
		const length = view.getUint32(at + 12);
		const data = sfnt.subarray(offset, offset + length);
		const compressed = deflateSync(data, { level: 9 });
		return {
			tag: view.getUint32(at),
			checksum: view.getUint32(at + 4),
			length,
			data: compressed.length < length ? new Uint8Array(compressed) : data,
		};
	});
	const totalSfntSize = 12 + numTables * 16 + entries.reduce((s, e) => s + Math.ceil(e.length / 4) * 4, 0);
	const body = new Writer();
	const dir = new Writer();
	let offset = 44 + numTables * 20;
	for (const e of entries) {
		dir.u32(e.tag).u32(offset).u32(e.data.length).u32(e.length).u32(e.checksum);
		body.raw(e.data).pad4();
		offset += Math.ceil(e.data.length / 4) * 4;
	}
	const header = new Writer()
		.tag('wOFF')
		.u32(0x00010000)
		.u32(offset)
		.u16(numTables)
		.u16(0)
		.u32(totalSfntSize)
		.u16(1)
		.u16(0)
		.u32(0)
		.u32(0)
		.u32(0)
		.u32(0)
		.u32(0);
	return new Uint8Array([...header.done(), ...dir.done(), ...body.done()]);
}
