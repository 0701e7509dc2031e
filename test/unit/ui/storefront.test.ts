import { signal } from '@preact/signals';
import { afterEach, describe, expect, it } from 'vitest';
import { bindStorefront, type StorefrontTexts } from '../../../src/ui/storefront';

afterEach(() => document.body.replaceChildren());
const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done(undefined)));

describe('storefront elements', () => {
	it('fills balance and earn-for elements, keeps them current, and puts the page’s text back when data goes', async () => {
		document.body.innerHTML = '<span id="b" data-rewards-balance>–</span><span id="e" data-rewards-earn-for="49.90"></span>';
		const texts = signal<StorefrontTexts>({ earnFor: (amount) => `Earn ${Math.floor(amount) * 5} points` });
		const stop = bindStorefront(texts);
		expect(document.getElementById('b')!.textContent).toBe('–');
		expect(document.getElementById('e')!.textContent).toBe('Earn 245 points');
		texts.value = { ...texts.value, balance: '1,240' };
		expect(document.getElementById('b')!.textContent).toBe('1,240');
		texts.value = { ...texts.value, balance: undefined };
		expect(document.getElementById('b')!.textContent).toBe('–');
		stop();
	});

	it('fills elements the page adds later, once a frame', async () => {
		const texts = signal<StorefrontTexts>({ balance: '10' });
		const stop = bindStorefront(texts);
		document.body.insertAdjacentHTML('beforeend', '<p><span id="late" data-rewards-balance></span></p>');
		await new Promise((done) => setTimeout(done));
		await nextFrame();
		expect(document.getElementById('late')!.textContent).toBe('10');
		stop();
		texts.value = { balance: '20' };
		expect(document.getElementById('late')!.textContent).toBe('10');
	});
});
