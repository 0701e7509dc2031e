/** Money from integer minor units, e.g. 1000 USD → "$10" and 4990 USD → "$49.90", for the locale. */
export function formatMoney(locale: string, minor: number, currency: string): string {
	const format = new Intl.NumberFormat(locale, {
		style: 'currency',
		currency,
		trailingZeroDisplay: 'stripIfInteger',
	} as Intl.NumberFormatOptions);
	return format.format(minor / 10 ** format.resolvedOptions().maximumFractionDigits!);
}

/** Minor units in one whole unit of the currency: 100 for USD, 1 for JPY. */
export const minorPerUnit = (currency: string) =>
	10 ** new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits!;

/** A date for the locale; UTC, so a birthday never shifts by a day in the shopper's time zone. */
export const formatDate = (locale: string, date: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
	new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(date));
