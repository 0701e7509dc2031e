// @ts-check
// The demo storefront's own script: products, cart, demo sign-in and the developer API calls a
// real theme would make (Rewards.identify / logout, a language switch, an order on its server).

const PRODUCTS = [
	['Linen throw', 8900, '#c9b79c'],
	['Stoneware mug', 2400, '#8fa3a8'],
	['Oak serving board', 5600, '#b08a5e'],
	['Wool cushion', 4900, '#7d8c6a'],
	['Beeswax candle', 1800, '#e2c275'],
	['Cotton napkins (4)', 3200, '#d9d4c7'],
	['Ceramic vase', 6400, '#a7705a'],
	['Walnut tray', 7200, '#6b4f3a'],
	['Merino blanket', 14900, '#9a8f86'],
	['Glass carafe', 3800, '#a9c4c9'],
	['Rattan basket', 4500, '#c19a5b'],
	['Hand-thrown bowl', 2900, '#b9a48f'],
];

const api = document.querySelector('script[data-api]')?.getAttribute('data-api') ?? '';
const store = document.querySelector('script[data-store]')?.getAttribute('data-store') ?? '';
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** @param {string} tag @param {Record<string, string>} attributes @param {(Node | string)[]} children */
function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	node.append(...children);
	return node;
}

const grid = document.getElementById('products');
for (const [name, cents, colour] of PRODUCTS) {
	const price = /** @type {number} */ (cents) / 100;
	const swatch = el('div', { class: 'swatch', 'aria-hidden': 'true' });
	swatch.style.background = `linear-gradient(135deg, ${colour}, #f4efe6)`;
	const add = el('button', { type: 'button', class: 'button small' }, 'Add to cart');
	add.addEventListener('click', addToCart);
	grid?.append(
		el(
			'li',
			{ class: 'card' },
			swatch,
			el('h3', {}, String(name)),
			el('p', { class: 'price' }, money.format(price)),
			el('p', { class: 'earn' }, el('span', { 'data-rewards-earn-for': price.toFixed(2) })),
			add,
		),
	);
}

// The cart: item prices in cents and one discount code, kept across reloads. The shop's server
// (demo/storefront-server.ts) decides whether a code is valid and what it takes off.
/** @type {{ items: number[], code: string | null }} */
const cart = (() => {
	try {
		return JSON.parse(localStorage.getItem('demo-cart') ?? 'null') ?? { items: [], code: null };
	} catch {
		return { items: [], code: null };
	}
})();
/** @type {{ code: string, title: string, discount: number } | null} */
let appliedDiscount = null;
const subtotal = () => cart.items.reduce((sum, cents) => sum + cents, 0);
const saveCart = () => localStorage.setItem('demo-cart', JSON.stringify(cart));
/** @param {string} id @param {string} value */
const setText = (id, value) => {
	const node = document.getElementById(id);
	if (node) node.textContent = value;
};

function renderCart() {
	setText('cart-count', String(cart.items.length));
	setText('cart-subtotal', money.format(subtotal() / 100));
	const empty = document.getElementById('cart-empty');
	if (empty) empty.hidden = cart.items.length > 0;
	const discount = appliedDiscount?.discount ?? 0;
	for (const id of ['cart-discount-label', 'cart-discount']) {
		const node = document.getElementById(id);
		if (node) node.hidden = !appliedDiscount;
	}
	if (appliedDiscount) {
		setText('cart-discount-label', `Discount (${appliedDiscount.code})`);
		setText('cart-discount', discount ? `−${money.format(discount / 100)}` : appliedDiscount.title);
	}
	setText('cart-total', money.format((subtotal() - discount) / 100));
}

/** Asks the shop's server whether the code applies to this cart, for the signed-in shopper. @param {string} code */
async function applyCode(code) {
	const input = /** @type {HTMLInputElement | null} */ (document.getElementById('discount-code'));
	if (input) input.value = code;
	const response = await fetch('/demo/cart/discount', {
		method: 'POST',
		body: JSON.stringify({ code, customerId: shopper()?.id, subtotal: subtotal() }),
	});
	const result = await response.json();
	if (response.ok) {
		appliedDiscount = result;
		cart.code = result.code;
		setText('discount-message', `${result.title} applied.`);
	} else {
		appliedDiscount = null;
		cart.code = null;
		setText('discount-message', result.error);
	}
	saveCart();
	renderCart();
}

