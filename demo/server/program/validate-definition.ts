import { MAX_POINTS_PER_ORDER } from '../customers/points-limits';
import type { StoreDefinition } from './definition';

/** One thing wrong with a program or store definition, at a JSON Pointer into the document checked. */
export interface Problem {
	path: string;
	message: string;
}

/** Checks a value against one of the contract's schemas (`ProgramDocument`, `StoreConnections`); empty when it matches. */
export type SchemaCheck = (schema: 'ProgramDocument' | 'StoreConnections', value: unknown) => Problem[];

/** Keys of a store definition that are its identity, secrets and connections: never part of the editable program. */
export const CONNECTION_FIELDS = ['key', 'secret', 'identitySecret', 'adminKey', 'shopify', 'couponWebhook'] as const;

/** A store definition that cannot be used, with every problem found. */
export class InvalidStoreDefinitionError extends Error {
	constructor(
		readonly source: string,
		readonly problems: Problem[],
	) {
		super(
			`${source} is not a valid store definition:\n${problems.map((problem) => `  ${problem.path || '/'}: ${problem.message}`).join('\n')}`,
		);
		this.name = 'InvalidStoreDefinitionError';
	}
}

const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const ONCE_PER_PROGRAM = ['order', 'signup', 'birthday', 'referral'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isCount = (value: unknown, min = 0): value is number => Number.isInteger(value) && (value as number) >= min;
/** JSON Pointer escaping of one segment (RFC 6901). */
const segment = (name: string | number) => String(name).replace(/~/g, '~0').replace(/\//g, '~1');

/** https, or http on the local machine (development storefronts). */
function isSafeUrl(value: unknown): boolean {
	if (typeof value !== 'string' || !URL.canParse(value)) return false;
	const url = new URL(value);
	return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

/**
The program's own rules, beyond what the `ProgramDocument` schema says: unique keys and ids, one
rule per server-awarded kind, the fields each kind needs, tier thresholds ascending from 0, the
default locale in every text, https URLs. Written for any value (it runs beside the schema check
so that one answer names every problem), each problem at its JSON Pointer under `at`.
*/
export function programProblems(program: unknown, at = ''): Problem[] {
	const problems: Problem[] = [];
	const need = (ok: unknown, path: string, message: string) => {
		if (!ok) problems.push({ path: `${at}${path}`, message });
	};
	if (!isObject(program)) return [{ path: at, message: 'must be an object' }];
	const defaultLocale = typeof program.defaultLocale === 'string' ? program.defaultLocale : undefined;
	const locales = Array.isArray(program.locales)
		? program.locales.filter((locale): locale is string => typeof locale === 'string')
		: undefined;
	const text = (value: unknown, path: string) => {
		if (!isObject(value)) return;
		if (defaultLocale)
			need(typeof value[defaultLocale] === 'string' && value[defaultLocale] !== '', path, `needs a "${defaultLocale}" text`);
		for (const locale of Object.keys(value)) {
			need(LOCALE.test(locale), `${path}/${segment(locale)}`, 'is not a language tag such as en or fr-CA');
			if (locales && LOCALE.test(locale))
				need(locales.includes(locale), `${path}/${segment(locale)}`, `is not one of the program's locales (${locales.join(', ')})`);
		}
	};
	const url = (value: unknown, path: string) => {
		if (value !== undefined) need(isSafeUrl(value), path, 'must be an https URL');
	};

	if (locales && defaultLocale) need(locales[0] === defaultLocale, '/locales', `must start with the default locale "${defaultLocale}"`);
	if (locales) need(new Set(locales).size === locales.length, '/locales', 'must not repeat a locale');
	text(program.name, '/name');
	url(program.joinUrl, '/joinUrl');
	url(program.signInUrl, '/signInUrl');
	if (typeof program.referralLinkTemplate === 'string')
		url(program.referralLinkTemplate.replace('{code}', 'CODE'), '/referralLinkTemplate');
	list(program.allowedOrigins).forEach((origin, index) =>
		need(
			typeof origin === 'string' && URL.canParse(origin) && new URL(origin).origin === origin,
			`/allowedOrigins/${index}`,
			'must be an origin like https://shop.example.com',
		),
	);
	if (isObject(program.brand)) url(program.brand.logoUrl, '/brand/logoUrl');

	const ruleKeys = new Set<unknown>();
	const kinds = new Map<unknown, number>();
	list(program.earnRules).forEach((rule, index) => {
		const where = `/earnRules/${index}`;
		if (!isObject(rule)) return;
		need(!ruleKeys.has(rule.key), `${where}/key`, `repeats the key "${String(rule.key)}"`);
		ruleKeys.add(rule.key);
		const seen = (kinds.get(rule.kind) ?? 0) + 1;
		kinds.set(rule.kind, seen);
		need(!(ONCE_PER_PROGRAM.includes(String(rule.kind)) && seen > 1), `${where}/kind`, `only one ${String(rule.kind)} rule is allowed`);
		need(
			typeof rule.points !== 'number' || rule.points <= MAX_POINTS_PER_ORDER,
			`${where}/points`,
			`must be at most ${MAX_POINTS_PER_ORDER}`,
		);
		text(rule.title, `${where}/title`);
		text(rule.description, `${where}/description`);
		if (rule.kind === 'instagram_follow') {
			need(rule.profileUrl !== undefined, `${where}/profileUrl`, 'is required for instagram_follow rules');
			url(rule.profileUrl, `${where}/profileUrl`);
		}
		if (rule.kind === 'referral') {
			need(isObject(rule.friendGift), `${where}/friendGift`, 'is required for referral rules');
			if (isObject(rule.friendGift)) text(rule.friendGift.title, `${where}/friendGift/title`);
		}
	});

	const rewardIds = new Set<unknown>();
	list(program.rewards).forEach((reward, index) => {
		const where = `/rewards/${index}`;
		if (!isObject(reward)) return;
		need(!rewardIds.has(reward.id), `${where}/id`, `repeats the id "${String(reward.id)}"`);
		rewardIds.add(reward.id);
		text(reward.title, `${where}/title`);
		text(reward.description, `${where}/description`);
		if (reward.kind === 'variable') {
			const { pointsPerUnit, unitAmount, minPoints, maxPoints, stepPoints } = reward;
			for (const [field, value] of Object.entries({ pointsPerUnit, unitAmount, minPoints, maxPoints, stepPoints }))
				need(isCount(value, 1), `${where}/${field}`, 'is required for variable rewards');
			if ([pointsPerUnit, minPoints, maxPoints, stepPoints].every((value) => isCount(value, 1))) {
				const [perUnit, min, max, step] = [pointsPerUnit, minPoints, maxPoints, stepPoints] as number[];
				need(min <= max, `${where}/minPoints`, 'must not be more than maxPoints');
				need(min % step === 0, `${where}/minPoints`, 'must be a multiple of stepPoints');
				need(max % step === 0, `${where}/maxPoints`, 'must be a multiple of stepPoints');
				need(step % perUnit === 0, `${where}/stepPoints`, 'must be a multiple of pointsPerUnit');
			}
		} else {
			need(isCount(reward.points, 1), `${where}/points`, 'is required (the cost in points)');
			if (reward.kind === 'fixed_amount') need(isCount(reward.amount, 1), `${where}/amount`, 'is required for fixed_amount rewards');
			if (reward.kind === 'percent') need(isCount(reward.percent, 1), `${where}/percent`, 'is required for percent rewards');
			if (reward.kind === 'free_product') {
				need(isObject(reward.productName), `${where}/productName`, 'is required for free_product rewards');
				text(reward.productName, `${where}/productName`);
			}
		}
	});

	const tiers = list(program.tiers);
	const tierKeys = new Set<unknown>();
	need(tiers.length > 0, '/tiers', 'needs at least one tier');
	tiers.forEach((tier, index) => {
		const where = `/tiers/${index}`;
		if (!isObject(tier)) return;
		need(!tierKeys.has(tier.key), `${where}/key`, `repeats the key "${String(tier.key)}"`);
		tierKeys.add(tier.key);
		text(tier.name, `${where}/name`);
		list(tier.perks).forEach((perk, perkIndex) => text(perk, `${where}/perks/${perkIndex}`));
		const previous = tiers[index - 1];
		if (index === 0) need(tier.threshold === 0, `${where}/threshold`, 'must be 0 for the first tier');
		else if (isObject(previous) && typeof previous.threshold === 'number' && typeof tier.threshold === 'number')
			need(tier.threshold > previous.threshold, `${where}/threshold`, `must be more than the previous tier's (${previous.threshold})`);
	});
	return problems;
}

/** Splits a store definition into its editable program and its identity, secrets and connections. */
export function splitDefinition(definition: Json): { program: Json; connections: Json } {
	const program: Json = {};
	const connections: Json = {};
	for (const [field, value] of Object.entries(definition))
		((CONNECTION_FIELDS as readonly string[]).includes(field) ? connections : program)[field] = value;
	return { program, connections };
}

/**
Every problem of a store definition (a REWARDS_STORE_CONFIG entry, or the demo store): its
connections and its program against the contract's schemas (when `checkSchema` is given), and the
program's own rules. Paths are JSON Pointers under `at`.
*/
export function storeProblems(definition: unknown, checkSchema?: SchemaCheck, at = ''): Problem[] {
	if (!isObject(definition)) return [{ path: at, message: 'must be an object' }];
	const { program, connections } = splitDefinition(definition);
	const prefixed = (problems: Problem[]) => problems.map((problem) => ({ ...problem, path: `${at}${problem.path}` }));
	const schemaProblems = checkSchema ? [...checkSchema('StoreConnections', connections), ...checkSchema('ProgramDocument', program)] : [];
	const own: Problem[] = [];
	if (!checkSchema) {
		if (!/^pk_[A-Za-z0-9_]{1,64}$/.test(String(definition.key ?? ''))) own.push({ path: '/key', message: 'must look like pk_…' });
		if (typeof definition.secret !== 'string' || definition.secret.length < 16)
			own.push({ path: '/secret', message: 'must have at least 16 characters' });
	}
	// A theme holds the identity secret, so it must never open what the store secret or the admin key opens.
	for (const other of ['secret', 'adminKey'])
		if (definition.identitySecret !== undefined && definition.identitySecret === definition[other])
			own.push({ path: '/identitySecret', message: `must differ from ${other}` });
	// Shopify's own rules for its connection (from the orders branch's checks, with field paths).
	const shopify = definition.shopify;
	if (isObject(shopify)) {
		if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(String(shopify.shopDomain ?? '')))
			own.push({ path: '/shopify/shopDomain', message: 'must look like your-shop.myshopify.com' });
		if (typeof shopify.webhookSecret !== 'string' || shopify.webhookSecret.length < 16)
			own.push({ path: '/shopify/webhookSecret', message: 'must have at least 16 characters (the key that signs its webhooks)' });
	}
	const expiry = program.pointsExpiry;
	if (!checkSchema && expiry !== undefined) {
		const months = isObject(expiry) ? expiry.monthsWithoutActivity : undefined;
		if (!Number.isInteger(months) || (months as number) < 1 || (months as number) > 120)
			own.push({ path: '/pointsExpiry/monthsWithoutActivity', message: 'must be a whole number of months, 1–120' });
	}
	return [...prefixed(schemaProblems), ...prefixed(own), ...programProblems(program, at)];
}

/** Throws an InvalidStoreDefinitionError naming every problem of `definition`. */
export function validateStoreDefinition(definition: StoreDefinition, checkSchema?: SchemaCheck, source = `Store ${definition?.key}`): void {
	const problems = storeProblems(definition, checkSchema);
	if (problems.length) throw new InvalidStoreDefinitionError(source, problems);
}
