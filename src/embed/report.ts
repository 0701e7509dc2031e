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
};

/**
Hands an error to the merchant's `onError` and warns once on the console. Never throws:
a throwing `onError` is itself only warned about.
*/
export function createReporter(getOnError: () => ((error: unknown) => void) | undefined) {
	return (error: unknown) => {
		try {
			getOnError()?.(error);
		} catch (callbackError) {
			log.warn('onError threw', callbackError);
		}
		log.warn(`error caught: ${error instanceof Error ? error.message : String(error)}`, error);
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
