// Komunikaty po polsku. Te same nazwy i te same {parametry} co w en.ts.

export const launcherLabel = 'Nagrody';
export const panelTitle = 'Nagrody';
export const closePanel = 'Zamknij nagrody';
export const loading = 'Wczytywanie…';
export const navHome = 'Start';
export const navEarn = 'Zdobywaj';
export const navRedeem = 'Wymieniaj';
export const navRefer = 'Poleć';
export const navActivity = 'Historia';
export const navLabel = 'Sekcje nagród';
export const errorTitle = 'Coś poszło nie tak';
export const errorBody = 'Nie udało się teraz wczytać Twoich nagród. Twoje punkty są bezpieczne.';
export const retry = 'Spróbuj ponownie';
