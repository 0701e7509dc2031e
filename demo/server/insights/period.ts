import { invalidField } from '../errors';

export type Interval = 'week' | 'month';

/** A span of whole UTC days, as ISO dates, both included, and its bounds as instants. */
export interface Span {
	start: string;
	end: string;
	/** Midnight UTC opening `start`. */
	startAt: string;
	/** Midnight UTC after `end` (excluded). */
	endAt: string;
	/** 365 days before endAt: the purchase-frequency window of a span ending at `end`. */
	yearAt: string;
}

export interface Period extends Span {
	interval: Interval;
	/** The intervals overlapping the period, oldest first, each clipped to it. */
	buckets: Span[];
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 3 * 366;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

function span(startDay: number, endDay: number): Span {
	return {
		start: isoDate(startDay),
		end: isoDate(endDay),
		startAt: new Date(startDay).toISOString(),
		endAt: new Date(endDay + DAY_MS).toISOString(),
		yearAt: new Date(endDay + DAY_MS - 365 * DAY_MS).toISOString(),
	};
}

/** The first day of the interval holding `day`: its ISO week's Monday, or its month's first day. */
function intervalStart(day: number, interval: Interval): number {
	const date = new Date(day);
	if (interval === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
	return day - ((date.getUTCDay() + 6) % 7) * DAY_MS;
}

function nextIntervalStart(day: number, interval: Interval): number {
	const date = new Date(day);
	return interval === 'month' ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) : day + 7 * DAY_MS;
}

/**
The period of the `from`, `to` and `interval` query parameters (dates already checked by the
contract): by default the 365 days ending today (UTC), by month. `from` after `to`, or more than
three years, is refused naming the parameter.
*/
export function periodOf(query: { from?: string; to?: string; interval?: Interval }, now = Date.now()): Period {
	const interval = query.interval ?? 'month';
	const endDay = query.to ? dayOf(query.to) : dayOf(isoDate(now));
	const startDay = query.from ? dayOf(query.from) : endDay - 364 * DAY_MS;
	if (startDay > endDay) throw invalidField('query', '/from', 'must not be after to');
	if ((endDay - startDay) / DAY_MS >= MAX_DAYS) throw invalidField('query', '/from', 'must be at most three years before to');
	const buckets: Span[] = [];
	for (let bucketStart = intervalStart(startDay, interval); bucketStart <= endDay; bucketStart = nextIntervalStart(bucketStart, interval)) {
		const bucketEnd = nextIntervalStart(bucketStart, interval) - DAY_MS;
		buckets.push(span(Math.max(bucketStart, startDay), Math.min(bucketEnd, endDay)));
	}
	return { ...span(startDay, endDay), interval, buckets };
}
