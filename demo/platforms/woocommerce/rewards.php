<?php
/*
 * openrewards for WooCommerce: add to your child theme's functions.php (or a small plugin).
 * Set the four constants in wp-config.php; REWARDS_IDENTITY_SECRET never leaves the server.
 * A signed-in customer gets a digest; a guest gets the plain tag.
 */
add_action('wp_footer', function () {
	$attributes = [
		'src' => REWARDS_SCRIPT_URL,
		'data-store' => REWARDS_STORE_KEY,
		'data-api' => REWARDS_API_URL,
	];
	$user = wp_get_current_user();
	if ($user->exists()) {
		$issued_at = (string) time();
		$message = REWARDS_STORE_KEY . ':' . $user->ID . ':' . $user->user_email . ':' . $issued_at;
		$attributes += [
			'data-customer-id' => (string) $user->ID,
			'data-customer-email' => $user->user_email,
			'data-customer-issued-at' => $issued_at,
			'data-customer-digest' => hash_hmac('sha256', $message, REWARDS_IDENTITY_SECRET),
		];
	}
	echo '<script async';
	foreach ($attributes as $name => $value) {
		echo ' ' . $name . '="' . esc_attr($value) . '"';
	}
	echo '></script>';
});
