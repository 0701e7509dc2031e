import { useEffect, useRef, useState } from 'preact/hooks';

/** Counts from the previous value to `target` over a moment; jumps when reduced motion is preferred. */
export function useCountUp(target: number): number {
	const [shown, setShown] = useState(target);
	const from = useRef(target);
	useEffect(() => {
		const start = from.current;
		from.current = target;
		if (start == target || matchMedia('(prefers-reduced-motion: reduce)').matches) return setShown(target);
		const began = performance.now();
		let frame = 0;
		const step = (now: number) => {
			const progress = Math.min(1, (now - began) / 700);
			setShown(Math.round(start + (target - start) * progress));
			if (progress < 1) frame = requestAnimationFrame(step);
		};
		step(began);
		return () => cancelAnimationFrame(frame);
	}, [target]);
	return shown;
}