/** @param {Event} event */
function addToCart(event) {
	const card = /** @type {HTMLElement} */ (event.currentTarget).closest('.card');
	const price = card?.querySelector('.price')?.textContent ?? '$89.00';
	cart.items.push(Math.round(Number(price.replace(/[^\d.]/g, '')) * 100));
	saveCart();
	if (cart.code) applyCode(cart.code);
	else renderCart();
}
document.getElementById('sticky-add')?.addEventListener('click', addToCart);
document.getElementById('discount-form')?.addEventListener('submit', (event) => {
	event.preventDefault();
	const input = /** @type {HTMLInputElement | null} */ (document.getElementById('discount-code'));
	if (input?.value.trim()) applyCode(input.value.trim());
});

// The widget's "Apply to cart" comes here: applyCouponUrl is '/#cart?discount={code}'.
function applyCodeFromUrl() {
	const code = /^#cart\?discount=([^&]+)/.exec(location.hash)?.[1];
	if (!code) return;
	document.getElementById('cart')?.scrollIntoView();
	applyCode(decodeURIComponent(code));
}
addEventListener('hashchange', applyCodeFromUrl);
renderCart();
if (/^#cart\?discount=/.test(location.hash)) applyCodeFromUrl();
else if (cart.code) applyCode(cart.code);

document.getElementById('checkout')?.addEventListener('click', async () => {
	const me = shopper();
	if (!me) return setText('checkout-result', 'Sign in first: orders earn points for a shopper.');
	if (!cart.items.length) return setText('checkout-result', 'Add something to your cart first.');
	const response = await fetch('/demo/orders', {
		method: 'POST',
		body: JSON.stringify({ customerId: me.id, email: me.email, subtotal: subtotal(), couponCode: appliedDiscount?.code }),
	});
	const result = await response.json();
	if (!response.ok) return setText('checkout-result', result.error?.message ?? result.error ?? `The order answered ${response.status}.`);
	setText('checkout-result', `Order placed: ${result.pointsAwarded} points earned.`);
	cart.items = [];
	cart.code = null;
	appliedDiscount = null;
	setText('discount-message', '');
	saveCart();
	renderCart();
	Rewards('refresh');
});
document.getElementById('open-rewards')?.addEventListener('click', () => Rewards('open', 'home'));

/** @returns {{ id: string, email: string } | null} */
function shopper() {
	try {
		return JSON.parse(localStorage.getItem('demo-shopper') ?? 'null');
	} catch {
		return null;
	}
}

// In a real shop this token comes from the merchant's server after its own sign-in. Here the
// reference server's dev-only endpoint mints one for a demo shopper.
async function fetchToken() {
	const me = shopper();
	if (!me) return null;
	const response = await fetch(`${api}/v1/dev/stores/${store}/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ customerId: me.id, email: me.email }),
	});
	return response.ok ? (await response.json()).token : null;
}

const language = /** @type {HTMLSelectElement | null} */ (document.getElementById('language'));
const savedLanguage = localStorage.getItem('demo-language') ?? 'en';
if (language) language.value = savedLanguage;
document.documentElement.lang = savedLanguage;

Rewards('init', {
	locale: savedLanguage,
	applyCouponUrl: '/#cart?discount={code}',
	onTokenExpired: fetchToken,
	onError: (/** @type {unknown} */ error) => console.info('[storefront] rewards reported:', error),
});

language?.addEventListener('change', () => {
	localStorage.setItem('demo-language', language.value);
	document.documentElement.lang = language.value;
	Rewards('init', { locale: language.value });
});

const account = document.getElementById('account');
function renderAccount() {
	const me = shopper();
	if (!account) return;
	account.replaceChildren();
	if (me) {
		const out = el('button', { type: 'button', class: 'link' }, 'Sign out');
		out.addEventListener('click', () => {
			localStorage.removeItem('demo-shopper');
			Rewards('logout');
			renderAccount();
		});
		account.append(`Hi, ${me.email.split('@')[0]} · `, out);
	} else account.append(el('a', { href: '/account/login' }, 'Sign in'));
}
renderAccount();

fetchToken()
	.then((token) => token && Rewards('identify', { customerToken: token }))
	.catch((error) => console.info('[storefront] demo sign-in failed', error));

document.getElementById('place-order')?.addEventListener('click', async () => {
	const me = shopper();
	const result = document.getElementById('order-result');
	if (!me) {
		if (result) result.textContent = 'Sign in first: orders earn points for a shopper.';
		return;
	}
	const response = await fetch('/demo/orders', {
		method: 'POST',
		body: JSON.stringify({ customerId: me.id, email: me.email, subtotal: 6000 }),
	});
	if (result)
		result.textContent = response.ok ? 'Order placed: points are on their way.' : `The order webhook answered ${response.status}.`;
	Rewards('refresh');
});
