import type { Database } from '../db/types';
import { upsertStore } from '../program/store';
import { type SchemaCheck, validateStoreDefinition } from '../program/validate-definition';
import { seedDemoHistory } from './demo-history';
import { seedDemoShoppers } from './demo-shoppers';
import { demoStoreDefinition } from './demo-store';

/**
Creates the demo store with its shoppers and about a year of history on an empty database, in one transaction. On later
starts only the store's definition is refreshed (e.g. a new storefront URL); shoppers and their
history are never touched again.
*/
export async function seedDemo(db: Database, storefrontUrl?: string, checkSchema?: SchemaCheck): Promise<{ created: boolean }> {
	const definition = demoStoreDefinition(storefrontUrl);
	validateStoreDefinition(definition, checkSchema, 'The demo store');
	return db.transaction(async (tx) => {
		const { id, created } = await upsertStore(tx, definition);
		if (created) {
			await seedDemoShoppers(tx, id, definition);
			await seedDemoHistory(tx, id, definition);
		}
		return { created };
	});
}
