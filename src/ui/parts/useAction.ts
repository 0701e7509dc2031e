import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/errors';

export interface ActionState<R> {
	busy?: boolean;
	error?: ApiError;
	result?: R;
}

/** Runs a shopper's action once at a time and keeps its outcome as the server gave it. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
	const [state, setState] = useState<ActionState<R>>({});
	const run = async (...args: A) => {
		if (state.busy) return;
		setState({ busy: true });
		try {
			setState({ result: await action(...args) });
		} catch (error) {
			setState({ error: error as ApiError });
		}
	};
	return [state, run] as const;
}
