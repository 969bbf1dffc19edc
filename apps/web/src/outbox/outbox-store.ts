import type { components } from '../api/schema';

/**
 * The outbox: interactions logged while Solmu could not be reached, kept in IndexedDB on this device
 * until they are sent. Each keeps the Idempotency-Key it was first tried with, so however many
 * times it is sent (an answer lost on a bad connection, two tabs flushing), the API logs it once.
 */

/** What is sent: the API's own request type. */
export type LogBody = components['schemas']['InteractionDetailsRequest'];

export interface Pending {
  key: string;
  networkId: string;
  body: LogBody;
  savedAt: string;
  /** Set when the API refused it (a 4xx other than 401/429): it waits for the person to discard it. */
  problem?: string;
}

const DB = 'solmu';
const STORE = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export const outboxStore = {
  put: (pending: Pending) => run('readwrite', (store) => store.put(pending)).then(() => undefined),
  remove: (key: string) => run('readwrite', (store) => store.delete(key)).then(() => undefined),
  async list(networkId: string): Promise<Pending[]> {
    const all = (await run('readonly', (store) => store.getAll())) as Pending[];
    return all.filter((p) => p.networkId === networkId).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  },
};
