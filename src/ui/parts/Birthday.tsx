import { useState } from 'preact/hooks';
import type { Birthday as BirthdayDate } from '../../api/client';
import { ApiError } from '../../api/errors';
import { formatDate } from '../format';
import type { ViewProps } from '../view';
import { Problem } from './Problem';
import { useAction } from './useAction';

const INVALID_DATE = new ApiError('invalid_request', 0, 'Not a calendar date in the past');

const utc = ({ month, day, year = 2000 }: BirthdayDate) => new Date(Date.UTC(year, month - 1, day));

/** A real calendar date, not in the future (29 February is fine without a year: 2000 was leap). */
const isValid = (birthday: BirthdayDate) =>
	utc(birthday).getUTCDate() == birthday.day && (!birthday.year || (birthday.year > 1899 && utc(birthday) < new Date()));

/**
Birthday entry: month, day and an optional year, checked here, then a confirmation that it cannot
be changed later. Once the server has it, the date shows locked. The submit button stays put while
the form turns into the confirmation, so focus stays on it.
*/
export function Birthday({ view }: ViewProps) {
	const { t, store, locale } = view;
	const { birthday, birthdayLockedUntil } = store.customer.value.data!;
	const [draft, setDraft] = useState<BirthdayDate>();
	const [invalid, setInvalid] = useState(false);
	const [state, run] = useAction(store.setBirthday);
	const show = (date: BirthdayDate) =>
		formatDate(locale, utc(date), { month: 'long', day: 'numeric', year: date.year ? 'numeric' : undefined });
	// A birthday the server has is shown as saved, locked or not: the form is only for a missing one.
	if (birthday) return <span class="muted">{t(birthdayLockedUntil ? 'birthdayLocked' : 'birthdaySaved', { date: show(birthday) })}</span>;
	return (
		<form
			class="actions"
			noValidate
			onSubmit={(event) => {
				event.preventDefault();
				if (draft) return void run(draft);
				const data = new FormData(event.currentTarget);
				const next = { month: +data.get('m')!, day: +data.get('d')!, year: +data.get('y')! || undefined };
				const valid = isValid(next);
				setInvalid(!valid);
				if (valid) setDraft(next);
			}}
		>
			{draft ? (
				<p role="alert">{t('birthdayConfirm', { date: show(draft) })}</p>
			) : (
				<>
					<label>
						{t('month')}
						<select name="m">
							{Array.from({ length: 12 }, (_, month) => (
								<option value={month + 1}>{formatDate(locale, utc({ month: month + 1, day: 1 }), { month: 'long' })}</option>
							))}
						</select>
					</label>
					<label>
						{t('day')}
						<input name="d" inputMode="numeric" required aria-invalid={invalid} />
					</label>
					<label>
						{t('yearOptional')}
						<input name="y" inputMode="numeric" aria-invalid={invalid} />
					</label>
				</>
			)}
			<button class="button">{t(draft ? 'confirm' : 'save')}</button>
			{draft && (
				<button type="button" class="button button-quiet" onClick={() => setDraft(undefined)}>
					{t('cancel')}
				</button>
			)}
			<Problem view={view} error={invalid ? INVALID_DATE : state.error} />
		</form>
	);
}
