// Messages en français. Mêmes noms et mêmes {paramètres} que en.ts.

export const launcherLabel = 'Récompenses';
export const panelTitle = 'Récompenses';
export const closePanel = 'Fermer les récompenses';
export const loading = 'Chargement…';
export const navHome = 'Accueil';
export const navEarn = 'Gagner';
export const navRedeem = 'Utiliser';
export const navRefer = 'Parrainer';
export const navActivity = 'Historique';
export const navLabel = 'Rubriques des récompenses';
export const errorTitle = 'Un problème est survenu';
export const errorBody = 'Impossible de charger vos récompenses pour le moment. Vos points sont en sécurité.';
export const retry = 'Réessayer';
