import type { Database } from '../db/types';
import { ApiError, invalidField } from '../errors';
import type { Store } from '../program/store';
import { type BirthdayInput, birthdayLockedUntil, birthdayProblem } from './birthday-rules';
import type { CustomerIdentity } from './identity';
import { inTransactionRetryingCodes, lockOrEnrol } from './repository';

/**
Sets the customer's birthday. Setting the same date again changes nothing; a different date is
refused with 409 `birthday_locked` until 12 months after it was last set. Impossible dates
(31 April, 29 February 2023, a future year) answer 400 with the field at fault.
*/
export async function setBirthday(
	db: Database,
	store: Store,
	identity: CustomerIdentity,
	birthday: BirthdayInput,
	now = new Date(),
): Promise<void> {
	const problem = birthdayProblem(birthday, now);
	if (problem) throw invalidField('body', problem.path, problem.message);
	await inTransactionRetryingCodes(db, async (tx) => {
		const customer = await lockOrEnrol(tx, store, identity);
		const unchanged =
			customer.birthday_month === birthday.month &&
			customer.birthday_day === birthday.day &&
			customer.birthday_year === (birthday.year ?? null);
		if (unchanged) return;
		if (customer.birthday_set_at) {
			const lockedUntil = birthdayLockedUntil(new Date(customer.birthday_set_at));
			if (lockedUntil > now) throw new ApiError('birthday_locked', `The birthday can be changed again after ${lockedUntil.toISOString()}.`);
		}
		await tx.query('update customers set birthday_month = $2, birthday_day = $3, birthday_year = $4, birthday_set_at = $5 where id = $1', [
			customer.id,
			birthday.month,
			birthday.day,
			birthday.year ?? null,
			now.toISOString(),
		]);
	});
}
