export interface Summary {
	n: number;
	median: number;
	p25: number;
	p75: number;
	min: number;
	max: number;
}

/** Quantile with linear interpolation between order statistics (R type 7, as numpy/Excel). */
export function quantile(sorted: number[], q: number): number {
	if (!sorted.length) return NaN;
	const at = (sorted.length - 1) * q;
	const low = Math.floor(at);
	const high = Math.ceil(at);
	return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export function summarize(values: number[]): Summary | null {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (!sorted.length) return null;
	return {
		n: sorted.length,
		median: quantile(sorted, 0.5),
		p25: quantile(sorted, 0.25),
		p75: quantile(sorted, 0.75),
		min: sorted[0],
		max: sorted[sorted.length - 1],
	};
}
