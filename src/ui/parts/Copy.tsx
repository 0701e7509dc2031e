import { useState } from 'preact/hooks';
import type { View } from '../view';

interface CopyProps {
	v: View;
	text: string;
	onCopy?: () => void;
}

/** Copies `text`, and says so on the button and through the live region. */
export function Copy({ v, text, onCopy }: CopyProps) {
	const [copied, setCopied] = useState(false);
	const copy = () =>
		navigator.clipboard.writeText(text).then(() => {
			setCopied(true);
			v.announce(v.t('copied'));
			onCopy?.();
			setTimeout(setCopied, 3000, false);
			// Without a clipboard (permissions, a plain-http page) the text stays on screen to select.
		}, v.report);
	return (
		<button class="b o" onClick={copy}>
			{v.t(copied ? 'copied' : 'copy')}
		</button>
	);
}
