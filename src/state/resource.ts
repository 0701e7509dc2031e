import { signal, type Signal } from '@preact/signals';
import type { ApiError } from '../api/errors';

/** Data from the server with its loading and error state. `data` is only ever real server data. */
export interface Resource<T> {
	data?: T;
	error?: ApiError;
	loading?: boolean;
}

export type ResourceSignal<T> = Signal<Resource<T>>;

export const resource = <T>(): ResourceSignal<T> => signal<Resource<T>>({});
