// @ts-check
// Demo sign-in: remembers which demo shopper is "logged in" to the storefront.
for (const button of document.querySelectorAll('[data-customer]')) {
	button.addEventListener('click', () => {
		const id =
			button.getAttribute('data-customer') === 'new'
				? `shopper-${Math.random().toString(36).slice(2, 8)}`
				: button.getAttribute('data-customer');
		const email = button.getAttribute('data-email') || `${id}@example.com`;
		localStorage.setItem('demo-shopper', JSON.stringify({ id, email }));
		location.href = '/';
	});
}
