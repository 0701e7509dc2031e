// Messaggi in italiano. Stessi nomi e stessi {parametri} di en.ts.
// Si dà del tu, come fanno di solito i negozi online italiani.

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
export const errorBody = 'Al momento non riusciamo a caricare i tuoi premi. I tuoi punti sono al sicuro.';
export const retry = 'Riprova';
// «many» vale per i milioni tondi: «1.000.000 di punti».
export const points = { one: '{count} punto', many: '{count} di punti', other: '{count} punti' };
export const balance = 'I tuoi punti';
export const balanceNow = 'Saldo: {points}';
export const toTier = 'ancora {points} per il livello {tier}';
export const pointsUntil = 'Ancora {points} per ottenere: {reward}';
export const canRedeem = 'Puoi già riscattare: {reward}';
export const join = 'Iscriviti';
export const signIn = 'Accedi';
export const signInAgain = 'Accedi di nuovo.';
export const perUnit = '{points} per {amount}';
export const referOffer = 'Regala {gift}, ricevi {points}';
export const done = 'Fatto';
export const follow = 'Segui';
export const earnedPoints = '+{points}';
export const month = 'Mese';
export const day = 'Giorno';
export const yearOptional = 'Anno (facoltativo)';
export const save = 'Salva';
export const confirm = 'Conferma';
export const cancel = 'Annulla';
export const birthdayConfirm = 'Salvare il {date}? Poi non potrai più modificarlo.';
export const birthdayLocked = '{date} (non modificabile)';
export const redeem = 'Riscatta';
export const toGo = 'Ancora {points}';
export const confirmSpend = 'Usare {points} per «{reward}»?';
export const amountOff = '{amount} di sconto';
export const myRewards = 'I miei premi';
export const copy = 'Copia';
export const copied = 'Copiato';
export const applyToCart = 'Applica al carrello';
export const yourLink = 'Il tuo link';
export const share = 'Condividi';
export const email = 'Email';
export const whatsApp = 'WhatsApp';
export const x = 'X';
export const facebook = 'Facebook';
export const shareText = 'Ecco {gift} di sconto da {store}';
export const welcome = 'Un amico ti regala {gift} di sconto';
export const claim = 'Ottieni lo sconto';
export const earnFor = 'Guadagna {points}';
export const loadMore = 'Mostra altro';
export const empty = 'Qui non c’è ancora niente.';
export const activity_signup = 'Bonus di benvenuto';
export const activity_order = 'Ordine da {amount}';
export const activity_instagram_follow = '{rule}';
export const activity_birthday = 'Bonus di compleanno';
export const activity_referral = 'Hai invitato {friend}';
export const activity_redemption = 'Premio riscattato: {reward}';
export const activity_adjustment = 'Rettifica';
export const activity_adjustment_note = 'Rettifica: {note}';
export const activity_reversal_refunded = 'Ordine {order} rimborsato';
export const activity_reversal_cancelled = 'Ordine {order} annullato';
export const activity_reversal_referral = 'Invito di {friend} annullato';
export const activity_expiry = 'Punti scaduti';
export const expiringPoints = {
	one: '{count} punto scade il {date}',
	many: '{count} di punti scadono il {date}',
	other: '{count} punti scadono il {date}',
};
export const error_network = 'Sei offline. Riprova tra poco.';
export const error_timeout = 'Nessuna risposta. Riprova.';
export const offline = 'Sei offline. I tuoi punti sono al sicuro: riprendiamo appena torni online.';
export const error_rate_limited = 'Troppi tentativi. Attendi un momento.';
export const error_insufficient_points = 'Non hai ancora abbastanza punti.';
export const error_already_completed = 'L’hai già fatto.';
export const error_birthday_locked = 'La data del compleanno è già salvata.';
export const error_self_referral = 'Questo è il tuo link.';
export const error_already_claimed = 'Regalo già riscattato.';
export const error_not_eligible = 'Il regalo vale solo sul primo ordine.';
export const error_invalid_request = 'Controlla i dati inseriti.';
export const error_invalid_token = 'Accedi di nuovo.';
// Panel redesign and its defects (#14).
export const percentOff = '{percent}% di sconto';
export const friendMinOrder = 'Su un primo ordine da {amount} in su.';
export const friendFirstOrder = 'Sul tuo primo ordine.';
export const referralUnknown =
	'Questo link di invito non è valido: non c’è nessun regalo da richiedere. Puoi comunque iscriverti e guadagnare punti.';
export const giftClaimedElsewhere =
	'Questa email ha già richiesto il suo regalo. Il codice è stato mostrato sul dispositivo usato; accedi per trovarlo in I miei premi.';
export const birthdaySaved = 'Compleanno: {date}';
export const error_origin_not_allowed = 'Il programma premi di questo negozio non è ancora configurato. I tuoi punti sono al sicuro.';
export const guestTitle = 'Iscriviti ai premi di {store}';
export const joinPitch = 'È gratis: guadagna punti a ogni ordine e trasformali in sconti.';
export const tierPerks = 'Vantaggi {tier}';
export const lifetimeNote = 'I livelli contano tutti i punti guadagnati, spesi o no.';
export const bestWays = 'I modi migliori per guadagnare';
export const toNextReward = 'Prossimo premio';
// My rewards: a code an order already used (#14).
export const usedOn = 'Usato il {date}';
