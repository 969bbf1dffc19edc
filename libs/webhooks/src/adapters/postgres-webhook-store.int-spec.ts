import { createTestDatabase } from '@solmu/testing';
import { describeWebhookStoreContract } from '../testing/webhook-store.contract';
import { PostgresWebhookStore } from './postgres-webhook-store';

describeWebhookStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase('webhooks');
  return {
    store: await PostgresWebhookStore.open({ connectionString: db.url }),
    second: () => PostgresWebhookStore.open({ connectionString: db.url }),
    cleanup: () => db.drop(),
  };
});
