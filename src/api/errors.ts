import { HTTPError } from 'ky';
import type { components } from './schema';

/**
Why a call failed: the contract's machine-readable `error.code` (e.g. `insufficient_points`), or
`timeout` / `network` when no answer came, or `invalid_response` when the answer was cut short or
not of the contract's shape. `status` is 0 when there was no usable HTTP response.
*/
export interface ApiError {
	code: string;
	status: number;
}

/** Turns whatever a request threw into an ApiError. Never throws. */
export async function toApiError(error: unknown): Promise<ApiError> {
	if (!(error instanceof HTTPError)) return { code: (error as Error)?.name == 'TimeoutError' ? 'timeout' : 'network', status: 0 };
	const { status } = error.response;
	const body: components['schemas']['ErrorResponse'] | undefined = await error.response.json().catch(() => undefined);
	return { code: body?.error?.code ?? 'http', status };
}
