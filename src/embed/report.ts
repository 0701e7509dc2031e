const PREFIX = '[Rewards]';

/** Console output of the widget: one prefix, and each distinct warning at most once per page. */
export const log = {
	warned: new Set<string>(),
	warn(message: string, detail?: unknown) {
		if (log.warned.has(message)) return;
		log.warned.add(message);
		detail === undefined ? console.warn(`${PREFIX} ${message}`) : console.warn(`${PREFIX} ${message}`, detail);
	},
	error(message: string) {
		console.error(`${PREFIX} ${message}`);
	},
	/** Setup mistakes already said: each one once per page, not once per request. */
	setupMistakes: new Set<string>(),
};

/** One line that tells failures apart: "RewardsApiError network: No answer from GET …", never "[object Object]". */
export function describeError(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as { code?: unknown }).code;
		return `${error.name}${typeof code == 'string' ? ` ${code}` : ''}: ${error.message}`;
	}
	try {
		return typeof error == 'object' && error ? JSON.stringify(error) : String(error);
	} catch {
		return String(error);
	}
}

/**
Hands an error to the merchant's `onError` and tells the console once per distinct error: a
setup mistake (a RewardsError with `setupMistake`, from this bundle or the panel's) as an error
naming the fix, anything else as a warning. Never throws: a throwing `onError` is only warned about.
*/
export function createReporter(getOnError: () => ((error: unknown) => void) | undefined) {
	return (error: unknown) => {
		try {
			getOnError()?.(error);
		} catch (callbackError) {
			log.warn('onError threw', callbackError);
		}
		if ((error as { setupMistake?: boolean } | undefined)?.setupMistake) {
			const { message } = error as Error;
			if (!log.setupMistakes.has(message)) log.error(message);
			log.setupMistakes.add(message);
		} else log.warn(`error caught: ${describeError(error)}`, error);
	};
}

export type Report = ReturnType<typeof createReporter>;

/** Wraps a function so that nothing it throws, synchronously or asynchronously, reaches the caller. */
export function guard<Args extends unknown[], R>(report: Report, fn: (...args: Args) => R): (...args: Args) => R | undefined {
	return (...args) => {
		try {
			const result = fn(...args);
			// Any thenable, not `instanceof Promise`: pages that replace window.Promise (old
			// polyfills, zone.js) make our async functions' native promises fail instanceof.
			if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function')
				(result as PromiseLike<unknown>).then(undefined, report);
			return result;
		} catch (error) {
			report(error);
			return undefined;
		}
	};
}
