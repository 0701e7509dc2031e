import type { components } from '../../src/api/schema';

export type ErrorCode = components['schemas']['ErrorCode'];
export type ErrorField = components['schemas']['ErrorField'];

const STATUS: Record<ErrorCode, number> = {
	invalid_request: 400,
	invalid_token: 401,
	token_expired: 401,
	invalid_signature: 401,
	invalid_admin_key: 401,
	forbidden: 403,
	not_found: 404,
	method_not_allowed: 405,
	already_completed: 409,
	birthday_locked: 409,
	self_referral: 409,
	already_claimed: 409,
	not_eligible: 409,
	insufficient_points: 409,
	coupon_refused: 422,
	coupon_platform_unavailable: 502,
	coupon_already_used: 409,
	coupon_not_active: 409,
	payload_too_large: 413,
	unsupported_media_type: 415,
	idempotency_key_reused: 422,
	precondition_required: 428,
	version_conflict: 412,
	points_limit_exceeded: 422,
	unknown_referral: 404,
	rate_limited: 429,
	internal_error: 500,
	overloaded: 503,
	unavailable: 503,
};

/** An error the API answers with its contract body: `{ error: { code, message, fields? } }`. */
export class ApiError extends Error {
	readonly status: number;

	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly fields?: ErrorField[],
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'ApiError';
		this.status = STATUS[code];
	}

	get body(): components['schemas']['ErrorResponse'] {
		return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
	}
}

/** 400 `invalid_request` about one field. */
export function invalidField(location: ErrorField['in'], path: string, message: string): ApiError {
	return new ApiError('invalid_request', 'The request does not match the API contract.', [{ in: location, path, message }]);
}
