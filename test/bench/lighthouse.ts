import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, findChromium } from '../support/chromium';
import type { LighthouseResult, LighthouseRun } from './report';
import { summarize } from './stats';

/**
Lighthouse (pinned 12.2.3, the last major that runs on Node 20) with its default mobile preset:
Moto G Power screen emulation and simulated throttling (150 ms RTT, 1.6 Mbps, 4× CPU). The page
alone (a) and the page with the widget (b) alternate, each in the same Chromium, `runs` times.
Shopify's app review allows a 10-point drop; our goal is at most 1 point.
*/
export async function runLighthouse(options: {
	urls: { a: string; b: string };
	runs: number;
	progress: (message: string) => void;
}): Promise<LighthouseResult> {
	const chrome = await chromeLauncher.launch({
		chromePath: findChromium(),
		chromeFlags: [...CHROMIUM_FLAGS.filter((flag) => flag !== '--headless'), '--headless=new'],
	});
	const runs: LighthouseResult['runs'] = { a: [], b: [] };
	let version = '';
	try {
		for (let round = 0; round < options.runs; round++) {
			const line: string[] = [];
			for (const id of ['a', 'b'] as const) {
				const result = await lighthouse(options.urls[id], {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance'],
				});
				if (!result) throw new Error('Lighthouse returned no result');
				const { lhr } = result;
				version = lhr.lighthouseVersion;
				const audit = (name: string) => lhr.audits[name]?.numericValue ?? NaN;
				const run: LighthouseRun = {
					score: Math.round((lhr.categories.performance.score ?? NaN) * 100),
					tbt: audit('total-blocking-time'),
					cls: audit('cumulative-layout-shift'),
					lcp: audit('largest-contentful-paint'),
					fcp: audit('first-contentful-paint'),
				};
				runs[id].push(run);
				line.push(`${id} ${run.score} (TBT ${run.tbt.toFixed(0)} ms, CLS ${run.cls.toFixed(3)})`);
			}
			options.progress(`Lighthouse round ${round + 1}/${options.runs}: ${line.join(' · ')}`);
		}
	} finally {
		chrome.kill();
	}
	const median = (list: LighthouseRun[]) => summarize(list.map((r) => r.score))?.median ?? NaN;
	return {
		version,
		runs,
		difference: median(runs.b) - median(runs.a),
		note: 'Simulated throttling (Lantern) estimates the mobile timings from one unthrottled load, so single scores move by a few points between runs; the medians are compared.',
	};
}
