import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

export const brotliSize = (text: string | Buffer) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The numbers of one source-map segment (base64 VLQ). */
function decodeSegment(segment: string): number[] {
	const values: number[] = [];
	let value = 0;
	let shift = 0;
	for (const char of segment) {
		const digit = BASE64.indexOf(char);
		value += (digit & 31) << shift;
		if (digit & 32) shift += 5;
		else {
			values.push(value & 1 ? -(value >> 1) : value >> 1);
			value = shift = 0;
		}
	}
	return values;
}

/** An npm package by name, or a room of src/ ("src/ui"), for a source-map source path. */
export const groupOf = (source: string) =>
	/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? /src\/[^/]+/.exec(source)?.[0] ?? source;

/**
What each group costs in a built file, brotli: the file's size minus its size with that group's
generated characters cut out. Brotli shares context across the file, so the parts add up to a
little less than the whole; the remainder is what no single group owns.
*/
export function brotliBytesByGroup(file: string, group = groupOf): Map<string, number> {
	const code = readFileSync(file, 'utf8');
	const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
	const lines = code.split('\n');
	// owner[line][column]: the index into map.sources that generated that character, or -1.
	const owner = lines.map((line) => new Int32Array(line.length).fill(-1));
	let source = 0;
	map.mappings.split(';').forEach((line, index) => {
		const segments = line.split(',').filter(Boolean).map(decodeSegment);
		let column = 0;
		segments.forEach((segment, i) => {
			column += segment[0];
			if (segment.length > 1) source += segment[1];
			const end = i + 1 < segments.length ? column + segments[i + 1][0] : lines[index].length;
			owner[index].fill(source, column, end);
		});
	});
	const total = brotliSize(code);
	const groups = new Set(map.sources.map(group));
	const result = new Map<string, number>();
	for (const name of groups) {
		const without = lines
			.map((line, index) =>
				[...line].filter((_, column) => owner[index][column] < 0 || group(map.sources[owner[index][column]]) != name).join(''),
			)
			.join('\n');
		result.set(name, total - brotliSize(without));
	}
	return new Map([...result].sort((a, b) => b[1] - a[1]));
}
