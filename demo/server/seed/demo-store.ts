import type { StoreDefinition } from '../program/definition';

/** The demo store's publishable key. */
export const DEMO_STORE_KEY = 'pk_demo';
/** The demo store's secret: public on purpose, for the demo and the tests. Never reuse it. */
export const DEMO_STORE_SECRET = 'sk_demo_4f7c2a9e1b6d48c3a05e9f12d7b3c681';

/** Keys the shopper digests the demo's theme snippets compute. Public on purpose, like the secret. */
export const DEMO_IDENTITY_SECRET = 'idsec_demo_8b1e6f0c2d7a4953b6e1c0f9a2d5e7b3';
/** Opens the demo store's merchant API and console. Public on purpose, like the secret. */
export const DEMO_ADMIN_KEY = 'sk_admin_demo_2c9f5e81a7d34b06be4f1a3c8d7e6b59';
/** Keys the demo shop's Shopify webhooks (X-Shopify-Hmac-Sha256). Public on purpose, like the secret. */
export const DEMO_SHOPIFY_WEBHOOK_SECRET = 'shpss_demo_5a1d9c7e3b2f48e6a0c4d8b1f7e2a693';

/** The demo store's keys and secrets, e.g. to sign customer tokens and order webhooks in tests. */
export const DEMO_STORE = {
	key: DEMO_STORE_KEY,
	secret: DEMO_STORE_SECRET,
	identitySecret: DEMO_IDENTITY_SECRET,
	adminKey: DEMO_ADMIN_KEY,
	shopifyWebhookSecret: DEMO_SHOPIFY_WEBHOOK_SECRET,
} as const;

/** Where the demo storefront runs unless told otherwise (`npm run demo`). */
export const DEFAULT_STOREFRONT_URL = 'http://127.0.0.1:5173';

/** The seeded demo shoppers, by their merchant customer ids. */
export const DEMO_SHOPPERS = {
	alice: { customerId: 'demo-alice', email: 'alice@example.com', referralCode: 'ALICEMOSS' },
	bob: { customerId: 'demo-bob', email: 'bob@example.com', referralCode: 'BOBMOSS' },
	carol: { customerId: 'demo-carol', email: 'carol@example.com', referralCode: 'CAROLMOSS' },
} as const;

