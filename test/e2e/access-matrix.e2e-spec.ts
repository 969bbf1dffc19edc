import { aPerson, linkPerson, RunningSolmu, startSolmu } from './support/solmu-app';

/**
 * Every endpoint × every kind of caller × own or other network. Callers:
 * - anonymous: no credentials;
 * - admin: the installation's administrator (founder of network A, so also its coordinator);
 * - coordinator: a person who coordinates network A;
 * - member: a person who is an ordinary member of network A;
 * - token: an API token of network A with scopes interactions:write and network:read;
 * - outsider: a person who coordinates network B only;
 * - outsiderToken: an API token of network B with every scope.
 * Invisible networks answer 404 (ids do not leak), visible ones without the right 403.
 */
type Role = 'anonymous' | 'admin' | 'coordinator' | 'member' | 'token' | 'outsider' | 'outsiderToken';
const ROLES: Role[] = ['anonymous', 'admin', 'coordinator', 'member', 'token', 'outsider', 'outsiderToken'];

interface World {
  A: string;
  memberSelf: string;
  memberOther: string;
  memberOther2: string;
  tokenId: string;
  interactionOfMember: string;
  interactionOfOthers: string;
  fresh(): Promise<string>;
  freshInteraction(loggedBy: Role): Promise<string>;
}

interface Case {
  name: string;
  method: string;
  path: (w: World, role: Role) => Promise<string> | string;
  body?: (w: World, role: Role) => unknown;
  expect: Record<Role, number>;
}

const all = (status: number, overrides: Partial<Record<Role, number>> = {}): Record<Role, number> => ({
  ...(Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, number>),
  anonymous: 401,
  ...overrides,
});
const hidden = { outsider: 404, outsiderToken: 404 };

