/** Stops the page behind the dialog from scrolling; returns the function that restores it exactly. */
export function lockPageScroll(): () => void {
	const root = document.documentElement;
	const previous = root.style.getPropertyValue('overflow');
	const priority = root.style.getPropertyPriority('overflow');
	root.style.setProperty('overflow', 'hidden', 'important');
	return () => {
		if (previous) root.style.setProperty('overflow', previous, priority);
		else root.style.removeProperty('overflow');
	};
}
