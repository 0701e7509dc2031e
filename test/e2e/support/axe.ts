import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeFindings {
	violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown; failureSummary: string }> }>;
	passes: string[];
}

/** Runs axe-core on the whole document; it pierces open shadow roots, so the widget is included. */
export async function runAxe(page: Page): Promise<AxeFindings> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
	return page.evaluate(async (tags) => {
		type Result = { id: string; impact: string; nodes: Array<{ target: unknown; failureSummary: string }> };
		const axe = (
			window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Result[]; passes: Result[] }> } }
		).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return {
			violations: result.violations.map((v) => ({
				id: v.id,
				impact: v.impact,
				nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
			})),
			passes: result.passes.map((p) => p.id),
		};
	}, WCAG_TAGS);
}
