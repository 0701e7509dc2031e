import { encodedLink } from '../../config/safe-url';
import type { ViewProps } from '../view';
import { Copy } from './Copy';
import { giftText, referralRule } from './offers';

/**
The member's referral link to copy, and the system share sheet (phones, and most desktop browsers)
or, without one, an email with the message. Where the share sheet is missing (Firefox, Chrome on
Linux), the copied link goes to any other app; links to WhatsApp, X and Facebook were left out to
keep the whole widget within 28 KB.
*/
export function Share({ view }: ViewProps) {
	const { t, store } = view;
	const link = store.customer.value.data!.referral.link;
	const text = `${t('shareText', { gift: giftText(view, referralRule(view)!), store: store.program.value.data!.name })} ${link}`;
	return (
		<div class="actions">
			<label>
				{t('yourLink')}
				<input readOnly value={link} />
			</label>
			<Copy view={view} text={link} onCopy={() => store.shared('copy')} />
			{'share' in navigator ? (
				<button
					class="button"
					onClick={() =>
						navigator.share({ text }).then(
							() => store.shared('native'),
							() => {},
						)
					}
				>
					{t('share')}
				</button>
			) : (
				<a class="button button-quiet" href={encodedLink('mailto:?body=', text)} onClick={() => store.shared('email')}>
					{t('email')}
				</a>
			)}
		</div>
	);
}
