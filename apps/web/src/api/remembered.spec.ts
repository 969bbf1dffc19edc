import { forgetAll, isRemembered, recall, remember, rememberSignedIn } from './remembered';

/** A Storage over a Map: the unit tests run in Node, which has no localStorage of its own. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const origin = 'https://solmu.example';
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  const storage = new MemoryStorage();
  // Object.keys(localStorage) lists the stored keys, as the browser's Storage does.
  (globalThis as { localStorage?: unknown }).localStorage = new Proxy(storage, { ownKeys: (target) => [...(target as unknown as { items: Map<string, string> }).items.keys()], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }) });
});

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

it('keeps only the answers the log page needs to open, and only plain GETs of them', () => {
  expect(isRemembered(new URL('/api/networks/n1/members', origin))).toBe(true);
  expect(isRemembered(new URL('/api/networks/n1/me', origin))).toBe(true);
  expect(isRemembered(new URL('/api/networks/n1/interactions', origin))).toBe(false);
  expect(isRemembered(new URL('/api/networks/n1/members/m1/ego', origin))).toBe(false);
  expect(isRemembered(new URL('/api/networks/n1/members?type=company', origin))).toBe(false);
});

it('answers offline with the last answer, and never keeps the CSRF token', async () => {
  const members = new URL('/api/networks/n1/members', origin);
  await remember(members, json([{ id: 'm1', name: 'Aino' }]));
  const kept = recall(members)!;
  expect(kept.headers.get('x-solmu-remembered')).toBe('1');
  expect(await kept.json()).toEqual([{ id: 'm1', name: 'Aino' }]);

  const session = new URL('/api/auth/session', origin);
  await remember(session, json({ account: { id: 'a1' }, csrfToken: 'secret' }));
  expect(await recall(session)!.json()).toEqual({ account: { id: 'a1' } });
});

it('keeps no refusal, and forgets everything on signing out', async () => {
  const me = new URL('/api/networks/n1/me', origin);
  await remember(me, json({ statusCode: 403 }, 403));
  expect(recall(me)).toBeUndefined();
  rememberSignedIn({ id: 'a1' });
  await remember(me, json({ memberId: 'm1' }));
  forgetAll();
  expect(recall(me)).toBeUndefined();
  expect(recall(new URL('/api/auth/session', origin))).toBeUndefined();
});
