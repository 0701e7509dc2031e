import { effect, type ReadonlySignal } from '@preact/signals';

const SELECTOR = '[data-rewards-balance],[data-rewards-earn-for]';

/** Texts for the storefront's own elements; undefined puts back what the page had there. */
export interface StorefrontTexts {
	balance?: string;
	earnFor?: (amount: number) => string | undefined;
}

/**
Fills `<span data-rewards-balance>` and `<span data-rewards-earn-for="49.90">` on the host page and
keeps them current: again whenever the texts change, and when the page adds elements (an SPA
route, a product grid rendered late), at most once a frame. Returns the function that stops it.
*/
export function bindStorefront(texts: ReadonlySignal<StorefrontTexts>): () => void {
	const original = new WeakMap<Element, string | null>();
	const fill = () => {
		const { balance, earnFor } = texts.peek();
		for (const element of document.querySelectorAll<HTMLElement>(SELECTOR)) {
			if (!original.has(element)) original.set(element, element.textContent);
			const amount = element.dataset.rewardsEarnFor;
			const text = (amount == undefined ? balance : earnFor?.(parseFloat(amount))) ?? original.get(element)!;
			if (element.textContent != text) element.textContent = text;
		}
	};
	let frame = 0;
	const fillNextFrame = () => {
		frame = 0;
		fill();
	};
	const observer = new MutationObserver(() => {
		frame ||= requestAnimationFrame(fillNextFrame);
	});
	observer.observe(document.body, { childList: true, subtree: true });
	const stop = effect(() => {
		texts.value;
		fill();
	});
	return () => {
		stop();
		observer.disconnect();
		cancelAnimationFrame(frame);
	};
}
