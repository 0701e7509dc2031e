import { describe, expect, it } from 'vitest';
import { contrastRatio, parseRgb, readableTextOn } from '../../src/config/color';

const rgb = (value: string) => parseRgb(value)!;

describe('readableTextOn', () => {
	it.each([
		['rgb(255, 244, 179)', '#000000'], // pale yellow
		['rgb(128, 128, 128)', '#000000'], // mid grey
		['rgb(17, 17, 17)', '#ffffff'], // near-black
		['rgb(31, 111, 235)', '#ffffff'],
	])('%s gets %s text', (background, text) => {
		expect(readableTextOn(background)).toBe(text);
	});

	it('always reaches 4.5:1 across the whole colour cube', () => {
		let worst = 21;
		for (let r = 0; r <= 255; r += 15)
			for (let g = 0; g <= 255; g += 15)
				for (let b = 0; b <= 255; b += 15) {
					const background = `rgb(${r}, ${g}, ${b})`;
					const text = readableTextOn(background) === '#ffffff' ? [255, 255, 255] : [0, 0, 0];
					worst = Math.min(worst, contrastRatio(rgb(background), text as [number, number, number]));
				}
		expect(worst).toBeGreaterThanOrEqual(4.5);
	});

	it('parses the computed-style forms browsers return', () => {
		expect(parseRgb('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3]);
		expect(parseRgb('#fff')).toBeUndefined();
	});
});
