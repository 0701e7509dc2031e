import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { EditableProgram, MerchantApi, ProgramDocument, PublicProgram } from './api';
import { documentProblems, fieldId, getIn, readablePointer, setIn } from './editor/document';
import type { DraftForm } from './editor/fields';
import { EarnRulesSection, ExpirySection, LinksSection, RewardsSection, StoreSection, TiersSection } from './editor/sections';
import { formatDateTime } from './format';
import { MerchantApiError, type FieldProblem } from './http';
import { Problem } from './Problem';
import type { PreviewMessage } from './preview-protocol';
import { useLoad } from './useLoad';

type SaveState =
	| { state: 'idle' }
	| { state: 'saving' }
	| { state: 'saved'; version: number }
	| { state: 'conflict' }
	| { state: 'failed'; message: string };

/** How long the editor waits after the last keystroke before it checks the draft and refreshes the preview. */
const CHECK_DELAY_MS = 300;

function Editor({ api, start, reload }: { api: MerchantApi; start: EditableProgram; reload(): void }) {
	const base = useSignal(start);
	const draft = useSignal<ProgramDocument>(start.program);
	const locale = useSignal(start.program.defaultLocale);
	const problems = useSignal<FieldProblem[]>([]);
	const checking = useSignal(false);
	const preview = useSignal<PublicProgram | undefined>(undefined);
	const save = useSignal<SaveState>({ state: 'idle' });
	const note = useSignal('');
	const frame = useRef<HTMLIFrameElement>(null);
	const dirty = useComputed(() => JSON.stringify(draft.value) !== JSON.stringify(base.value.program));
	const locales = draft.value.locales?.length ? draft.value.locales : Object.keys(start.program.name);

	const form: DraftForm = {
		get: (path) => getIn(draft.value, path),
		set: (path, value) => {
			draft.value = setIn(draft.value, path, value);
			if (save.value.state === 'saved' || save.value.state === 'failed') save.value = { state: 'idle' };
		},
		problems: (pointer) => problems.value.filter((problem) => problem.path === pointer),
		locale: locale.value,
		defaultLocale: draft.value.defaultLocale,
	};

	const sendPreview = () => {
		if (!preview.value) return;
		const message: PreviewMessage = { type: 'rewards-preview:program', program: preview.value, locale: locale.value };
		frame.current?.contentWindow?.postMessage(message, location.origin);
	};

	// The preview page asks for the draft once it runs (and again after a reload of the frame).
	useEffect(() => {
		const listener = (event: MessageEvent<PreviewMessage>) => {
			if (event.origin === location.origin && event.source === frame.current?.contentWindow && event.data?.type === 'rewards-preview:ready')
				sendPreview();
		};
		addEventListener('message', listener);
		return () => removeEventListener('message', listener);
	}, []);

	// Every change: the server checks the draft (its schema and rules, the same as a save) and renders
	// the public program the widget would get, which goes to the preview.
	useEffect(() => {
		const controller = new AbortController();
		const timer = setTimeout(async () => {
			checking.value = true;
			try {
				preview.value = await api.previewProgram(draft.value, locale.value, controller.signal);
				problems.value = [];
				sendPreview();
			} catch (error) {
				if (controller.signal.aborted) return;
				if (error instanceof MerchantApiError && error.status === 400) problems.value = documentProblems(error.fields);
			} finally {
				if (!controller.signal.aborted) checking.value = false;
			}
		}, CHECK_DELAY_MS);
		return () => {
			clearTimeout(timer);
			controller.abort();
		};
	}, [draft.value, locale.value]);

	const submit = async (event: Event) => {
		event.preventDefault();
		save.value = { state: 'saving' };
		try {
			const saved = await api.replaceProgram(draft.value, base.value.etag, note.value.trim() || undefined);
			base.value = saved;
			draft.value = saved.program;
			note.value = '';
			problems.value = [];
			save.value = { state: 'saved', version: saved.version };
		} catch (error) {
			if (error instanceof MerchantApiError && error.status === 412) save.value = { state: 'conflict' };
			else if (error instanceof MerchantApiError && error.status === 400) {
				problems.value = documentProblems(error.fields);
				save.value = { state: 'failed', message: 'Nothing was saved: fix the fields marked below.' };
			} else
				save.value = {
					state: 'failed',
					message: error instanceof MerchantApiError ? error.message : 'Saving failed; nothing was changed.',
				};
		}
	};

	const currentSave = save.value;
	return (
		<div class="editor">
			<form class="stack" onSubmit={submit} noValidate aria-labelledby="program-heading">
				<div class="card stack">
					<p class="hint">
						Version {base.value.version}, saved {formatDateTime(base.value.createdAt)}.{' '}
						{dirty.value ? 'You have unsaved changes.' : 'No unsaved changes.'}
					</p>
					<div class="field">
						<label for="editor-locale">
							<span>Edit the texts in</span>
						</label>
						<select id="editor-locale" value={locale.value} onChange={(event) => (locale.value = event.currentTarget.value)}>
							{locales.map((code) => (
								<option value={code} key={code}>
									{code}
									{code === draft.value.defaultLocale ? ' (default)' : ''}
								</option>
							))}
						</select>
					</div>
					{problems.value.length > 0 && (
						<div class="problem" role="alert" data-problems={problems.value.length}>
							<p>{problems.value.length === 1 ? 'One problem' : `${problems.value.length} problems`} to fix before saving:</p>
							<ul>
								{problems.value.map((problem) => (
									<li key={`${problem.path}:${problem.message}`}>
										{document.getElementById(fieldId(problem.path)) ? (
											<a href={`#${fieldId(problem.path)}`}>{readablePointer(problem.path)}</a>
										) : (
											readablePointer(problem.path)
										)}
										: {problem.message}
									</li>
								))}
							</ul>
						</div>
					)}
				</div>
				<StoreSection form={form} />
				<RewardsSection form={form} rewards={draft.value.rewards} currency={draft.value.currency} />
				<EarnRulesSection form={form} rules={draft.value.earnRules} currency={draft.value.currency} />
				<TiersSection form={form} tiers={draft.value.tiers} />
				<ExpirySection form={form} expiry={draft.value.pointsExpiry} />
				<LinksSection form={form} />
				<div class="card stack save-bar">
					<div class="field">
						<label for="version-note">
							<span>What changed (optional, kept with the version)</span>
						</label>
						<input id="version-note" maxLength={500} value={note.value} onInput={(event) => (note.value = event.currentTarget.value)} />
					</div>
					{currentSave.state === 'conflict' && (
						<div class="problem" role="alert">
							<p>
								Someone else changed the program since you opened it, so nothing was saved. Reload it to edit their version; your changes
								here will be lost.
							</p>
							<button type="button" onClick={reload}>
								Reload the program
							</button>
						</div>
					)}
					{currentSave.state === 'failed' && (
						<p class="problem" role="alert">
							{currentSave.message}
						</p>
					)}
					{currentSave.state === 'saved' && (
						<p class="success" role="status">
							Saved as version {currentSave.version}. Shoppers see it within a minute, no restart needed.
						</p>
					)}
					<div class="row">
						<button type="submit" class="primary" disabled={!dirty.value || currentSave.state === 'saving'}>
							{currentSave.state === 'saving' ? 'Saving…' : 'Save program'}
						</button>
						<button type="button" disabled={!dirty.value} onClick={() => ((draft.value = base.value.program), (problems.value = []))}>
							Discard changes
						</button>
					</div>
				</div>
			</form>
			<aside class="preview card" aria-labelledby="preview-heading">
				<h2 id="preview-heading">Live preview</h2>
				<p class="hint" aria-live="polite">
					{checking.value
						? 'Checking the draft…'
						: problems.value.length
							? 'The preview shows the last valid draft.'
							: 'Your widget, with the draft, as a guest sees it.'}
				</p>
				<iframe ref={frame} src="/admin/preview.html" title="Live preview of the widget with the draft program" />
			</aside>
		</div>
	);
}

/** The program editor: the current version, edited as a draft with a live preview, saved with If-Match. */
export function ProgramPage({ api }: { api: MerchantApi }) {
	const [loaded, reload] = useLoad((signal) => api.program(signal), [api]);
	const state = loaded.value;
	return (
		<div class="stack">
			<h1 tabIndex={-1} id="program-heading">
				Program
			</h1>
			{state.state === 'loading' && <p aria-live="polite">Loading the program…</p>}
			{state.state === 'failed' && <Problem error={state.error} retry={reload} />}
			{state.state === 'done' && <Editor api={api} start={state.data} reload={reload} key={state.data.version} />}
		</div>
	);
}
