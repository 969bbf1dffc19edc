import { InMemoryEventStore, openEventStore } from '@solmu/event-store';
import { describeEventStoreContract } from '@solmu/event-store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryKeyStore } from './adapters/in-memory-key-store';
import { SqliteKeyStore } from './adapters/sqlite-key-store';
import { EncryptingEventStore } from './encrypting-event-store';
import { definePersonalDataPolicy, REMOVED } from './personal-data-policy';
import { PersonalDataVault } from './personal-data-vault';

/** The contract's events carry no `label`, so this policy is exercised only for its absence. */
const policy = definePersonalDataPolicy({
  ThingHappened: { subject: (d) => `thing-${String(d.n)}`, fields: { label: REMOVED } },
  A: { subject: () => 'thing-a', fields: { 'nested.label': 'erased' } },
});

describeEventStoreContract('encrypting store over in-memory', async () => ({
  store: new EncryptingEventStore(new InMemoryEventStore(), new PersonalDataVault(new InMemoryKeyStore()), policy),
}));

describeEventStoreContract('encrypting store over SQLite files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-encrypting-'));
  const events = await openEventStore({ kind: 'sqlite', path: join(dir, 'events.db'), pollMs: 20 });
  const keys = new SqliteKeyStore({ path: join(dir, 'keys.db') });
  return {
    store: new EncryptingEventStore(events, new PersonalDataVault(keys), policy),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
