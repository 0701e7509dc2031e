import { encodedLink } from '../../config/safe-url';
import type { ViewProps } from '../view';
import { Copy } from './Copy';
import { giftText, referralRule } from './offers';

// [channel, as reported in events and named in the catalogue; where its share link starts]
const CHANNELS = [
	['email', 'mailto:?body='],
	['whatsApp', 'https://wa.me/?text='],
	['x', 'https://x.com/intent/post?text='],
	['facebook', 'https://www.facebook.com/sharer/sharer.php?u='],
];

/** The member's referral link to copy, and the system share sheet or, without one, share links. */
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
				CHANNELS.map(([channel, url]) => (
					// Facebook takes only the link; the others take the whole message.
					<a
						key={channel}
						class="button button-quiet"
						href={encodedLink(url, channel == 'facebook' ? link : text)}
						target="_blank"
						rel="noopener noreferrer"
						onClick={() => store.shared(channel)}
					>
						{t(channel)}
					</a>
				))
			)}
		</div>
	);
}
