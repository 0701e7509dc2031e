import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttp } from '../../src/api/http';
import { readDatasetOptions } from '../../src/config/dataset';
import type { SignedCustomer } from '../../src/config/options';
import { validateOptions } from '../../src/config/validate';
import { createRuntime } from '../../src/embed/runtime';
import { savedKey } from '../../src/state/saved';
import type { MountPanel } from '../../src/ui/panel-host';
import { jwt } from './state/support';

const CUSTOMER: SignedCustomer = {
	id: '7243',
	email: 'alice@example.com',
	issuedAt: 1767225600,
	digest: 'a'.repeat(64),
};
const BASE = { store: 'pk_test', api: 'https://api.example' };

afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
	localStorage.clear();
});

describe('the customer option', () => {
	it('is accepted and becomes the X-Rewards-Customer value, form-encoded', () => {
		const { config, errors, warnings } = validateOptions({ ...BASE, customer: { ...CUSTOMER, email: 'a+b@example.com' } });
		expect([errors, warnings]).toEqual([[], []]);
		expect(new URLSearchParams(config!.customerToken)).toEqual(
			new URLSearchParams({ id: '7243', email: 'a+b@example.com', issuedAt: '1767225600', digest: CUSTOMER.digest }),
		);
	});

	it('turns the widget off with a message naming "customer" for a malformed one', () => {
		for (const customer of [
			{ ...CUSTOMER, digest: 'A'.repeat(64) },
			{ ...CUSTOMER, digest: 'abc' },
			{ ...CUSTOMER, email: '' },
			{ ...CUSTOMER, id: '' },
			'7243:alice@example.com',
		]) {
			const { config, errors } = validateOptions({ ...BASE, customer: customer as SignedCustomer });
			expect(config).toBeUndefined();
			expect(errors).toEqual([`"customer" is not valid: ${JSON.stringify(customer)}`]);
		}
	});

	it('refuses a customer and a customer token together', () => {
		const { config, errors } = validateOptions({ ...BASE, customer: CUSTOMER, customerToken: jwt('alice') });
		expect(config).toBeUndefined();
		expect(errors).toEqual(['"customer" or "customerToken", not both']);
	});

	it('is read from data-customer-id, -email, -issued-at and -digest', () => {
		const script = document.createElement('script');
		for (const [name, value] of Object.entries({
			'data-store': 'pk_test',
			'data-customer-id': '7243',
			'data-customer-email': 'alice@example.com',
			'data-customer-issued-at': '1767225600',
			'data-customer-digest': CUSTOMER.digest,
		}))
			script.setAttribute(name, value);
		const options = readDatasetOptions(script);
		expect(options).toEqual({ store: 'pk_test', customer: { ...CUSTOMER, issuedAt: '1767225600' } });
		expect(validateOptions({ ...options, api: BASE.api }).errors).toEqual([]);
	});

	it('keeps what this device saved of the shopper under their id, as a token with that sub', () => {
		const { config } = validateOptions({ ...BASE, customer: CUSTOMER });
		expect(savedKey('pk_test', config!.customerToken, 'customer')).toBe('rewards:pk_test:7243:customer');
		expect(savedKey('pk_test', jwt('7243'), 'customer')).toBe('rewards:pk_test:7243:customer');
	});
});

describe('the API client', () => {
	const send = async (shopper: string | undefined) => {
		const requests: Request[] = [];
		vi.stubGlobal(
			'fetch',
			vi.fn(async (request: Request) => (requests.push(request), new Response('{}', { headers: { 'content-type': 'application/json' } }))),
		);
		const call = createHttp({ config: () => BASE, token: () => shopper, locale: () => 'en', renew: async () => false });
		await call('get', 'customer');
		return requests[0].headers;
	};

	it('sends a signed customer as X-Rewards-Customer and no Authorization', async () => {
		const headers = await send(validateOptions({ ...BASE, customer: CUSTOMER }).config!.customerToken);
		expect(headers.get('authorization')).toBeNull();
		expect(Object.fromEntries(new URLSearchParams(headers.get('x-rewards-customer')!))).toEqual({ ...CUSTOMER, issuedAt: '1767225600' });
	});

	it('sends a token as a bearer and no X-Rewards-Customer', async () => {
		const token = jwt('alice');
		const headers = await send(token);
		expect(headers.get('authorization')).toBe(`Bearer ${token}`);
		expect(headers.get('x-rewards-customer')).toBeNull();
	});
});

describe('Rewards.identify({ customer })', () => {
	let destroy: (() => void) | undefined;
	afterEach(() => {
		destroy?.();
		destroy = undefined;
	});

	const start = () => {
		const identified: Array<string | undefined> = [];
		const mountPanel: MountPanel = () => ({
			open() {},
			close() {},
			isOpen: () => false,
			update() {},
			identify: (shopper) => void identified.push(shopper),
			refresh: async () => {},
			destroy() {},
		});
		const widget = createRuntime({ loadPanel: async () => ({ mountPanel }) });
		widget.init({ ...BASE, customerToken: jwt('alice') });
		destroy = widget.destroy;
		return { widget, identified };
	};

	it('switches from a token to a signed customer, and init() afterwards keeps only the customer', async () => {
		const { widget, identified } = start();
		widget.open();
		await vi.waitFor(() => expect(document.querySelector('rewards-widget')).not.toBeNull());
		await new Promise((resolve) => setTimeout(resolve, 0));
		widget.identify({ customer: CUSTOMER });
		expect(identified).toHaveLength(1);
		expect(new URLSearchParams(identified[0]).get('id')).toBe('7243');
		const error = vi.spyOn(console, 'error');
		widget.init({ locale: 'fr' });
		expect(error).not.toHaveBeenCalled();
	});

	it('says what it takes for a malformed customer, or both ways at once, and changes nothing', async () => {
		const { widget, identified } = start();
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		widget.identify({ customer: { ...CUSTOMER, digest: 'nope' } });
		widget.identify({ customer: CUSTOMER, customerToken: jwt('bob') } as never);
		expect(error).toHaveBeenCalledTimes(2);
		expect(String(error.mock.calls[0])).toContain('identify() takes { customerToken } or { customer: { id, email, issuedAt, digest } }');
		expect(identified).toEqual([]);
	});
});