/**
"Maple & Moss", a small home-goods shop selling in USD with texts in English, French, Italian
and Polish. Its URLs point at the demo storefront, whose origin is also the allowed CORS origin.
*/
export function demoStoreDefinition(storefrontUrl = DEFAULT_STOREFRONT_URL): StoreDefinition {
	const storefront = storefrontUrl.replace(/\/+$/, '');
	return {
		key: DEMO_STORE_KEY,
		secret: DEMO_STORE_SECRET,
		identitySecret: DEMO_IDENTITY_SECRET,
		adminKey: DEMO_ADMIN_KEY,
		shopify: { shopDomain: 'maple-and-moss.myshopify.com', webhookSecret: DEMO_SHOPIFY_WEBHOOK_SECRET },
		name: { en: 'Maple & Moss', fr: 'Maple & Moss', it: 'Maple & Moss', pl: 'Maple & Moss' },
		currency: 'USD',
		defaultLocale: 'en',
		allowedOrigins: [new URL(storefront).origin],
		joinUrl: `${storefront}/account/register`,
		signInUrl: `${storefront}/account/login`,
		referralLinkTemplate: `${storefront}/?ref={code}`,
		earnRules: [
			{
				key: 'order',
				kind: 'order',
				points: 5,
				title: { en: 'Place an order', fr: 'Passez commande', it: 'Fai un ordine', pl: 'Złóż zamówienie' },
				description: {
					en: 'Earn 5 points for every $1 you spend.',
					fr: 'Gagnez 5 points pour chaque dollar dépensé.',
					it: 'Guadagna 5 punti per ogni dollaro speso.',
					pl: 'Zdobywaj 5 punktów za każdego wydanego dolara.',
				},
			},
			{
				key: 'signup',
				kind: 'signup',
				points: 100,
				title: { en: 'Create an account', fr: 'Créez votre compte', it: 'Crea un account', pl: 'Załóż konto' },
				description: {
					en: 'Get 100 points as a welcome gift.',
					fr: 'Recevez 100 points en cadeau de bienvenue.',
					it: 'Ricevi 100 punti come regalo di benvenuto.',
					pl: 'Na powitanie otrzymasz 100 punktów.',
				},
			},
			{
				key: 'instagram_follow',
				kind: 'instagram_follow',
				points: 50,
				profileUrl: 'https://www.instagram.com/mapleandmoss.demo/',
				title: {
					en: 'Follow us on Instagram',
					fr: 'Suivez-nous sur Instagram',
					it: 'Seguici su Instagram',
					pl: 'Obserwuj nas na Instagramie',
				},
				description: {
					en: 'New arrivals, styling ideas and behind-the-scenes moments.',
					fr: 'Nouveautés, idées déco et coulisses de l’atelier.',
					it: 'Novità, idee d’arredo e dietro le quinte.',
					pl: 'Nowości, inspiracje i kulisy naszej pracowni.',
				},
			},
			{
				key: 'birthday',
				kind: 'birthday',
				points: 200,
				title: {
					en: 'Celebrate your birthday',
					fr: 'Fêtez votre anniversaire',
					it: 'Festeggia il tuo compleanno',
					pl: 'Świętuj z nami urodziny',
				},
				description: {
					en: 'Get 200 points every year on your birthday.',
					fr: 'Recevez 200 points chaque année pour votre anniversaire.',
					it: 'Ricevi 200 punti ogni anno per il tuo compleanno.',
					pl: 'Co roku w urodziny otrzymasz 200 punktów.',
				},
			},
			{
				key: 'referral',
				kind: 'referral',
				points: 500,
				title: { en: 'Refer a friend', fr: 'Parrainez un ami', it: 'Invita un amico', pl: 'Poleć nas znajomym' },
				description: {
					en: 'Give friends $10 off their first order of $40 or more, and get 500 points when they place it.',
					fr: 'Offrez à vos amis 10 $ de réduction sur leur première commande de 40 $ ou plus, et recevez 500 points dès qu’ils la passent.',
					it: 'Regala ai tuoi amici 10 $ di sconto sul primo ordine di almeno 40 $ e ricevi 500 punti quando lo effettuano.',
					pl: 'Podaruj znajomym zniżkę 10 USD na pierwsze zamówienie za co najmniej 40 USD, a gdy je złożą, otrzymasz 500 punktów.',
				},
				friendGift: {
					amount: 1000,
					minOrderAmount: 4000,
					title: {
						en: '$10 off your first order',
						fr: '10 $ de réduction sur votre première commande',
						it: '10 $ di sconto sul tuo primo ordine',
						pl: 'Zniżka 10 USD na pierwsze zamówienie',
					},
				},
			},
		],
		rewards: [
			{
				id: 'five-off',
				kind: 'fixed_amount',
				points: 500,
				amount: 500,
				title: { en: '$5 off', fr: '5 $ de réduction', it: '5 $ di sconto', pl: 'Zniżka 5 USD' },
			},
			{
				id: 'ten-off',
				kind: 'fixed_amount',
				points: 1000,
				amount: 1000,
				title: { en: '$10 off', fr: '10 $ de réduction', it: '10 $ di sconto', pl: 'Zniżka 10 USD' },
			},
			{
				id: 'free-shipping',
				kind: 'free_shipping',
				points: 800,
				title: { en: 'Free shipping', fr: 'Livraison offerte', it: 'Spedizione gratuita', pl: 'Darmowa dostawa' },
			},
			{
				id: 'fifteen-percent',
				kind: 'percent',
				points: 1500,
				percent: 15,
				title: {
					en: '15% off your order',
					fr: '15 % de réduction sur votre commande',
					it: '15% di sconto sul tuo ordine',
					pl: '15% zniżki na zamówienie',
				},
			},
			{
				id: 'candle-trio',
				kind: 'free_product',
				points: 2000,
				title: {
					en: 'Free beeswax candle trio',
					fr: 'Trio de bougies offert',
					it: 'Tris di candele in omaggio',
					pl: 'Zestaw świec gratis',
				},
				productName: {
					en: 'Beeswax candle trio',
					fr: 'Trio de bougies à la cire d’abeille',
					it: 'Tris di candele in cera d’api',
					pl: 'Trzy świece z wosku pszczelego',
				},
			},
			{
				id: 'points-to-dollars',
				kind: 'variable',
				pointsPerUnit: 100,
				unitAmount: 100,
				minPoints: 500,
				maxPoints: 5000,
				stepPoints: 100,
				title: {
					en: 'Turn points into dollars',
					fr: 'Convertissez vos points en dollars',
					it: 'Trasforma i punti in dollari',
					pl: 'Zamień punkty na dolary',
				},
				description: {
					en: 'Every 100 points take $1 off your order.',
					fr: '100 points = 1 $ de réduction sur votre commande.',
					it: 'Ogni 100 punti, 1 $ di sconto sul tuo ordine.',
					pl: 'Każde 100 punktów to 1 USD zniżki na zamówienie.',
				},
			},
		],
		tiers: [
			{
				key: 'bronze',
				threshold: 0,
				name: { en: 'Bronze', fr: 'Bronze', it: 'Bronzo', pl: 'Brązowy' },
				perks: [{ en: '5 points per $1', fr: '5 points par dollar', it: '5 punti per ogni dollaro', pl: '5 punktów za każdego dolara' }],
			},
			{
				key: 'silver',
				threshold: 1000,
				name: { en: 'Silver', fr: 'Argent', it: 'Argento', pl: 'Srebrny' },
				perks: [
					{
						en: 'Free shipping on every order',
						fr: 'Livraison offerte sur chaque commande',
						it: 'Spedizione gratuita su ogni ordine',
						pl: 'Darmowa dostawa każdego zamówienia',
					},
					{
						en: 'Early access to sales',
						fr: 'Accès anticipé aux soldes',
						it: 'Accesso anticipato ai saldi',
						pl: 'Wcześniejszy dostęp do wyprzedaży',
					},
				],
			},
			{
				key: 'gold',
				threshold: 3000,
				name: { en: 'Gold', fr: 'Or', it: 'Oro', pl: 'Złoty' },
				perks: [
					{
						en: 'Free shipping on every order',
						fr: 'Livraison offerte sur chaque commande',
						it: 'Spedizione gratuita su ogni ordine',
						pl: 'Darmowa dostawa każdego zamówienia',
					},
					{
						en: 'A birthday gift box',
						fr: 'Un coffret cadeau d’anniversaire',
						it: 'Una confezione regalo per il compleanno',
						pl: 'Prezent urodzinowy',
					},
					{
						en: 'Double points in December',
						fr: 'Points doublés en décembre',
						it: 'Punti doppi a dicembre',
						pl: 'Podwójne punkty w grudniu',
					},
				],
			},
		],
		brand: { primaryColor: '#2f6b4f' },
	};
}
