import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../http';
import { fieldId, pointerOf, type DocumentPath } from './document';

/** What every field needs from the editor: read and write the draft, and the problems by pointer. */
export interface DraftForm {
	get(path: DocumentPath): unknown;
	set(path: DocumentPath, value: unknown): void;
	/** Problems whose pointer is exactly `pointer`. */
	problems(pointer: string): FieldProblem[];
	/** The language whose texts are being edited, and the program's default one. */
	locale: string;
	defaultLocale: string;
}

interface FieldFrameProps {
	id: string;
	label: string;
	hint?: string;
	problems: FieldProblem[];
	children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** Label, hint and the problems of one input, wired with aria-describedby and aria-invalid. */
function FieldFrame({ id, label, hint, problems, children }: FieldFrameProps) {
	const hintId = hint ? `${id}-hint` : undefined;
	const problemId = problems.length ? `${id}-problem` : undefined;
	const describedBy = [hintId, problemId].filter(Boolean).join(' ') || undefined;
	return (
		<div class="field">
			<label for={id}>
				<span>{label}</span>
			</label>
			{children(describedBy, problems.length > 0)}
			{hint && (
				<p class="hint" id={hintId}>
					{hint}
				</p>
			)}
			{problemId && (
				<p class="field-problem" id={problemId}>
					{problems.map((problem) => problem.message).join('; ')}
				</p>
			)}
		</div>
	);
}

export interface TextFieldProps {
	form: DraftForm;
	path: DocumentPath;
	label: string;
	hint?: string;
	type?: 'text' | 'url';
	/** Remove the property when emptied (optional fields), rather than keep an empty string. */
	optional?: boolean;
}

export function TextField({ form, path, label, hint, type = 'text', optional }: TextFieldProps) {
	const pointer = pointerOf(path);
	const value = form.get(path);
	return (
		<FieldFrame id={fieldId(pointer)} label={label} hint={hint} problems={form.problems(pointer)}>
			{(describedBy, invalid) => (
				<input
					id={fieldId(pointer)}
					type={type}
					value={typeof value === 'string' ? value : ''}
					onInput={(event) => form.set(path, optional && !event.currentTarget.value ? undefined : event.currentTarget.value)}
					aria-describedby={describedBy}
					aria-invalid={invalid ? 'true' : undefined}
				/>
			)}
		</FieldFrame>
	);
}

export interface NumberFieldProps {
	form: DraftForm;
	path: DocumentPath;
	label: string;
	hint?: string;
	min?: number;
	max?: number;
}

/** A whole number; emptied, the property goes (the server then says it is required, by the field). */
export function NumberField({ form, path, label, hint, min, max }: NumberFieldProps) {
	const pointer = pointerOf(path);
	const value = form.get(path);
	return (
		<FieldFrame id={fieldId(pointer)} label={label} hint={hint} problems={form.problems(pointer)}>
			{(describedBy, invalid) => (
				<input
					id={fieldId(pointer)}
					type="number"
					inputMode="numeric"
					step={1}
					min={min}
					max={max}
					value={typeof value === 'number' && Number.isFinite(value) ? String(value) : ''}
					onInput={(event) => {
						const text = event.currentTarget.value.trim();
						form.set(path, text === '' ? undefined : Number(text));
					}}
					aria-describedby={describedBy}
					aria-invalid={invalid ? 'true' : undefined}
				/>
			)}
		</FieldFrame>
	);
}

export interface LocalizedFieldProps {
	form: DraftForm;
	/** The path of the LocalizedText object. */
	path: DocumentPath;
	label: string;
	multiline?: boolean;
}

/**
One text of a LocalizedText, in the language being edited. Other languages fall back to the
default one in the widget, which the hint shows. Problems about the text object itself (a missing
default-language text) show here too.
*/
export function LocalizedField({ form, path, label, multiline }: LocalizedFieldProps) {
	const textPath = [...path, form.locale];
	const pointer = pointerOf(textPath);
	const value = form.get(textPath);
	const fallback = form.get([...path, form.defaultLocale]);
	const hint =
		form.locale !== form.defaultLocale && typeof fallback === 'string'
			? `Empty: shoppers see the ${form.defaultLocale} text, “${fallback}”.`
			: undefined;
	const problems = [...form.problems(pointerOf(path)), ...form.problems(pointer)];
	const onInput = (text: string) => form.set(textPath, text === '' ? undefined : text);
	return (
		<FieldFrame id={fieldId(pointer)} label={`${label} (${form.locale})`} hint={hint} problems={problems}>
			{(describedBy, invalid) =>
				multiline ? (
					<textarea
						id={fieldId(pointer)}
						rows={2}
						value={typeof value === 'string' ? value : ''}
						onInput={(event) => onInput(event.currentTarget.value)}
						aria-describedby={describedBy}
						aria-invalid={invalid ? 'true' : undefined}
					/>
				) : (
					<input
						id={fieldId(pointer)}
						value={typeof value === 'string' ? value : ''}
						onInput={(event) => onInput(event.currentTarget.value)}
						aria-describedby={describedBy}
						aria-invalid={invalid ? 'true' : undefined}
					/>
				)
			}
		</FieldFrame>
	);
}

/** The brand colour: a colour picker and the same value as #rrggbb text, kept in step. */
export function ColorField({ form, path, label }: { form: DraftForm; path: DocumentPath; label: string }) {
	const pointer = pointerOf(path);
	const value = form.get(path);
	const text = typeof value === 'string' ? value : '';
	const problems = form.problems(pointer);
	const problemId = problems.length ? `${fieldId(pointer)}-problem` : undefined;
	return (
		<div class="field">
			<label for={fieldId(pointer)}>
				<span>{label} (#rrggbb)</span>
			</label>
			<div class="row">
				<input
					id={fieldId(pointer)}
					value={text}
					placeholder="#1f6feb"
					onInput={(event) => form.set(path, event.currentTarget.value.trim() || undefined)}
					aria-describedby={problemId}
					aria-invalid={problems.length ? 'true' : undefined}
				/>
				<input
					type="color"
					aria-label={`${label}, colour picker`}
					value={/^#[0-9a-f]{6}$/i.test(text) ? text.toLowerCase() : '#1f6feb'}
					onInput={(event) => form.set(path, event.currentTarget.value)}
				/>
			</div>
			{problemId && (
				<p class="field-problem" id={problemId}>
					{problems.map((problem) => problem.message).join('; ')}
				</p>
			)}
		</div>
	);
}
