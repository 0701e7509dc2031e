import { describe, expect, it } from 'vitest';
import { demoStoreDefinition } from '../../demo/server/seed/demo-store';
import contract from '../../src/api/openapi.json' with { type: 'json' };
import type { StoreDefinition } from '../../demo/server/program/definition';
import { validateStoreDefinition } from '../../demo/server/program/validate-definition';

const HOSTILE = [
	'javascript:alert(document.cookie)',
	'JAVASCRIPT:alert(1)',
	'data:text/html,<script>alert(1)</script>',
	'vbscript:x',
	'http://shop.example/x',
];

function problemsOf(change: (store: StoreDefinition) => void): string {
	const store = demoStoreDefinition();
	change(store);
	try {
		validateStoreDefinition(store);
		return '';
	} catch (error) {
		return (error as Error).message;
	}
}

describe('a program refuses URLs with a scheme other than https: (http: only on localhost)', () => {
	it('accepts the demo store as it is', () => {
		expect(problemsOf(() => {})).toBe('');
	});

	it.each(HOSTILE)('joinUrl, signInUrl, referralLinkTemplate, profileUrl and brand.logoUrl refuse %s', (hostile) => {
		expect(problemsOf((store) => (store.joinUrl = hostile))).toMatch(/\/joinUrl: must be an https URL/);
		expect(problemsOf((store) => (store.signInUrl = hostile))).toMatch(/\/signInUrl: must be an https URL/);
		expect(problemsOf((store) => (store.referralLinkTemplate = `${hostile}?ref={code}`))).toMatch(
			/\/referralLinkTemplate: must be an https URL/,
		);
		expect(
			problemsOf((store) => {
				const follow = store.earnRules.find((rule) => rule.kind === 'instagram_follow')!;
				follow.profileUrl = hostile;
			}),
		).toMatch(/\/earnRules\/\d+\/profileUrl: must be an https URL/);
		expect(problemsOf((store) => (store.brand = { logoUrl: hostile }))).toMatch(/\/brand\/logoUrl: must be an https URL/);
	});

	it('keeps http: for a developer machine', () => {
		expect(problemsOf((store) => (store.joinUrl = 'http://localhost:5173/account/register'))).toBe('');
		expect(problemsOf((store) => (store.signInUrl = 'http://127.0.0.1:8080/login'))).toBe('');
		expect(problemsOf((store) => (store.brand = { logoUrl: 'https://cdn.example/logo.png' }))).toBe('');
	});
});

describe('the contract carries the same rule, so clients checking answers against it refuse script URLs', () => {
	const { Program, CustomerReferral, EarnRule, Brand } = contract.components.schemas as Record<string, any>;
	const patterns = {
		joinUrl: Program.properties.joinUrl.pattern,
		signInUrl: Program.properties.signInUrl.pattern,
		referralLinkTemplate: Program.properties.referralLinkTemplate.pattern,
		'referral.link': CustomerReferral.properties.link.pattern,
		profileUrl: EarnRule.properties.profileUrl.pattern,
		logoUrl: Brand.properties.logoUrl.pattern,
	};
	it.each(Object.entries(patterns))('%s has a pattern that refuses other schemes', (_name, pattern: string) => {
		const regexp = new RegExp(pattern, 'u');
		expect(regexp.test('https://shop.example/x')).toBe(true);
		for (const hostile of HOSTILE) expect(regexp.test(hostile)).toBe(false);
	});
});
