import { describe, expect, it } from 'vitest';
import { ApiError } from '../../demo/server/errors';
import { authenticateMerchant } from '../../demo/server/http/authenticate-merchant';
import { adminKeyDigest } from '../../demo/server/program/admin-key';
import type { Store } from '../../demo/server/program/store';
import { DEMO_STORE } from './support/harness';

const storeWith = (adminKey?: string) =>
	({ key: DEMO_STORE.key, adminKeySha256: adminKey ? adminKeyDigest(adminKey) : undefined }) as Store;

function refusal(run: () => void): ApiError {
	try {
		run();
	} catch (error) {
		return error as ApiError;
	}
	throw new Error('expected a refusal');
}

describe('the merchant admin key', () => {
	it('opens the merchant API with the exact key', () => {
		expect(() => authenticateMerchant(`Bearer ${DEMO_STORE.adminKey}`, storeWith(DEMO_STORE.adminKey))).not.toThrow();
	});

	it.each([
		['no header', undefined],
		['the publishable key', `Bearer ${DEMO_STORE.key}`],
		['the store secret', `Bearer ${DEMO_STORE.secret}`],
		['the identity secret', `Bearer ${DEMO_STORE.identitySecret}`],
		['a prefix of the key', `Bearer ${DEMO_STORE.adminKey.slice(0, -1)}`],
		['the key without Bearer', DEMO_STORE.adminKey],
	])('refuses %s with 401 invalid_admin_key', (_name, authorization) => {
		const error = refusal(() => authenticateMerchant(authorization, storeWith(DEMO_STORE.adminKey)));
		expect(error).toBeInstanceOf(ApiError);
		expect([error.status, error.code]).toEqual([401, 'invalid_admin_key']);
	});

	it('keeps the merchant API closed for a store without an admin key', () => {
		expect(refusal(() => authenticateMerchant(`Bearer ${DEMO_STORE.adminKey}`, storeWith())).code).toBe('invalid_admin_key');
	});
});
