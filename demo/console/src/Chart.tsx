import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';

/** One line of a chart, e.g. "Members", with a value per period (null: nothing to measure then). */
export interface ChartSeries {
	label: string;
	points: Array<{ period: Date; value: number | null }>;
}

export interface ChartProps {
	/** Shown above the chart and used as the table's caption. */
	title: string;
	/** One sentence read by screen readers on the chart itself. */
	description: string;
	series: ChartSeries[];
	/** Formats a value for the axis, the tooltip and the table. */
	format: (value: number) => string;
	/** Names a period for the table and the tooltip, e.g. "Week of 3 Mar 2025". */
	periodLabel: (period: Date) => string;
	/** Starts the value axis at zero (counts, money); off for rates that sit in a narrow band. */
	zero?: boolean;
}

// Colour-blind-safe colours (blue, orange, grey, green) that keep 3:1 against white; each series
// after the first is also dashed its own way, so they can be told apart without colour.
const COLOURS = ['#1d5fb8', '#b3541e', '#5b6b7a', '#2e7d32'];
const DASHES = ['none', '6 3', '2 3', '8 3 2 3'];

/**
Makes a Plot chart one image for assistive technology: the SVG keeps its name and description
(the data is in the table beside it), and Plot's per-mark group labels ("line", "tip"), which ARIA
does not allow on a group without a role, go.
*/
export function asOneImage(plot: Element): void {
	for (const group of plot.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
	for (const svg of plot.querySelectorAll('svg[aria-label]')) svg.setAttribute('role', 'img');
	if (plot.matches('svg[aria-label]')) plot.setAttribute('role', 'img');
}

/**
A line chart drawn by Observable Plot (SVG) with its data as a table behind a disclosure, so the
same numbers are available to screen readers, keyboard users and tests.
*/
export function Chart({ title, description, series, format, periodLabel, zero = true }: ChartProps) {
	const container = useRef<HTMLDivElement>(null);
	const periods = [...new Set(series.flatMap((line) => line.points.map((point) => point.period.getTime())))].sort((a, b) => a - b);

	useEffect(() => {
		const target = container.current;
		if (!target) return;
		const rows = series.flatMap((line) =>
			line.points
				.filter((point) => point.value !== null)
				.map((point) => ({ series: line.label, period: point.period, value: point.value! })),
		);
		const plot = Plot.plot({
			width: Math.max(320, Math.min(target.clientWidth || 560, 720)),
			height: 220,
			marginLeft: 56,
			ariaLabel: title,
			ariaDescription: description,
			style: { background: 'transparent', fontSize: '12px' },
			x: { type: 'utc', label: null },
			y: { grid: true, label: null, tickFormat: format, zero, nice: true },
			color: { domain: series.map((line) => line.label), range: COLOURS, legend: series.length > 1 },
			marks: [
				...series.map((line, index) =>
					Plot.lineY(
						rows.filter((row) => row.series === line.label),
						{
							x: 'period',
							y: 'value',
							stroke: 'series',
							strokeWidth: 2,
							strokeDasharray: DASHES[index % DASHES.length],
							marker: 'circle-stroke',
						},
					),
				),
				Plot.tip(
					rows,
					Plot.pointerX({
						x: 'period',
						y: 'value',
						stroke: 'series',
						title: (row: (typeof rows)[number]) => `${row.series}\n${periodLabel(row.period)}\n${format(row.value)}`,
					}),
				),
			],
		});
		asOneImage(plot);
		target.replaceChildren(plot);
		// Tests and the load-time measurement wait for this: the SVG is in the page.
		target.dataset.rendered = 'true';
		return () => plot.remove();
	}, [series, title, description, format, periodLabel, zero]);

	return (
		<figure class="chart">
			<figcaption class="chart-title">{title}</figcaption>
			<div class="chart-plot" ref={container} />
			<details class="chart-table">
				<summary>Show the data: {title}</summary>
				<table>
					<caption>{title}</caption>
					<thead>
						<tr>
							<th scope="col">Period</th>
							{series.map((line) => (
								<th scope="col" key={line.label}>
									{line.label}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{periods.map((time) => (
							<tr key={time}>
								<th scope="row">{periodLabel(new Date(time))}</th>
								{series.map((line) => {
									const value = line.points.find((point) => point.period.getTime() === time)?.value;
									return <td key={line.label}>{value === null || value === undefined ? '—' : format(value)}</td>;
								})}
							</tr>
						))}
					</tbody>
				</table>
			</details>
		</figure>
	);
}
