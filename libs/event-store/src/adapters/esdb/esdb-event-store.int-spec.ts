import { describeEventStoreContract } from '../../testing/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

/**
 * The shared contract against a real EventStoreDB/KurrentDB node, only when one is named: there is
 * no server in CI. The node is shared and never wiped; the contract uses fresh stream names and reads
 * $all relative to the head it sees, so a throwaway node is enough (see docs/eventstoredb.md).
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  // Network round trips, and a first gRPC connection per test.
  jest.setTimeout(30_000);
  describeEventStoreContract('EventStoreDB', async () => ({ store: new EsdbEventStore(connectionString) }));
} else {
  describe.skip('EventStoreDB contract (set EVENTSTORE_CONNECTION_STRING to run)', () => {
    it('runs the EventStore contract against a live node', () => undefined);
  });
}
