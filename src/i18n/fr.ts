// Messages en français. Mêmes noms et mêmes {paramètres} que en.ts.
// Typographie : espace insécable (\u00a0) avant « : », espace fine insécable (\u202f) avant « ? » et « ! ».
// On vouvoie la cliente ou le client ; le message à partager, écrit d’ami à ami, tutoie.

export const launcherLabel = 'Récompenses';
export const panelTitle = 'Récompenses';
export const closePanel = 'Fermer les récompenses';
export const loading = 'Chargement…';
export const navHome = 'Accueil';
export const navEarn = 'Gagner';
export const navRedeem = 'Échanger';
export const navRefer = 'Parrainer';
export const navActivity = 'Historique';
export const navLabel = 'Rubriques des récompenses';
export const errorBody = 'Impossible de charger vos récompenses pour le moment. Vos points sont en sécurité.';
export const retry = 'Réessayer';
// « one » vaut pour 0 et 1 ; « many » pour les millions ronds : « 1 000 000 de points ».
export const points = { one: '{count} point', many: '{count} de points', other: '{count} points' };
export const balance = 'Vos points';
export const balanceNow = 'Solde\u00a0: {points}';
export const toTier = 'encore {points} avant le niveau {tier}';
export const pointsUntil = 'Encore {points} pour obtenir\u00a0: {reward}';
export const canRedeem = 'Déjà à votre portée\u00a0: {reward}';
export const join = 'S’inscrire';
export const signIn = 'Se connecter';
export const signInAgain = 'Veuillez vous reconnecter.';
export const perUnit = '{points} pour {amount}';
export const referOffer = 'Offrez {gift}, recevez {points}';
export const done = 'C’est fait';
export const follow = 'Suivre';
export const earnedPoints = '+{points}';
export const month = 'Mois';
export const day = 'Jour';
export const yearOptional = 'Année (facultative)';
export const save = 'Enregistrer';
export const confirm = 'Confirmer';
export const cancel = 'Annuler';
export const birthdayConfirm = 'Enregistrer le {date} comme date d’anniversaire\u202f? Elle ne pourra plus être modifiée.';
export const birthdayLocked = '{date} (non modifiable)';
export const redeem = 'Échanger';
export const toGo = 'Encore {points}';
export const confirmSpend = 'Échanger {points} contre «\u00a0{reward}\u00a0»\u202f?';
export const amountOff = '{amount} de réduction';
export const myRewards = 'Mes récompenses';
export const copy = 'Copier';
export const copied = 'Copié';
export const applyToCart = 'Appliquer au panier';
export const yourLink = 'Votre lien';
export const share = 'Partager';
export const email = 'E-mail';
export const whatsApp = 'WhatsApp';
export const x = 'X';
export const facebook = 'Facebook';
export const shareText = 'Profite de {gift} de réduction chez {store}';
export const welcome = 'Un ami vous offre {gift} de réduction';
export const claim = 'En profiter';
export const earnFor = 'Gagnez {points}';
export const loadMore = 'Voir plus';
export const empty = 'Rien pour le moment.';
export const activity_signup = 'Bonus de bienvenue';
export const activity_order = 'Commande de {amount}';
export const activity_instagram_follow = '{rule}';
export const activity_birthday = 'Bonus d’anniversaire';
export const activity_referral = 'Vous avez parrainé {friend}';
export const activity_redemption = 'Récompense obtenue\u00a0: {reward}';
export const activity_adjustment = 'Ajustement';
export const activity_adjustment_note = 'Ajustement\u00a0: {note}';
export const activity_reversal_refunded = 'Commande {order} remboursée';
export const activity_reversal_cancelled = 'Commande {order} annulée';
export const activity_reversal_referral = 'Parrainage de {friend} annulé';
export const activity_expiry = 'Points expirés';
export const expiringPoints = {
	one: '{count} point expire le {date}',
	many: '{count} de points expirent le {date}',
	other: '{count} points expirent le {date}',
};
export const error_network = 'Vous êtes hors ligne. Réessayez dans un instant.';
export const error_timeout = 'Pas de réponse. Réessayez.';
export const offline = 'Vous êtes hors ligne. Vos points sont en sécurité et tout reprendra dès votre retour.';
export const error_rate_limited = 'Trop de tentatives. Patientez un instant.';
export const error_insufficient_points = 'Pas encore assez de points.';
export const error_already_completed = 'C’est déjà fait.';
export const error_birthday_locked = 'Votre date d’anniversaire est déjà enregistrée.';
export const error_self_referral = 'C’est votre propre lien.';
export const error_already_claimed = 'Ce cadeau a déjà été utilisé.';
export const error_not_eligible = 'Ce cadeau est réservé à une première commande.';
export const error_invalid_request = 'Vérifiez votre saisie.';
export const error_invalid_token = 'Veuillez vous reconnecter.';
// Panel redesign and its defects (#14).
export const percentOff = '{percent} % de réduction';
export const friendMinOrder = 'Sur une première commande de {amount} ou plus.';
export const friendFirstOrder = 'Sur votre première commande.';
export const referralUnknown =
	'Ce lien de parrainage n’est pas valide : il n’y a pas de cadeau à réclamer. Vous pouvez quand même vous inscrire et gagner des points.';
export const giftClaimedElsewhere =
	'Cet e-mail a déjà réclamé son cadeau. Le code a été affiché sur l’appareil utilisé ; connectez-vous pour le retrouver dans Mes récompenses.';
export const birthdaySaved = 'Anniversaire : {date}';
export const error_origin_not_allowed =
	'Le programme de fidélité de cette boutique n’est pas encore configuré. Vos points sont en sécurité.';
export const guestTitle = 'Rejoignez le programme {store}';
export const joinPitch = 'C’est gratuit : gagnez des points à chaque commande et échangez-les contre des réductions.';
export const tierPerks = 'Avantages {tier}';
export const lifetimeNote = 'Les niveaux comptent tous les points gagnés, dépensés ou non.';
export const bestWays = 'Meilleures façons de gagner';
export const toNextReward = 'Prochaine récompense';
// My rewards: a code an order already used (#14).
export const usedOn = 'Utilisé le {date}';
