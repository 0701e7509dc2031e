import { createHash } from 'node:crypto';
import type { components } from '../../../src/api/schema';
import { CLAIMABLE_KINDS, ONE_TIME_KINDS, type RewardDefinition, type TierDefinition } from './definition';
import { localize } from './locale';
import type { Store } from './store';

type Program = components['schemas']['Program'];
type EarnRule = components['schemas']['EarnRule'];
type Reward = components['schemas']['Reward'];
type Tier = components['schemas']['Tier'];

/** A reward as the API shows it, in `locale`. */
export function rewardView(store: Store, reward: RewardDefinition, locale: string): Reward {
	const text = (value: Record<string, string> | undefined) => (value ? localize(value, locale, store.defaultLocale) : undefined);
	const view: Reward = { id: reward.id, kind: reward.kind, title: text(reward.title)!, currency: store.currency };
	const optional = {
		description: text(reward.description),
		points: reward.points,
		amount: reward.amount,
		percent: reward.percent,
		productName: text(reward.productName),
		pointsPerUnit: reward.pointsPerUnit,
		unitAmount: reward.unitAmount,
		minPoints: reward.minPoints,
		maxPoints: reward.maxPoints,
		stepPoints: reward.stepPoints,
		minOrderAmount: reward.minOrderAmount,
	};
	for (const [field, value] of Object.entries(optional)) if (value !== undefined) (view as Record<string, unknown>)[field] = value;
	return view;
}

/** A tier as the API shows it, in `locale`. */
export function tierView(store: Store, tier: TierDefinition, locale: string): Tier {
	const view: Tier = { key: tier.key, name: localize(tier.name, locale, store.defaultLocale), threshold: tier.threshold };
	if (tier.perks?.length) view.perks = tier.perks.map((perk) => localize(perk, locale, store.defaultLocale));
	return view;
}

/** The public program in `locale`; memoized per store and locale since it only depends on the definition. */
export function programView(store: Store, locale: string): Program {
	const memoKey = `program:${locale}`;
	const cached = store.memo.get(memoKey) as Program | undefined;
	if (cached) return cached;
	const { definition } = store;
	const text = (value: Record<string, string>) => localize(value, locale, store.defaultLocale);
	const earnRules = definition.earnRules.map((rule): EarnRule => {
		const view: EarnRule = {
			key: rule.key,
			kind: rule.kind,
			title: text(rule.title),
			points: rule.points,
			oneTime: ONE_TIME_KINDS.has(rule.kind),
			claimable: CLAIMABLE_KINDS.has(rule.kind),
		};
		if (rule.description) view.description = text(rule.description);
		if (rule.profileUrl) view.profileUrl = rule.profileUrl;
		if (rule.friendGift)
			view.friendGift = {
				title: text(rule.friendGift.title),
				amount: rule.friendGift.amount,
				minOrderAmount: rule.friendGift.minOrderAmount,
				currency: store.currency,
			};
		return view;
	});
	const program: Program = {
		storeKey: store.key,
		name: text(definition.name),
		currency: store.currency,
		locale,
		locales: store.locales,
		earnRules,
		rewards: definition.rewards.map((reward) => rewardView(store, reward, locale)),
		tiers: store.tiers.map((tier) => tierView(store, tier, locale)),
		joinUrl: definition.joinUrl,
		signInUrl: definition.signInUrl,
		referralLinkTemplate: definition.referralLinkTemplate,
	};
	if (definition.brand && Object.keys(definition.brand).length) program.brand = { ...definition.brand };
	if (definition.pointsExpiry) program.pointsExpiry = { monthsWithoutActivity: definition.pointsExpiry.monthsWithoutActivity };
	store.memo.set(memoKey, program);
	return program;
}

/** A strong ETag of the public program in `locale`: a digest of its JSON, so it changes exactly when the answer does. */
export function programTag(store: Store, locale: string): string {
	const memoKey = `program-tag:${locale}`;
	let tag = store.memo.get(memoKey) as string | undefined;
	if (!tag) {
		tag = `"${createHash('sha256')
			.update(JSON.stringify(programView(store, locale)))
			.digest('base64url')
			.slice(0, 27)}"`;
		store.memo.set(memoKey, tag);
	}
	return tag;
}
