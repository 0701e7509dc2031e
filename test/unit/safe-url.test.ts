import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodedLink, safeUrl } from '../../src/config/safe-url';
import { validateOptions } from '../../src/config/validate';

const PAGE = 'https://shop.example/products/tea?x=1';

describe('safeUrl', () => {
	it('keeps https:, http: on localhost and URLs relative to the page, resolved against it', () => {
		expect(safeUrl('https://shop.example/account/login', PAGE)).toBe('https://shop.example/account/login');
		expect(safeUrl('http://localhost:8080/join', PAGE)).toBe('http://localhost:8080/join');
		expect(safeUrl('http://127.0.0.1/join', PAGE)).toBe('http://127.0.0.1/join');
		expect(safeUrl('http://[::1]:3000/join', PAGE)).toBe('http://[::1]:3000/join');
		expect(safeUrl('/discount/A%20B', PAGE)).toBe('https://shop.example/discount/A%20B');
		expect(safeUrl('register', PAGE)).toBe('https://shop.example/products/register');
		expect(safeUrl('/join', 'http://plain-http-shop.example/')).toBe('http://plain-http-shop.example/join');
	});

	it('refuses script-bearing and other schemes, however they are disguised', () => {
		for (const hostile of [
			'javascript:alert(1)',
			' javascript:alert(1)',
			'JaVaScRiPt:alert(1)',
			'java\tscript:alert(1)',
			'\u0000javascript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'vbscript:msgbox(1)',
			'file:///etc/passwd',
			'blob:https://shop.example/uuid',
			'mailto:someone@example.com',
			'http://shop.example/join',
			'',
			'   ',
		])
			expect(safeUrl(hostile, PAGE), JSON.stringify(hostile)).toBeUndefined();
		expect(safeUrl(undefined, PAGE)).toBeUndefined();
	});

	it('encodedLink percent-encodes data after a fixed prefix, so data cannot choose the scheme', () => {
		expect(encodedLink('https://wa.me/?text=', 'javascript:alert(1) & more')).toBe(
			'https://wa.me/?text=javascript%3Aalert(1)%20%26%20more',
		);
	});
});

describe('applyCouponUrl option', () => {
	const base = { store: 'pk_test', api: 'https://api.example' };

	it('is refused with an error naming the option when its scheme is not safe', () => {
		for (const applyCouponUrl of ['javascript:alert({code})', 'data:text/html,{code}', 'http://shop.example/discount/{code}']) {
			const result = validateOptions({ ...base, applyCouponUrl });
			expect(result.config).toBeUndefined();
			expect(result.errors).toEqual([`"applyCouponUrl" is not valid: "${applyCouponUrl}"`]);
		}
	});

	it('accepts a path on the site or an https: template', () => {
		for (const applyCouponUrl of ['/discount/{code}', 'https://shop.example/discount/{code}?redirect=/cart'])
			expect(validateOptions({ ...base, applyCouponUrl }).errors).toEqual([]);
	});
});

// Every href (or src, action) and every navigation the widget sets from data goes through the helper: a literal,
// a call to safeUrl/encodedLink, or a const assigned from such a call in the same file.
describe('URL sinks in src', () => {
	function files(dir: string): string[] {
		return readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
		});
	}

	/** The expression that starts at `start`, up to the bracket that closes the one before it. */
	function expressionAt(source: string, start: number): string {
		let depth = 1;
		for (let index = start; index < source.length; index++) {
			if ('({['.includes(source[index])) depth++;
			else if (')}]'.includes(source[index]) && --depth === 0) return source.slice(start, index).trim();
		}
		return source.slice(start);
	}

	const SAFE_CALL = /^(safeUrl|encodedLink)\(/;
	const LITERAL = /^(['"`])[^'"`$]*\1$/;

	function unsafeSinks(file: string, source: string): string[] {
		const guarded = new Set([...source.matchAll(/\bconst\s+(\w+)\s*=\s*(?:safeUrl|encodedLink)\(/g)].map((match) => match[1]));
		const isSafe = (expression: string) => SAFE_CALL.test(expression) || LITERAL.test(expression) || guarded.has(expression);
		const found: string[] = [];
		const sinks = [
			/\b(?:href|src|action|formAction)=\{/g,
			/\blocation\.(?:assign|replace)\(/g,
			/\bwindow\.open\(/g,
			/\.(?:href|src|action)\s*=(?!=)/g,
			/\blocation\s*=(?!=)/g,
			/setAttribute\(\s*['"](?:href|src|action|formaction)['"]\s*,/g,
		];
		for (const sink of sinks)
			for (const match of source.matchAll(sink)) {
				const start = match.index! + match[0].length;
				// Assignments end at the statement; the others at their closing bracket.
				const expression = match[0].endsWith('=') ? source.slice(start).split(/[;\n]/)[0].trim() : expressionAt(source, start);
				if (!isSafe(expression)) found.push(`${file}: ${match[0]}${expression}`);
			}
		return found;
	}

	it('go through safeUrl (or encodedLink) only', () => {
		const violations = files('src').flatMap((file) => unsafeSinks(file, readFileSync(file, 'utf8')));
		expect(violations).toEqual([]);
	});

	it('the scan itself catches a link or a navigation set straight from data', () => {
		expect(unsafeSinks('a.tsx', '<a href={program.joinUrl}>Join</a>')).toHaveLength(1);
		expect(unsafeSinks('a.tsx', 'location.assign(template.replace("{code}", code));')).toHaveLength(1);
		expect(unsafeSinks('a.ts', 'anchor.href = url;')).toHaveLength(1);
		expect(unsafeSinks('a.ts', 'window.open(profileUrl, "_blank")')).toHaveLength(1);
		expect(unsafeSinks('a.tsx', 'const joinHref = safeUrl(joinUrl); <a href={joinHref}>Join</a>')).toEqual([]);
		expect(unsafeSinks('a.tsx', '<a href={safeUrl(joinUrl)}>Join</a> <a href="/x">x</a> <a href={"/y"}>y</a>')).toEqual([]);
	});
});
