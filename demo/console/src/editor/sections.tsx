import type { ProgramDocument } from '../api';
import { formatMoney } from '../format';
import { ColorField, LocalizedField, NumberField, TextField, type DraftForm } from './fields';

type Reward = ProgramDocument['rewards'][number];
type RewardKind = Reward['kind'];

const REWARD_KINDS: Array<{ kind: RewardKind; label: string }> = [
	{ kind: 'fixed_amount', label: 'Amount off' },
	{ kind: 'percent', label: 'Percent off' },
	{ kind: 'free_shipping', label: 'Free shipping' },
	{ kind: 'free_product', label: 'Free product' },
	{ kind: 'variable', label: 'Points to money (shopper chooses)' },
];

const RULE_LABELS: Record<string, string> = {
	order: 'Orders',
	signup: 'Sign-up',
	instagram_follow: 'Instagram follow',
	birthday: 'Birthday',
	referral: 'Referral',
};

/** The title of an item in the language being edited, else the default one, else its key. */
function itemName(form: DraftForm, text: Record<string, string> | undefined, fallback: string): string {
	return text?.[form.locale] || text?.[form.defaultLocale] || fallback;
}

export function StoreSection({ form }: { form: DraftForm }) {
	return (
		<fieldset>
			<legend>Store and brand</legend>
			<LocalizedField form={form} path={['name']} label="Store name" />
			<div class="row">
				<ColorField form={form} path={['brand', 'primaryColor']} label="Brand colour" />
				<TextField form={form} path={['brand', 'logoUrl']} label="Logo URL (https)" type="url" optional />
			</div>
		</fieldset>
	);
}

function RewardFields({ form, reward, index, currency }: { form: DraftForm; reward: Reward; index: number; currency: string }) {
	const path = ['rewards', index];
	const money = (value: number | undefined) =>
		typeof value === 'number' ? `${formatMoney(value, currency)} (in minor units: ${value})` : undefined;
	return (
		<fieldset data-reward={reward.id}>
			<legend>{itemName(form, reward.title, reward.id)}</legend>
			<div class="row">
				<LocalizedField form={form} path={[...path, 'title']} label="Title" />
				<div class="field">
					<label for={`reward-kind-${index}`}>
						<span>Kind</span>
					</label>
					<select
						id={`reward-kind-${index}`}
						value={reward.kind}
						onChange={(event) => form.set([...path, 'kind'], event.currentTarget.value)}
					>
						{REWARD_KINDS.map((choice) => (
							<option value={choice.kind} key={choice.kind}>
								{choice.label}
							</option>
						))}
					</select>
				</div>
			</div>
			<LocalizedField form={form} path={[...path, 'description']} label="Description" multiline />
			<div class="row">
				{reward.kind !== 'variable' && <NumberField form={form} path={[...path, 'points']} label="Cost in points" min={1} />}
				{reward.kind === 'fixed_amount' && (
					<NumberField form={form} path={[...path, 'amount']} label="Amount off, in minor units" hint={money(reward.amount)} min={1} />
				)}
				{reward.kind === 'percent' && <NumberField form={form} path={[...path, 'percent']} label="Percent off" min={1} max={100} />}
				<NumberField
					form={form}
					path={[...path, 'minOrderAmount']}
					label="Minimum order, in minor units (optional)"
					hint={money(reward.minOrderAmount)}
					min={0}
				/>
			</div>
			{reward.kind === 'free_product' && <LocalizedField form={form} path={[...path, 'productName']} label="Product" />}
			{reward.kind === 'variable' && (
				<div class="row">
					<NumberField form={form} path={[...path, 'pointsPerUnit']} label="Points per unit" min={1} />
					<NumberField
						form={form}
						path={[...path, 'unitAmount']}
						label="Unit amount, in minor units"
						hint={money(reward.unitAmount)}
						min={1}
					/>
					<NumberField form={form} path={[...path, 'minPoints']} label="Fewest points" min={1} />
					<NumberField form={form} path={[...path, 'maxPoints']} label="Most points" min={1} />
					<NumberField form={form} path={[...path, 'stepPoints']} label="In steps of" min={1} />
				</div>
			)}
			<button
				type="button"
				onClick={() =>
					form.set(
						['rewards'],
						(form.get(['rewards']) as Reward[]).filter((_, at) => at !== index),
					)
				}
			>
				Remove this reward
			</button>
		</fieldset>
	);
}

export function RewardsSection({ form, rewards, currency }: { form: DraftForm; rewards: Reward[]; currency: string }) {
	const add = () => {
		const taken = new Set(rewards.map((reward) => reward.id));
		let number = rewards.length + 1;
		while (taken.has(`reward-${number}`)) number++;
		const reward: Reward = {
			id: `reward-${number}`,
			kind: 'fixed_amount',
			title: { [form.defaultLocale]: 'New reward' },
			points: 500,
			amount: 500,
		};
		form.set(['rewards'], [...rewards, reward]);
	};
	return (
		<section aria-labelledby="rewards-heading">
			<h2 id="rewards-heading">Rewards</h2>
			{rewards.map((reward, index) => (
				<RewardFields form={form} reward={reward} index={index} currency={currency} key={index} />
			))}
			<button type="button" onClick={add}>
				Add a reward
			</button>
		</section>
	);
}

