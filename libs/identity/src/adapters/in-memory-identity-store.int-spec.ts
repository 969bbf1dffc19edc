import { describeIdentityStoreContract } from '../testing/identity-store.contract';
import { InMemoryIdentityStore } from './in-memory-identity-store';

describeIdentityStoreContract('in memory', async () => ({ store: new InMemoryIdentityStore() }));
