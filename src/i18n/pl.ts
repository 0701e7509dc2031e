// Komunikaty po polsku. Te same nazwy i te same {parametry} co w en.ts.
// {points} to już odmieniona liczba punktów („5 punktów”), więc zdania są tak ułożone,
// by pasował do nich mianownik; nazwy nagród i poziomów z serwera stoją po dwukropku lub w cudzysłowie.

export const launcherLabel = 'Nagrody';
export const panelTitle = 'Nagrody';
export const closePanel = 'Zamknij nagrody';
export const loading = 'Wczytywanie…';
export const navHome = 'Start';
export const navEarn = 'Zbieraj';
export const navRedeem = 'Wymieniaj';
export const navRefer = 'Polecaj';
export const navActivity = 'Historia';
export const navLabel = 'Sekcje nagród';
export const errorBody = 'Nie udało się teraz wczytać Twoich nagród. Twoje punkty są bezpieczne.';
export const retry = 'Spróbuj ponownie';
// 1 punkt, 2–4 i 22–24 punkty, 5–21 i 25 punktów; ułamki: 1,5 punktu.
export const points = { one: '{count} punkt', few: '{count} punkty', many: '{count} punktów', other: '{count} punktu' };
export const balance = 'Twoje punkty';
export const balanceNow = 'Saldo: {points}';
export const toTier = 'jeszcze {points} do poziomu {tier}';
export const pointsUntil = 'Jeszcze {points} do nagrody: {reward}';
export const canRedeem = 'Już teraz możesz odebrać: {reward}';
export const join = 'Dołącz';
export const signIn = 'Zaloguj się';
export const signInAgain = 'Zaloguj się ponownie.';
export const perUnit = '{points} za {amount}';
export const referOffer = 'Podaruj {gift}, zyskaj {points}';
export const done = 'Gotowe';
export const follow = 'Obserwuj';
export const earnedPoints = '+{points}';
export const month = 'Miesiąc';
export const day = 'Dzień';
export const yearOptional = 'Rok (opcjonalnie)';
export const save = 'Zapisz';
export const confirm = 'Potwierdź';
export const cancel = 'Anuluj';
export const birthdayConfirm = 'Zapisać datę {date}? Później nie będzie można jej zmienić.';
export const birthdayLocked = '{date} (bez możliwości zmiany)';
export const redeem = 'Wymień';
export const toGo = 'Jeszcze {points}';
export const confirmSpend = 'Wymienić {points} na „{reward}”?';
export const amountOff = '{amount} zniżki';
export const myRewards = 'Moje nagrody';
export const copy = 'Kopiuj';
export const copied = 'Skopiowano';
export const applyToCart = 'Użyj w koszyku';
export const yourLink = 'Twój link';
export const share = 'Udostępnij';
export const email = 'E-mail';
export const whatsApp = 'WhatsApp';
export const x = 'X';
export const facebook = 'Facebook';
export const shareText = 'Odbierz {gift} zniżki w sklepie {store}';
export const welcome = 'Znajomy przesyła Ci {gift} zniżki';
export const claim = 'Odbierz';
export const earnFor = 'Zdobądź {points}';
export const loadMore = 'Pokaż więcej';
export const empty = 'Na razie nic tu nie ma.';
export const activity_signup = 'Bonus powitalny';
export const activity_order = 'Zamówienie za {amount}';
export const activity_instagram_follow = '{rule}';
export const activity_birthday = 'Bonus urodzinowy';
export const activity_referral = 'Polecenie: {friend}';
export const activity_redemption = 'Odebrana nagroda: {reward}';
export const activity_adjustment = 'Korekta';
export const activity_adjustment_note = 'Korekta: {note}';
export const activity_reversal_refunded = 'Zwrot zamówienia {order}';
export const activity_reversal_cancelled = 'Anulowane zamówienie {order}';
export const activity_reversal_referral = 'Cofnięte polecenie: {friend}';
export const activity_expiry = 'Punkty wygasły';
export const expiringPoints = {
	one: '{count} punkt wygaśnie {date}',
	few: '{count} punkty wygasną {date}',
	many: '{count} punktów wygaśnie {date}',
	other: '{count} punktu wygaśnie {date}',
};
export const error_network = 'Brak połączenia z internetem. Spróbuj za chwilę.';
export const error_timeout = 'Brak odpowiedzi. Spróbuj ponownie.';
export const offline = 'Brak połączenia z internetem. Twoje punkty są bezpieczne – dokończymy, gdy połączenie wróci.';
export const error_rate_limited = 'Zbyt wiele prób. Odczekaj chwilę.';
export const error_insufficient_points = 'Masz jeszcze za mało punktów.';
export const error_already_completed = 'To zadanie jest już wykonane.';
export const error_birthday_locked = 'Data urodzin jest już zapisana.';
export const error_self_referral = 'To Twój własny link.';
export const error_already_claimed = 'Ten prezent został już odebrany.';
export const error_not_eligible = 'Prezent dotyczy tylko pierwszego zamówienia.';
export const error_invalid_request = 'Sprawdź wpisane dane.';
export const error_invalid_token = 'Zaloguj się ponownie.';
// Panel redesign and its defects (#14).
export const percentOff = '{percent}% zniżki';
export const friendMinOrder = 'Przy pierwszym zamówieniu za co najmniej {amount}.';
export const friendFirstOrder = 'Przy pierwszym zamówieniu.';
export const referralUnknown =
	'Ten link polecający jest nieprawidłowy, więc nie ma prezentu do odebrania. Nadal możesz dołączyć i zbierać punkty.';
export const giftClaimedElsewhere =
	'Ten e-mail już odebrał prezent. Kod pokazano na urządzeniu, na którym go odebrano; zaloguj się, aby znaleźć go w Moich nagrodach.';
export const birthdaySaved = 'Urodziny: {date}';
export const error_origin_not_allowed = 'Program nagród tego sklepu nie jest jeszcze skonfigurowany. Twoje punkty są bezpieczne.';
export const guestTitle = 'Dołącz do nagród {store}';
export const joinPitch = 'To nic nie kosztuje: zbieraj punkty za każde zamówienie i wymieniaj je na zniżki.';
export const tierPerks = 'Korzyści poziomu {tier}';
export const lifetimeNote = 'Poziomy liczą wszystkie zdobyte punkty, wydane czy nie.';
export const bestWays = 'Najlepsze sposoby na punkty';
export const toNextReward = 'Następna nagroda';
// My rewards: a code an order already used (#14).
export const usedOn = 'Wykorzystano {date}';
