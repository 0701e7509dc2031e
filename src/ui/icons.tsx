import type { EarnRule, Reward } from '../api/client';
import { LAUNCHER_ICONS } from '../config/launcher-icons';

/*
The panel's own small icon set: outline paths on a 24×24 grid after Lucide (ISC), one `d` each, so
an icon costs its path and nothing else. Stroke, size and colour come from the shadow root's one
svg rule (embed/launcher.css). The gift and the star are the launcher's (config/launcher-icons.ts).
*/
const PATHS = {
	close: 'M6 6l12 12M18 6L6 18',
	bag: 'M6 2 3 6v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6l-3-4zM3 6h18M16 10a4 4 0 0 1-8 0',
	friends: 'M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM23 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75',
	ticket: 'M2 9a3 3 0 0 0 0 6v4h20v-4a3 3 0 0 1 0-6V5H2zM13 5v2M13 17v2M13 11v2',
};

export type IconName = keyof typeof PATHS | 'gift' | 'star';

/** A decorative icon: its meaning is always in the text beside it. */
export const Icon = ({ name }: { name: IconName }) => (
	<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
		<path d={name == 'gift' || name == 'star' ? LAUNCHER_ICONS[name] : PATHS[name]} />
	</svg>
);

export const CloseIcon = () => <Icon name="close" />;
export const TicketIcon = () => <Icon name="ticket" />;

const EARN_ICONS: Record<EarnRule['kind'], IconName> = {
	order: 'bag',
	signup: 'star',
	instagram_follow: 'star',
	birthday: 'gift',
	referral: 'friends',
};

const REWARD_ICONS: Record<Reward['kind'], IconName> = {
	fixed_amount: 'ticket',
	percent: 'ticket',
	free_shipping: 'gift',
	free_product: 'gift',
	variable: 'ticket',
};

// Every kind has its icon: answers with another kind are refused (api/shape.ts).
export const earnIcon = (kind: EarnRule['kind']): IconName => EARN_ICONS[kind];
export const rewardIcon = (kind: Reward['kind']): IconName => REWARD_ICONS[kind];
