/**
Every URL the widget takes from configuration or from the network (a program's join and sign-in pages, an
Instagram profile, the apply-coupon template, a referral link) becomes a link or a navigation only through
`safeUrl`. A `javascript:` or `data:` URL from a tampered program or a hostile option would otherwise run
script on the storefront when a shopper clicks.
*/

/** Hosts where plain `http:` is fine: a developer's own machine. */
export const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
The URL, resolved against the page, when it is `https:`, `http:` on localhost, or relative to the page
(which then shares the page's own origin); otherwise undefined.
@example safeUrl('/account/register') // 'https://shop.example/account/register'
@example safeUrl('javascript:alert(1)') // undefined
*/
export function safeUrl(value: string | undefined, base: string = location.href): string | undefined {
	try {
		const url = new URL(value!, base);
		// Plain http: only on a developer's machine, or relative to a page that is itself served over http:.
		const httpAllowed = LOCAL_HOST.test(url.hostname) || url.origin == new URL(base).origin;
		if (value?.trim() && (url.protocol == 'https:' || (url.protocol == 'http:' && httpAllowed))) return url.href;
	} catch {
		// Not a URL at all: nothing to link to.
	}
}

/**
A link made of a fixed prefix written in this code base (a share intent such as `mailto:?body=`) and data
percent-encoded after it: the data can never change the scheme or the host.
@example encodedLink('mailto:?body=', message)
*/
export function encodedLink(fixedPrefix: string, data: string): string {
	return fixedPrefix + encodeURIComponent(data);
}
