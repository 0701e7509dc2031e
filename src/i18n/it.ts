// Messaggi in italiano. Stessi nomi e stessi {parametri} di en.ts.

export const launcherLabel = 'Premi';
export const panelTitle = 'Premi';
export const closePanel = 'Chiudi i premi';
export const loading = 'Caricamento…';
export const navHome = 'Home';
export const navEarn = 'Guadagna';
export const navRedeem = 'Riscatta';
export const navRefer = 'Invita';
export const navActivity = 'Attività';
export const navLabel = 'Sezioni dei premi';
export const errorTitle = 'Qualcosa è andato storto';
export const errorBody = 'Al momento non riusciamo a caricare i tuoi premi. I tuoi punti sono al sicuro.';
export const retry = 'Riprova';
