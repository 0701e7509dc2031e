import { createIcon } from './icons';

export interface LauncherView {
	button: HTMLButtonElement;
	setLabel(label: string): void;
	setIcon(name: string): void;
	setBalance(text: string | null): void;
	setExpanded(expanded: boolean): void;
	setBusy(busy: boolean): void;
}

/**
The floating launcher: a plain-DOM button rendered at once, before any panel code loads.
It is `position: fixed`, so it never shifts the page's layout.
*/
export function createLauncher(parent: ShadowRoot, onActivate: () => void): LauncherView {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'launcher';
	button.setAttribute('part', 'launcher');
	button.setAttribute('aria-haspopup', 'dialog');
	button.setAttribute('aria-expanded', 'false');
	const icon = document.createElement('span');
	const label = document.createElement('span');
	label.className = 'label';
	const badge = document.createElement('span');
	badge.className = 'badge';
	badge.setAttribute('aria-hidden', 'true');
	button.append(icon, label, badge);
	button.addEventListener('click', onActivate);
	parent.append(button);

	return {
		button,
		setLabel: (text) => {
			label.textContent = text;
		},
		setIcon: (name) => {
			icon.replaceChildren(...[createIcon(name)].filter((node): node is SVGSVGElement => node !== null));
		},
		setBalance: (text) => {
			badge.textContent = text ?? '';
		},
		setExpanded: (expanded) => button.setAttribute('aria-expanded', String(expanded)),
		setBusy: (busy) => (busy ? button.setAttribute('aria-busy', 'true') : button.removeAttribute('aria-busy')),
	};
}
