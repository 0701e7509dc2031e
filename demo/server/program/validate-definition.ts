import type { LocalizedText, StoreDefinition } from './definition';

const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const REWARD_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
A URL the widget may link to or load: https:, or http: on a developer's machine. Any other scheme
(javascript:, data:, …) would run script on every storefront that shows the program.
*/
export function isWebUrl(value: unknown): boolean {
	if (typeof value !== 'string' || !URL.canParse(value)) return false;
	const url = new URL(value);
	return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOST.test(url.hostname));
}

/**
Checks a store definition (from code or a REWARDS_STORE_CONFIG file) and throws one Error
listing every problem, so a bad config stops the server at start rather than at a request.
*/
export function validateStoreDefinition(store: StoreDefinition): void {
	const problems: string[] = [];
	const need = (ok: unknown, problem: string) => {
		if (!ok) problems.push(problem);
	};
	const isCount = (value: unknown, min = 0) => Number.isInteger(value) && (value as number) >= min;
	const text = (value: LocalizedText | undefined, where: string) =>
		need(value && typeof value[store.defaultLocale] === 'string', `${where} needs a "${store.defaultLocale}" text`);

	need(/^pk_[A-Za-z0-9_]{1,64}$/.test(store.key ?? ''), 'key must look like pk_…');
	need(typeof store.secret === 'string' && store.secret.length >= 16, 'secret must have at least 16 characters');
	need(/^[A-Z]{3}$/.test(store.currency ?? ''), 'currency must be an ISO 4217 code');
	need(/^[a-z]{2,3}(-[A-Z]{2})?$/.test(store.defaultLocale ?? ''), 'defaultLocale must be a language tag such as en');
	text(store.name, 'name');
	need(
		Array.isArray(store.allowedOrigins) && store.allowedOrigins.every((origin) => /^https?:\/\/[^/]+$/.test(origin)),
		'allowedOrigins must be origins like https://shop.example.com',
	);
	for (const url of ['joinUrl', 'signInUrl'] as const) need(isWebUrl(store[url]), `${url} must be an https: URL (http: only on localhost)`);
	need(
		isWebUrl(store.referralLinkTemplate?.replace('{code}', 'CODE')) && store.referralLinkTemplate.includes('{code}'),
		'referralLinkTemplate must be an https: URL (http: only on localhost) containing {code}',
	);
	if (store.brand?.logoUrl !== undefined)
		need(/^https:\/\//.test(store.brand.logoUrl) && isWebUrl(store.brand.logoUrl), 'brand.logoUrl must be an https: URL');

	const ruleKeys = new Set<string>();
	for (const rule of store.earnRules ?? []) {
		const where = `earn rule ${rule.key}`;
		need(KEY.test(rule.key) && !ruleKeys.has(rule.key), `${where}: key must be unique snake_case`);
		ruleKeys.add(rule.key);
		need(['order', 'signup', 'instagram_follow', 'birthday', 'referral'].includes(rule.kind), `${where}: unknown kind ${rule.kind}`);
		need(isCount(rule.points), `${where}: points must be a whole number`);
		text(rule.title, where);
		if (rule.kind === 'instagram_follow')
			need(/^https:\/\//.test(rule.profileUrl ?? '') && isWebUrl(rule.profileUrl), `${where}: profileUrl must be an https: URL`);
		if (rule.kind === 'referral') {
			need(
				rule.friendGift && isCount(rule.friendGift.amount, 1) && isCount(rule.friendGift.minOrderAmount),
				`${where}: friendGift needs amount and minOrderAmount`,
			);
			text(rule.friendGift?.title, `${where} friendGift`);
		}
	}
	for (const kind of ['order', 'signup', 'birthday', 'referral']) {
		need((store.earnRules ?? []).filter((rule) => rule.kind === kind).length <= 1, `only one ${kind} rule is allowed`);
	}

	const rewardIds = new Set<string>();
	for (const reward of store.rewards ?? []) {
		const where = `reward ${reward.id}`;
		need(REWARD_ID.test(reward.id) && !rewardIds.has(reward.id), `${where}: id must be unique`);
		rewardIds.add(reward.id);
		text(reward.title, where);
		if (reward.kind === 'variable') {
			const { pointsPerUnit, unitAmount, minPoints, maxPoints, stepPoints } = reward;
			need(
				[pointsPerUnit, unitAmount, minPoints, maxPoints, stepPoints].every((value) => isCount(value, 1)),
				`${where}: variable rewards need pointsPerUnit, unitAmount, minPoints, maxPoints and stepPoints`,
			);
			need(
				minPoints! <= maxPoints! && minPoints! % stepPoints! === 0 && maxPoints! % stepPoints! === 0 && stepPoints! % pointsPerUnit! === 0,
				`${where}: minPoints and maxPoints must be multiples of stepPoints, itself a multiple of pointsPerUnit`,
			);
		} else {
			need(isCount(reward.points, 1), `${where}: points must be at least 1`);
			if (reward.kind === 'fixed_amount') need(isCount(reward.amount, 1), `${where}: amount is required`);
			else if (reward.kind === 'percent') need(isCount(reward.percent, 1) && reward.percent! <= 100, `${where}: percent must be 1–100`);
			else if (reward.kind === 'free_product') text(reward.productName, `${where} productName`);
			else need(reward.kind === 'free_shipping', `${where}: unknown kind ${reward.kind}`);
		}
	}

	const tiers = store.tiers ?? [];
	need(tiers.length > 0 && tiers[0].threshold === 0, 'the first tier must have threshold 0');
	tiers.forEach((tier, index) => {
		text(tier.name, `tier ${tier.key}`);
		need(index === 0 || tier.threshold > tiers[index - 1].threshold, `tier ${tier.key}: thresholds must ascend`);
	});

	if (problems.length) throw new Error(`Store ${store.key}: ${problems.join('; ')}`);
}
