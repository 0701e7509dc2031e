/** Thrown when the database queue is full: the request answers 503 `overloaded` instead of piling up. */
export class OverloadedError extends Error {
	constructor() {
		super('The database queue is full');
		this.name = 'OverloadedError';
	}
}

export interface AdmissionGate {
	/** Runs `work` when a slot is free, or throws OverloadedError at once when `maxWaiting` are already queued. */
	run<T>(work: () => Promise<T>): Promise<T>;
	readonly active: number;
	readonly waiting: number;
}

/**
A FIFO gate in front of the database: at most `concurrency` units of work at a time (1 makes it
the mutex PGlite's single connection needs) and at most `maxWaiting` queued behind them.
*/
export function createAdmissionGate({ concurrency, maxWaiting }: { concurrency: number; maxWaiting: number }): AdmissionGate {
	let active = 0;
	const queue: Array<() => void> = [];

	const release = () => {
		const next = queue.shift();
		if (next) next();
		else active--;
	};

	return {
		get active() {
			return active;
		},
		get waiting() {
			return queue.length;
		},
		async run(work) {
			if (active < concurrency) active++;
			else if (queue.length >= maxWaiting) throw new OverloadedError();
			// The slot is handed over directly by release(), so `active` stays counted.
			else await new Promise<void>((resolve) => queue.push(resolve));
			try {
				return await work();
			} finally {
				release();
			}
		},
	};
}
