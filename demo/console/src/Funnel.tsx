import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';
import { asOneImage } from './Chart';
import { formatInteger, formatPercent } from './format';

export interface FunnelProps {
	title: string;
	steps: Array<{ label: string; count: number }>;
}

/**
A funnel as horizontal bars (Observable Plot), each step with its share of the first, and the same
numbers in a table for screen readers and tests.
*/
export function Funnel({ title, steps }: FunnelProps) {
	const container = useRef<HTMLDivElement>(null);
	const first = steps[0]?.count ?? 0;
	const share = (count: number) => (first ? formatPercent(count / first) : '—');

	useEffect(() => {
		const target = container.current;
		if (!target) return;
		const plot = Plot.plot({
			width: Math.max(320, Math.min(target.clientWidth || 480, 640)),
			height: 40 + steps.length * 34,
			marginLeft: 130,
			marginRight: 70,
			ariaLabel: title,
			ariaDescription: steps.map((step) => `${step.label}: ${formatInteger(step.count)}`).join(', '),
			style: { background: 'transparent', fontSize: '12px' },
			x: { axis: null },
			y: { domain: steps.map((step) => step.label), label: null, tickSize: 0 },
			marks: [
				Plot.barX(steps, { x: 'count', y: 'label', fill: '#1d5fb8' }),
				Plot.text(steps, {
					x: 'count',
					y: 'label',
					text: (step: FunnelProps['steps'][number]) => formatInteger(step.count),
					dx: 6,
					textAnchor: 'start',
				}),
			],
		});
		asOneImage(plot);
		target.replaceChildren(plot);
		target.dataset.rendered = 'true';
		return () => plot.remove();
	}, [steps, title]);

	return (
		<figure class="chart">
			<figcaption class="chart-title">{title}</figcaption>
			<div class="chart-plot chart-plot-funnel" ref={container} />
			<details class="chart-table">
				<summary>Show the data: {title}</summary>
				<table>
					<caption>{title}</caption>
					<thead>
						<tr>
							<th scope="col">Step</th>
							<th scope="col" class="number">
								Count
							</th>
							<th scope="col" class="number">
								Share of the first step
							</th>
						</tr>
					</thead>
					<tbody>
						{steps.map((step) => (
							<tr key={step.label}>
								<th scope="row">{step.label}</th>
								<td class="number">{formatInteger(step.count)}</td>
								<td class="number">{share(step.count)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</details>
		</figure>
	);
}
