import type { EarnRule, Reward } from '../api/client';

/*
The panel's own small icon set: outline paths on a 24×24 grid after Lucide (ISC), one `d` each, so
an icon costs its path and nothing else. Stroke, size and colour come from the shadow root's one
svg rule (embed/launcher.css).
*/
const PATHS = {
	close: 'M6 6l12 12M18 6L6 18',
	bag: 'M6 2 3 6v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6l-3-4zM3 6h18M16 10a4 4 0 0 1-8 0',
	join: 'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM19 8v6M22 11h-6',
	camera: 'M7 2h10a5 5 0 0 1 5 5v10a5 5 0 0 1-5 5H7a5 5 0 0 1-5-5V7a5 5 0 0 1 5-5zM16 12a4 4 0 1 1-8 0 4 4 0 0 1 8 0zM17.5 6.5h.01',
	cake: 'M20 21v-8a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8M4 16s.5-1 2-1 2.5 2 4 2 2.5-2 4-2 2.5 2 4 2 2-1 2-1M2 21h20M7 8v3M12 8v3M17 8v3',
	friends: 'M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM23 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75',
	ticket: 'M2 9a3 3 0 0 0 0 6v4h20v-4a3 3 0 0 1 0-6V5H2zM13 5v2M13 17v2M13 11v2',
	percent: 'M19 5 5 19M6.5 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM17.5 20a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
	truck: 'M1 3h15v13H1zM16 8h4l3 3v5h-7zM5.5 21a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM18.5 21a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
	gift: 'M20 12v10H4V12M2 7h20v5H2zM12 22V7M12 7H7.5a2.5 2.5 0 0 1 0-5C11 2 12 7 12 7zM12 7h4.5a2.5 2.5 0 0 0 0-5C13 2 12 7 12 7z',
	coins: 'M12 1v22M17 5H9.5a3.5 3.5 0 0 0 0 7h5a3.5 3.5 0 0 1 0 7H6',
	star: 'M12 2l3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01z',
	clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 6v6l4 2',
};

export type IconName = keyof typeof PATHS;

/** A decorative icon: its meaning is always in the text beside it. */
export const Icon = ({ name }: { name: IconName }) => (
	<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
		<path d={PATHS[name]} />
	</svg>
);

export const CloseIcon = () => <Icon name="close" />;
export const TicketIcon = () => <Icon name="ticket" />;

const EARN_ICONS: Record<EarnRule['kind'], IconName> = {
	order: 'bag',
	signup: 'join',
	instagram_follow: 'camera',
	birthday: 'cake',
	referral: 'friends',
};

const REWARD_ICONS: Record<Reward['kind'], IconName> = {
	fixed_amount: 'ticket',
	percent: 'percent',
	free_shipping: 'truck',
	free_product: 'gift',
	variable: 'coins',
};

export const earnIcon = (kind: EarnRule['kind']): IconName => EARN_ICONS[kind] ?? 'star';
export const rewardIcon = (kind: Reward['kind']): IconName => REWARD_ICONS[kind] ?? 'gift';