const CASES: Case[] = [
  { name: 'GET /networks', method: 'GET', path: () => '/networks', expect: all(200) },
  { name: 'GET /networks/:id', method: 'GET', path: (w) => `/networks/${w.A}`, expect: all(200, hidden) },
  { name: 'PATCH /networks/:id/settings', method: 'PATCH', path: (w) => `/networks/${w.A}/settings`, body: () => ({ membersSeeNetwork: true }), expect: all(200, { member: 403, token: 403, ...hidden }) },
  { name: 'POST /networks/:id/members', method: 'POST', path: (w) => `/networks/${w.A}/members`, body: () => ({ name: 'New member' }), expect: all(201, { member: 403, token: 403, ...hidden }) },
  { name: 'GET /networks/:id/members', method: 'GET', path: (w) => `/networks/${w.A}/members`, expect: all(200, hidden) },
  { name: 'GET /networks/:id/members/:memberId', method: 'GET', path: (w) => `/networks/${w.A}/members/${w.memberOther}`, expect: all(200, hidden) },
  { name: 'PATCH own profile', method: 'PATCH', path: (w) => `/networks/${w.A}/members/${w.memberSelf}`, body: () => ({ organisation: 'Oma Oy' }), expect: all(200, { token: 403, ...hidden }) },
  { name: 'PATCH someone else’s profile', method: 'PATCH', path: (w) => `/networks/${w.A}/members/${w.memberOther}`, body: () => ({ organisation: 'Muu Oy' }), expect: all(200, { member: 403, token: 403, ...hidden }) },
  { name: 'POST someone else’s leaving', method: 'POST', path: async (w) => `/networks/${w.A}/members/${await w.fresh()}/leave`, body: () => ({}), expect: all(200, { member: 403, token: 403, ...hidden }) },
  { name: 'GET own data export', method: 'GET', path: (w) => `/networks/${w.A}/members/${w.memberSelf}/export`, expect: all(200, { token: 403, ...hidden }) },
  { name: 'GET someone else’s data export', method: 'GET', path: (w) => `/networks/${w.A}/members/${w.memberOther}/export`, expect: all(200, { member: 403, token: 403, ...hidden }) },
  { name: 'POST erase someone else', method: 'POST', path: async (w) => `/networks/${w.A}/members/${await w.fresh()}/erase`, body: () => ({}), expect: all(200, { member: 403, token: 403, ...hidden }) },
  {
    name: 'POST an interaction the caller takes part in (or any, for coordinators and tokens)',
    method: 'POST',
    path: (w) => `/networks/${w.A}/interactions`,
    body: (w) => ({ kind: 'discussed', participants: [w.memberSelf, w.memberOther], occurredAt: '2024-03-01T10:00:00Z' }),
    expect: all(201, hidden),
  },
  {
    name: 'POST an interaction between others',
    method: 'POST',
    path: (w) => `/networks/${w.A}/interactions`,
    body: (w) => ({ kind: 'discussed', participants: [w.memberOther, w.memberOther2], occurredAt: '2024-03-01T10:00:00Z' }),
    expect: all(201, { member: 403, ...hidden }),
  },
  { name: 'GET /interactions', method: 'GET', path: (w) => `/networks/${w.A}/interactions`, expect: all(200, hidden) },
  { name: 'GET an interaction the caller took part in', method: 'GET', path: (w) => `/networks/${w.A}/interactions/${w.interactionOfMember}`, expect: all(200, hidden) },
  { name: 'GET an interaction of others', method: 'GET', path: (w) => `/networks/${w.A}/interactions/${w.interactionOfOthers}`, expect: all(200, { member: 404, ...hidden }) },
  {
    name: 'POST correct an interaction the caller logged',
    method: 'POST',
    path: async (w, role) => `/networks/${w.A}/interactions/${await w.freshInteraction(role)}/correct`,
    body: (w) => ({ kind: 'outlined_goals', participants: [w.memberSelf, w.memberOther], occurredAt: '2024-03-02T10:00:00Z' }),
    expect: all(200, hidden),
  },
  {
    name: 'POST retract an interaction a coordinator logged',
    method: 'POST',
    path: async (w) => `/networks/${w.A}/interactions/${await w.freshInteraction('coordinator')}/retract`,
    body: () => ({}),
    expect: all(200, { member: 403, ...hidden }),
  },
  { name: 'GET /events (raw history)', method: 'GET', path: (w) => `/networks/${w.A}/events`, expect: all(200, { member: 403, token: 403, ...hidden }) },
  {
    name: 'POST /interventions',
    method: 'POST',
    path: (w) => `/networks/${w.A}/interventions`,
    body: () => ({ kind: 'workshop', title: 'Matchmaking', occurredAt: '2024-03-01T10:00:00Z' }),
    expect: all(201, { member: 403, token: 403, ...hidden }),
  },
  { name: 'GET /interventions', method: 'GET', path: (w) => `/networks/${w.A}/interventions`, expect: all(200, hidden) },
  { name: 'POST /tokens', method: 'POST', path: (w) => `/networks/${w.A}/tokens`, body: () => ({ name: 'Slack', scopes: ['interactions:write'] }), expect: all(201, { member: 403, token: 403, ...hidden }) },
  { name: 'GET /tokens', method: 'GET', path: (w) => `/networks/${w.A}/tokens`, expect: all(200, { member: 403, token: 403, ...hidden }) },
  {
    name: 'DELETE /tokens/:id',
    method: 'DELETE',
    path: async (w) => {
      return `/networks/${w.A}/tokens/${w.tokenId}`;
    },
    expect: all(200, { member: 403, token: 403, ...hidden }),
  },
  { name: 'POST an invitation', method: 'POST', path: async (w) => `/networks/${w.A}/members/${await w.fresh()}/invitations`, expect: all(201, { member: 403, token: 403, ...hidden }) },
  { name: 'GET invitations', method: 'GET', path: (w) => `/networks/${w.A}/invitations`, expect: all(200, { member: 403, token: 403, ...hidden }) },
  { name: 'GET /health', method: 'GET', path: () => '/health', expect: all(200, { anonymous: 200 }) },
  { name: 'GET /docs/openapi.json', method: 'GET', path: () => '/docs/openapi.json', expect: all(200, { anonymous: 200 }) },
];

