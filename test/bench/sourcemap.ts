/*
Just enough of the source map v3 format to name a minified position (used to attribute the
widget's forced style recalcs in traces to a source file and function).
*/

interface RawMap {
	sources: string[];
	names?: string[];
	mappings: string;
}

export interface Original {
	source: string;
	line: number;
	name?: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
	const values: number[] = [];
	let value = 0,
		shift = 0;
	for (const char of segment) {
		const digit = BASE64.indexOf(char);
		value += (digit & 31) << shift;
		if (digit & 32) shift += 5;
		else {
			values.push(value & 1 ? -(value >>> 1) : value >>> 1);
			value = shift = 0;
		}
	}
	return values;
}

/** Returns a lookup from a generated (0-based line, 0-based column) to the original position. */
export function parseSourceMap(raw: RawMap): (line: number, column: number) => Original | undefined {
	const lines: Array<Array<[column: number, source: number, line: number, name: number]>> = [];
	let source = 0,
		originalLine = 0,
		name = 0;
	for (const lineText of raw.mappings.split(';')) {
		let column = 0;
		const segments: (typeof lines)[number] = [];
		for (const segment of lineText.split(',')) {
			if (!segment) continue;
			const [dc, ds, dl, , dn] = decodeVlq(segment);
			column += dc;
			if (ds === undefined) continue;
			source += ds;
			originalLine += dl;
			if (dn !== undefined) name += dn;
			segments.push([column, source, originalLine, dn === undefined ? -1 : name]);
		}
		lines.push(segments);
	}
	return (line, column) => {
		const segments = lines[line] ?? [];
		let found: (typeof segments)[number] | undefined;
		for (const segment of segments) {
			if (segment[0] > column) break;
			found = segment;
		}
		if (!found) return undefined;
		return {
			source: raw.sources[found[1]].replace(/^(\.\.\/)+/, ''),
			line: found[2] + 1,
			name: found[3] >= 0 ? raw.names?.[found[3]] : undefined,
		};
	};
}
