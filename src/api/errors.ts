import { HTTPError } from 'ky';
import type { components } from './schema';

/**
What the widget reports (to `onError` and the console): an Error with a machine-readable `code`,
a message a developer can act on, and the `cause` it came from. `setupMistake` marks the errors
the merchant fixes in their setup (an origin the API does not allow): the console shows those as
one error naming the fix, not as a warning.
*/
export class RewardsError extends Error {
	override name = 'RewardsError';
	constructor(
		readonly code: string,
		message: string,
		cause?: unknown,
		readonly setupMistake = false,
	) {
		super(message);
		if (cause !== undefined) this.cause = cause;
	}
}

/**
Why a call to the loyalty API failed: the contract's `error.code` (e.g. `insufficient_points`),
`timeout` / `network` when no answer came, `origin_not_allowed` when the API answers but not to
this page's origin (CORS), or `invalid_response` when the answer was cut short or not of the
contract's shape. `status` is 0 when there was no usable HTTP response.
*/
export class ApiError extends RewardsError {
	override name = 'RewardsApiError';
	constructor(
		code: string,
		readonly status: number,
		message: string,
		cause?: unknown,
		setupMistake?: boolean,
	) {
		super(code, message, cause, setupMistake);
	}
}

/** The request an error is about, for its message: "GET https://api.example/v1/stores/pk/program". */
export interface FailedRequest {
	method: string;
	url: string;
}

/**
The API answered, but the browser withheld the answer: its CORS headers do not name this page's
origin. A fetch without CORS (an opaque answer) tells that apart from no answer at all.
*/
async function answersWithoutCors(url: string) {
	try {
		await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
		return true;
	} catch {
		return false;
	}
}

/** Turns whatever a request threw into an ApiError. Never throws. */
export async function toApiError(error: unknown, { method, url }: FailedRequest): Promise<ApiError> {
	const request = `${method.toUpperCase()} ${url}`;
	if (!(error instanceof HTTPError)) {
		if ((error as Error)?.name == 'TimeoutError') return new ApiError('timeout', 0, `No answer in 10 s from ${request}`, error);
		if (navigator.onLine && (await answersWithoutCors(url))) {
			const origin = location.origin;
			return new ApiError(
				'origin_not_allowed',
				0,
				`The rewards API does not allow this shop's origin ${origin} (CORS): add ${origin} to the store's allowed origins on the server (${url.replace(/\/v1\/.*/, '')}).`,
				error,
				true,
			);
		}
		return new ApiError('network', 0, `No answer from ${request}: the network failed or the browser is offline`, error);
	}
	const { status } = error.response;
	const body: components['schemas']['ErrorResponse'] | undefined = await error.response.json().catch(() => undefined);
	const code = body?.error?.code ?? 'http';
	return new ApiError(code, status, `${request} answered ${status} ${code}${body?.error?.message ? `: ${body.error.message}` : ''}`, error);
}
