import { useSignal, type Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

/** What a load is doing: waiting, done with data, or failed with an error. */
export type Loaded<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'failed'; error: unknown };

/**
Runs `load` whenever `deps` change, aborting the previous run, and keeps its outcome in a signal.
`reload()` runs it again with the same deps, keeping what is shown until the new data is in.
*/
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): [Signal<Loaded<T>>, () => void] {
	const result = useSignal<Loaded<T>>({ state: 'loading' });
	const attempt = useSignal(0);
	const lastDeps = useRef<unknown[]>();
	useEffect(() => {
		const controller = new AbortController();
		const sameDeps = lastDeps.current?.length === deps.length && deps.every((dep, index) => Object.is(dep, lastDeps.current![index]));
		lastDeps.current = deps;
		if (!sameDeps || result.value.state !== 'done') result.value = { state: 'loading' };
		load(controller.signal).then(
			(data) => !controller.signal.aborted && (result.value = { state: 'done', data }),
			(error: unknown) => !controller.signal.aborted && (result.value = { state: 'failed', error }),
		);
		return () => controller.abort();
	}, [...deps, attempt.value]);
	return [result, () => attempt.value++];
}