export function EarnRulesSection({ form, rules, currency }: { form: DraftForm; rules: ProgramDocument['earnRules']; currency: string }) {
	return (
		<section aria-labelledby="earn-heading">
			<h2 id="earn-heading">Ways to earn</h2>
			{rules.map((rule, index) => {
				const path = ['earnRules', index];
				return (
					<fieldset key={index} data-rule={rule.key}>
						<legend>
							{itemName(form, rule.title, rule.key)} <span class="badge">{RULE_LABELS[rule.kind] ?? rule.kind}</span>
						</legend>
						<div class="row">
							<LocalizedField form={form} path={[...path, 'title']} label="Title" />
							<NumberField
								form={form}
								path={[...path, 'points']}
								label={
									rule.kind === 'order' ? `Points per ${currency} 1 spent` : rule.kind === 'referral' ? 'Points for the referrer' : 'Points'
								}
								min={0}
							/>
						</div>
						<LocalizedField form={form} path={[...path, 'description']} label="Description" multiline />
						{rule.kind === 'instagram_follow' && (
							<TextField form={form} path={[...path, 'profileUrl']} label="Instagram profile URL (https)" type="url" />
						)}
						{rule.kind === 'referral' && (
							<>
								<h3>The friend's gift (the referral offer)</h3>
								<div class="row">
									<LocalizedField form={form} path={[...path, 'friendGift', 'title']} label="Gift title" />
									<NumberField
										form={form}
										path={[...path, 'friendGift', 'amount']}
										label="Amount off their first order, in minor units"
										hint={rule.friendGift ? formatMoney(rule.friendGift.amount, currency) : undefined}
										min={1}
									/>
									<NumberField
										form={form}
										path={[...path, 'friendGift', 'minOrderAmount']}
										label="Minimum order, in minor units"
										hint={rule.friendGift ? formatMoney(rule.friendGift.minOrderAmount, currency) : undefined}
										min={0}
									/>
								</div>
							</>
						)}
					</fieldset>
				);
			})}
		</section>
	);
}

export function TiersSection({ form, tiers }: { form: DraftForm; tiers: ProgramDocument['tiers'] }) {
	return (
		<section aria-labelledby="tiers-heading">
			<h2 id="tiers-heading">Tiers and perks</h2>
			{tiers.map((tier, index) => {
				const path = ['tiers', index];
				const perks = tier.perks ?? [];
				return (
					<fieldset key={index} data-tier={tier.key}>
						<legend>{itemName(form, tier.name, tier.key)}</legend>
						<div class="row">
							<LocalizedField form={form} path={[...path, 'name']} label="Name" />
							<NumberField form={form} path={[...path, 'threshold']} label="Lifetime points needed" min={0} />
						</div>
						{perks.map((_, perkIndex) => (
							<div class="row" key={perkIndex}>
								<LocalizedField form={form} path={[...path, 'perks', perkIndex]} label={`Perk ${perkIndex + 1}`} />
								<button
									type="button"
									class="inline-button"
									onClick={() => form.set([...path, 'perks'], perks.length > 1 ? perks.filter((__, at) => at !== perkIndex) : undefined)}
								>
									Remove perk {perkIndex + 1}
								</button>
							</div>
						))}
						<button type="button" onClick={() => form.set([...path, 'perks'], [...perks, { [form.defaultLocale]: 'New perk' }])}>
							Add a perk
						</button>
					</fieldset>
				);
			})}
		</section>
	);
}

export function ExpirySection({ form, expiry }: { form: DraftForm; expiry: ProgramDocument['pointsExpiry'] }) {
	return (
		<fieldset>
			<legend>Points expiry</legend>
			<label class="checkbox">
				<input
					type="checkbox"
					checked={Boolean(expiry)}
					onChange={(event) => form.set(['pointsExpiry'], event.currentTarget.checked ? { monthsWithoutActivity: 12 } : undefined)}
				/>{' '}
				Points expire after months without any earning or spending
			</label>
			{expiry && (
				<NumberField form={form} path={['pointsExpiry', 'monthsWithoutActivity']} label="Months without activity" min={1} max={120} />
			)}
		</fieldset>
	);
}

export function LinksSection({ form }: { form: DraftForm }) {
	return (
		<fieldset>
			<legend>Links</legend>
			<TextField form={form} path={['joinUrl']} label="Join (create account) URL" type="url" />
			<TextField form={form} path={['signInUrl']} label="Sign-in URL" type="url" />
			<TextField
				form={form}
				path={['referralLinkTemplate']}
				label="Referral link, with {code}"
				hint="e.g. https://shop.example.com/?ref={code}"
			/>
		</fieldset>
	);
}
