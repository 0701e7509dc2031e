/** Pure birthday rules, all in UTC calendar days. */

export interface BirthdayInput {
	month: number;
	day: number;
	year?: number;
}

const DAY_MS = 86_400_000;
const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** Gregorian leap years: every 4th, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(month: number, year?: number): number {
	// Without a year, 29 February is a real birthday.
	if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
Why a birthday is impossible, as `{ path, message }` for the 400 response, or undefined when it
is fine: the day must exist in the month (and year), and the year must not be in the future.
*/
export function birthdayProblem(birthday: BirthdayInput, today: Date): { path: string; message: string } | undefined {
	const { month, day, year } = birthday;
	if (year !== undefined && year > today.getUTCFullYear()) return { path: '/year', message: 'must not be in the future' };
	const last = daysInMonth(month, year);
	if (day > last) {
		const inYear = month === 2 && year !== undefined ? ` in ${year}` : '';
		return { path: '/day', message: `${MONTH_NAMES[month - 1]} has only ${last} days${inYear}` };
	}
	return undefined;
}

/** The UTC day a birthday falls on in `year`; 29 February becomes 28 February in common years. */
export function birthdayInYear(month: number, day: number, year: number): Date {
	const clampedDay = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
	return new Date(Date.UTC(year, month - 1, clampedDay));
}

function startOfUtcDay(time: Date): number {
	return Math.floor(time.getTime() / DAY_MS) * DAY_MS;
}

/**
Whether this calendar year's birthday reward is due: the birthday has come (today or earlier this
year) and it had been set by then, so setting a date that already passed earns nothing until next
year. Whether it was already awarded is the ledger's business (one entry per customer and year).
*/
export function birthdayRewardDue(birthday: { month: number; day: number; setAt: Date }, today: Date): boolean {
	const thisYear = birthdayInYear(birthday.month, birthday.day, today.getUTCFullYear()).getTime();
	return thisYear <= startOfUtcDay(today) && thisYear >= startOfUtcDay(birthday.setAt);
}

/** A birthday may be changed 12 months after it was last set. */
export function birthdayLockedUntil(setAt: Date): Date {
	const until = new Date(setAt);
	until.setUTCFullYear(until.getUTCFullYear() + 1);
	return until;
}
