// English messages. Every locale file exports the same names with the same {placeholders};
// test/unit/i18n-catalogues.test.ts checks that.

export const launcherLabel = 'Rewards';
export const panelTitle = 'Rewards';
export const closePanel = 'Close rewards';
export const loading = 'Loading…';
export const navHome = 'Home';
export const navEarn = 'Earn';
export const navRedeem = 'Redeem';
export const navRefer = 'Refer';
export const navActivity = 'Activity';
export const navLabel = 'Rewards sections';
export const errorTitle = 'Something went wrong';
export const errorBody = 'We could not load your rewards just now. Your points are safe.';
export const retry = 'Try again';
