// The console's number and date formats, in the merchant's browser language.
const locale = navigator.language || 'en';

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentage = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

export const formatInteger = (value: number) => integer.format(value);
export const formatDecimal = (value: number) => decimal.format(value);
/** 0.253 → "25.3%" */
export const formatPercent = (value: number) => percentage.format(value);
export const formatDay = (date: Date) => day.format(date);
export const formatMonth = (date: Date) => month.format(date);
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** Minor units to money, e.g. 4250 USD → "$42.50". */
export function formatMoney(minorUnits: number, currency: string): string {
	const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
	const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
	return format.format(minorUnits / 10 ** digits);
}

/** "—" for a rate whose denominator was zero. */
export function orDash(value: number | null | undefined, format: (value: number) => string): string {
	return value === null || value === undefined ? '—' : format(value);
}

/** A YYYY-MM-DD (UTC) day as a Date at UTC midnight. */
export const parseDay = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);
/** A Date's UTC day as YYYY-MM-DD. */
export const toDay = (date: Date) => date.toISOString().slice(0, 10);
