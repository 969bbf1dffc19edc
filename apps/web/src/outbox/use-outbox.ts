import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formProblems } from '../api/problems';
import { type LogBody, outboxStore, type Pending } from './outbox-store';

const RETRY_EVERY_MS = 20_000;
let flushing: Promise<void> | undefined;

/** Sends what waits, oldest first; one flush at a time in this tab. */
async function flush(networkId: string): Promise<void> {
  flushing ??= (async () => {
    try {
      for (const pending of await outboxStore.list(networkId)) {
        if (pending.problem) continue;
        const { response, error } = await api.POST('/api/networks/{networkId}/interactions', {
          params: { path: { networkId }, header: { 'Idempotency-Key': pending.key } },
          body: pending.body,
        });
        if (response.ok) await outboxStore.remove(pending.key);
        // Refused for good (not "later"): keep it, with the reason, for the person to see.
        else if (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 429) {
          await outboxStore.put({ ...pending, problem: formProblems(error, []).general.join(' ') });
        }
      }
    } catch {
      // Still offline: everything stays for the next try.
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}

/** The outbox of one network: what waits, a way to add to it, and sending when the connection returns. */
export function useOutbox(networkId: string) {
  const [waiting, setWaiting] = useState<Pending[]>([]);
  const refresh = useCallback(async () => setWaiting(await outboxStore.list(networkId)), [networkId]);
  const send = useCallback(async () => {
    await flush(networkId);
    await refresh();
  }, [networkId, refresh]);

  useEffect(() => {
    void send();
    const online = () => void send();
    addEventListener('online', online);
    const timer = setInterval(() => navigator.onLine && void send(), RETRY_EVERY_MS);
    return () => {
      removeEventListener('online', online);
      clearInterval(timer);
    };
  }, [send]);

  return {
    waiting,
    send,
    async keep(key: string, body: LogBody) {
      await outboxStore.put({ key, networkId, body, savedAt: new Date().toISOString() });
      await refresh();
    },
    async discard(key: string) {
      await outboxStore.remove(key);
      await refresh();
    },
  };
}