describe('access matrix: every endpoint × caller × own/other network', () => {
  let solmu: RunningSolmu;
  let world: World;
  const tokens = {} as Record<Role, string | undefined>;

  beforeAll(async () => {
    solmu = await startSolmu();
    const A = (await solmu.request('POST', '/networks', { name: 'Network A', foundedAt: '2024-01-01T00:00:00Z' })).body.id;
    const join = async (name: string, role = 'member') => (await solmu.request('POST', `/networks/${A}/members`, { name, role, joinedAt: '2024-01-02T00:00:00Z' })).body.id as string;
    const coordinator = await aPerson(solmu, 'coordinator@a.test');
    const member = await aPerson(solmu, 'member@a.test');
    const outsider = await aPerson(solmu, 'outsider@b.test');
    const coordinatorRecord = await join('Coordinator', 'coordinator');
    const memberSelf = await join('Member');
    const memberOther = await join('Other');
    const memberOther2 = await join('Other two');
    await linkPerson(solmu, A, coordinatorRecord, coordinator.token);
    await linkPerson(solmu, A, memberSelf, member.token);
    const B = (await solmu.requestAs(outsider.token, 'POST', '/networks', { name: 'Network B', foundedAt: '2024-01-01T00:00:00Z' })).body.id;
    const tokenA = await solmu.request('POST', `/networks/${A}/tokens`, { name: 'A integration', scopes: ['interactions:write', 'network:read'] });
    const tokenB = await solmu.requestAs(outsider.token, 'POST', `/networks/${B}/tokens`, { name: 'B', scopes: ['interactions:write', 'network:read', 'members:write', 'analysis:read'] });
    Object.assign(tokens, { anonymous: undefined, admin: solmu.adminToken, coordinator: coordinator.token, member: member.token, token: tokenA.body.token, outsider: outsider.token, outsiderToken: tokenB.body.token });
    const log = async (token: string | undefined, participants: string[]) =>
      (await solmu.requestAs(token, 'POST', `/networks/${A}/interactions`, { kind: 'discussed', participants, occurredAt: '2024-02-01T10:00:00Z' })).body.id as string;
    world = {
      A,
      memberSelf,
      memberOther,
      memberOther2,
      tokenId: '',
      interactionOfMember: await log(member.token, [memberSelf, memberOther]),
      interactionOfOthers: await log(coordinator.token, [memberOther, memberOther2]),
      fresh: () => join(`Fresh ${Math.random()}`),
      freshInteraction: (role: Role) => log(tokens[role] && ['anonymous', 'outsider', 'outsiderToken'].includes(role) ? coordinator.token : tokens[role], [memberSelf, memberOther]),
    };
  }, 60_000);
  afterAll(() => solmu.stop());

  for (const c of CASES) {
    it.each(ROLES)(`${c.name} as %s`, async (role) => {
      if (c.name === 'DELETE /tokens/:id') {
        world.tokenId = (await solmu.request('POST', `/networks/${world.A}/tokens`, { name: 'to revoke', scopes: ['network:read'] })).body.id;
      }
      const answer = await solmu.requestAs(tokens[role], c.method, await c.path(world, role), c.body?.(world, role));
      expect({ role, status: answer.status }).toEqual({ role, status: c.expect[role] });
      if (answer.status >= 400) expect(answer.body.problems ?? answer.body.message).toBeTruthy();
    });
  }

  it('lists only the networks the caller can see', async () => {
    const names = async (role: Role) => (await solmu.requestAs(tokens[role], 'GET', '/networks')).body.map((n: { name: string }) => n.name).sort();
    expect(await names('member')).toEqual(['Network A']);
    expect(await names('outsider')).toEqual(['Network B']);
    expect(await names('token')).toEqual(['Network A']);
    expect(await names('admin')).toEqual(['Network A', 'Network B']);
  });

  it('a member sees only the interactions they took part in, and notes only of those', async () => {
    await solmu.request('POST', `/networks/${world.A}/interactions`, { kind: 'discussed', participants: [world.memberOther, world.memberOther2], occurredAt: '2024-02-03T10:00:00Z', note: 'Secret between others' });
    await solmu.request('POST', `/networks/${world.A}/interactions`, { kind: 'discussed', participants: [world.memberSelf, world.memberOther], occurredAt: '2024-02-04T10:00:00Z', note: 'Ours' });

    const asMember = await solmu.requestAs(tokens.member, 'GET', `/networks/${world.A}/interactions?limit=500`);
    const asToken = await solmu.requestAs(tokens.token, 'GET', `/networks/${world.A}/interactions?limit=500`);
    const othersAsMember = await solmu.requestAs(tokens.member, 'GET', `/networks/${world.A}/interactions?member=${world.memberOther2}`);

    expect(asMember.body.interactions.every((i: { participants: string[] }) => i.participants.includes(world.memberSelf))).toBe(true);
    expect(asMember.body.interactions.map((i: { note?: string }) => i.note).filter(Boolean)).toEqual(['Ours']);
    expect(asToken.body.interactions.map((i: { note?: string }) => i.note).filter(Boolean)).toEqual([]);
    expect(othersAsMember.status).toBe(403);
  });

  it('emails are shown to the member themselves and to coordinators only', async () => {
    await solmu.request('PATCH', `/networks/${world.A}/members/${world.memberOther}`, { email: 'other@a.test' });
    const asMember = await solmu.requestAs(tokens.member, 'GET', `/networks/${world.A}/members/${world.memberOther}`);
    const asCoordinator = await solmu.requestAs(tokens.coordinator, 'GET', `/networks/${world.A}/members/${world.memberOther}`);
    expect(asMember.body.email).toBeUndefined();
    expect(asCoordinator.body.email).toBe('other@a.test');
  });

  it('when the settings close the network picture, members still see the network but not its analysis', async () => {
    const changed = await solmu.requestAs(tokens.coordinator, 'PATCH', `/networks/${world.A}/settings`, { membersSeeNetwork: false });
    expect(changed.body).toEqual({ membersSeeNetwork: false, timeZone: 'UTC' });
    expect((await solmu.requestAs(tokens.member, 'GET', `/networks/${world.A}`)).status).toBe(200);
    await solmu.requestAs(tokens.coordinator, 'PATCH', `/networks/${world.A}/settings`, { membersSeeNetwork: true });
  });
});
