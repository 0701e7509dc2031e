import { useState } from 'preact/hooks';
import type { View } from '../view';

interface CopyProps {
	view: View;
	text: string;
	onCopy?: () => void;
}

/** Copies `text`, and says so on the button and through the live region. */
export function Copy({ view, text, onCopy }: CopyProps) {
	const [copied, setCopied] = useState(false);
	const copy = () =>
		navigator.clipboard.writeText(text).then(() => {
			setCopied(true);
			view.announce(view.t('copied'));
			onCopy?.();
			setTimeout(setCopied, 3000, false);
			// Without a clipboard (permissions, a plain-http page) the text stays on screen to select.
		}, view.report);
	return (
		<button class="button button-quiet" onClick={copy}>
			{view.t(copied ? 'copied' : 'copy')}
		</button>
	);
}
