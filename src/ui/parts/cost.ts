import type { Reward } from '../../api/client';

/** The fewest points a reward takes: its price, or a variable reward's minimum. */
export const cost = (reward: Reward) => reward.points ?? reward.minPoints!;
