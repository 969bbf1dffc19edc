import { describeKeyStoreContract } from '../testing/key-store.contract';
import { InMemoryKeyStore } from './in-memory-key-store';

describeKeyStoreContract('in-memory', async () => ({ keys: new InMemoryKeyStore() }));
