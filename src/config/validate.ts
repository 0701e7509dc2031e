import { isColor } from './color';
import { DEFAULTS, type ResolvedConfig } from './defaults';
import { safeUrl } from './safe-url';
import type { RewardsOptions } from './options';
import { encodeSignedCustomer } from './shopper';

export interface ValidationResult {
	/** The config to run with, or undefined when an error keeps the widget off. */
	config?: ResolvedConfig;
	/** Each names the option and says what is wrong; any error keeps the widget off. */
	errors: string[];
	/** Unknown options: they are ignored, and named so that typos are easy to spot. */
	warnings: string[];
}

type Check = (value: any) => boolean;
/**
A check, and what a valid value looks like where that is short to say: a type or a list of choices.
The rest (a colour, a language tag, a store key...) are described in README › Options and in the
option's JSDoc; the launcher's 6 KB leave no room for their prose, and the message still names the
option and the value it refused.
*/
type Rule = [Check, string?];
// Empty strings never reach a check: they count as not given.
const string: Check = (v) => typeof v === 'string';
const number: Check = (v) => Number.isFinite(v);
const nonNegative: Check = (v) => number(v) && v >= 0;
const object: Check = (v) => typeof v === 'object' && v !== null;
const fn: Check = (v) => typeof v === 'function';
/** A string `pattern` matches. */
const matching =
	(pattern: RegExp): Check =>
	(v) =>
		string(v) && pattern.test(v);
/** The check and what a valid value looks like, for options that take one of a few strings. */
const oneOf = (...allowed: string[]): Rule => [(v) => allowed.includes(v), `one of "${allowed.join('", "')}"`];

/** The `customer` option's shape, as far as the launcher checks it; the server checks the rest, and its 401 says what is wrong. */
export const isSignedCustomerOption: Check = (v) => object(v) && v.id && v.email && /^[\da-f]{64}$/.test(v.digest);

/** Rules several options share. */
const PIXELS: Rule = [nonNegative];
const COLOUR: Rule = [isColor];
const FUNCTION: Rule = [fn, 'a function'];
const STRING: Rule = [string, 'a string'];
const OBJECT: Rule = [object, 'an object'];

/** Each option (nested ones as "parent.child"), in the order errors are listed. */
const RULES: Record<string, Rule> = {
	store: [matching(/^[\w-]{1,100}$/)],
	// An absolute URL that safeUrl accepts: https:, or http: on localhost (or on the page's own origin).
	api: [(v) => matching(/^https?:\/\//i)(v) && !!safeUrl(v), 'an https: URL'],
	customerToken: STRING,
	customer: [isSignedCustomerOption],
	referralParam: STRING,
	position: oneOf('bottom-right', 'bottom-left'),
	showOn: oneOf('all', 'desktop', 'mobile'),
	colorScheme: oneOf('auto', 'light', 'dark'),
	launcherIcon: oneOf('gift', 'star', 'heart', 'none'),
	hideLauncher: [(v) => typeof v === 'boolean', 'true or false'],
	zIndex: [number, 'a number'],
	offset: OBJECT,
	'offset.x': PIXELS,
	'offset.y': PIXELS,
	theme: OBJECT,
	'theme.primary': COLOUR,
	'theme.text': COLOUR,
	'theme.background': COLOUR,
	'theme.radius': PIXELS,
	'theme.font': [matching(/^[^;{}<>]+$/)],
	nonce: STRING,
	locale: [matching(/^[a-z]{2,3}(-\w{2,8})*$/i)],
	text: OBJECT,
	applyCouponUrl: [(v) => string(v) && v.includes('{code}') && !!safeUrl(v.replace('{code}', ''))],
	onError: FUNCTION,
	onTokenExpired: FUNCTION,
	onApplyCoupon: FUNCTION,
};

const REQUIRED = ['store', 'api'];

export const OPTION_NAMES = Object.keys(RULES).filter((path) => !path.includes('.'));

/** Checks merged options and fills in defaults. Never throws. */
export function validateOptions(options: RewardsOptions): ValidationResult {
	const errors: string[] = [];
	const warnings: string[] = [];
	const source = options as Record<string, any>;
	for (const key of Object.keys(source)) {
		if (!OPTION_NAMES.includes(key)) warnings.push(`unknown option "${key}" is ignored`);
	}
	if (object(source.theme)) {
		for (const key of Object.keys(source.theme)) if (!RULES[`theme.${key}`]) warnings.push(`unknown option "theme.${key}" is ignored`);
	}
	for (const [path, [check, expected]] of Object.entries(RULES)) {
		// Under a parent that is missing or no object (its own rule says so), a nested option reads as not given.
		const value = path.split('.').reduce<any>((parent, key) => parent?.[key], source);
		const missing = value === undefined || value === '';
		if (missing ? REQUIRED.includes(path) : !check(value)) {
			errors.push(`"${path}" ${missing ? 'is missing' : `is not ${expected || 'valid'}: ${JSON.stringify(value)}`}`);
		}
	}
	if (options.customer && options.customerToken) errors.push('"customer" or "customerToken", not both');
	if (errors.length) return { errors, warnings };

	return {
		errors,
		warnings,
		config: {
			...DEFAULTS,
			...options,
			store: options.store!,
			api: options.api!.replace(/\/+$/, ''),
			customerToken: options.customerToken || encodeSignedCustomer(options.customer) || undefined,
			nonce: options.nonce || undefined,
			offset: { ...DEFAULTS.offset, ...options.offset },
			theme: { ...options.theme },
			text: options.text ?? {},
		} as ResolvedConfig,
	};
}
