import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { aPerson, linkPerson, RunningSolmu, startSolmu } from './support/solmu-app';

/**
 * Every route of the running app × every kind of caller. The list of routes comes from Fastify's
 * own route table, and a test fails when a route has no case here, so a new endpoint cannot ship
 * without its access rules being written down. Callers, all about network A:
 * - anonymous: no credentials;
 * - admin: the installation's administrator, who is NOT a member of A;
 * - coordinator: founded A, so coordinates it;
 * - member: an ordinary member of A;
 * - token:<scope>: an API token of A with that one scope (one token per scope);
 * - outsider: coordinates network B only; outsiderToken: a token of B with every scope.
 * Invisible networks answer 404 (ids do not leak), visible ones without the right 403.
 * For 2xx answers, cases also check what the body shows to whom (notes, emails, whose interactions).
 */
const TOKEN_ROLES = ['token:network:read', 'token:interactions:write', 'token:members:write', 'token:analysis:read'] as const;
const ROLES = ['anonymous', 'admin', 'coordinator', 'member', ...TOKEN_ROLES, 'outsider', 'outsiderToken'] as const;
type Role = (typeof ROLES)[number];
type Statuses = Record<Role, number>;

/** Roles that see network A at all. */
const IN_A: Role[] = ['admin', 'coordinator', 'member', ...TOKEN_ROLES];
const PEOPLE: Role[] = ['admin', 'coordinator', 'member', 'outsider'];
const NOTE_OF_MEMBER = 'note between member and other';
const SECRET_NOTE = 'secret B note between others';
const OTHER_EMAIL = 'other@a.test';
const OWN_EMAIL = 'self@a.test';

/** Network-A routes: the allowed roles get `ok`, the rest of A 403, other networks 404, anonymous 401. */
function onlyFor(ok: number, allowed: Role[], overrides: Partial<Statuses> = {}): Statuses {
  const statuses = Object.fromEntries(ROLES.map((r) => [r, IN_A.includes(r) ? (allowed.includes(r) ? ok : 403) : 404])) as Statuses;
  return { ...statuses, anonymous: 401, ...overrides };
}
const everyone = (status: number, overrides: Partial<Statuses> = {}): Statuses =>
  ({ ...(Object.fromEntries(ROLES.map((r) => [r, status])) as Statuses), ...overrides });
const signedIn = (status: number, overrides: Partial<Statuses> = {}) => everyone(status, { anonymous: 401, ...overrides });
const personsOnly = (status: number) => signedIn(403, Object.fromEntries(PEOPLE.map((r) => [r, status])));

const ANALYSIS: Role[] = ['admin', 'coordinator', 'member', 'token:analysis:read'];
const MANAGERS: Role[] = ['admin', 'coordinator'];
const MEMBER_MANAGERS: Role[] = ['admin', 'coordinator', 'token:members:write'];
const READ_ALL: Role[] = ['admin', 'coordinator', 'token:network:read'];

interface World {
  A: string;
  memberSelf: string;
  memberOther: string;
  memberOther2: string;
  interventionId: string;
  interactionOfMember: string;
  interactionOfOthers: string;
  /** A new member of A (for leaving, erasure, invitations). */
  fresh(): Promise<string>;
  /** A new interaction of A, logged by the role when it may log, else by the coordinator. */
  freshInteraction(role: Role): Promise<string>;
  /** A new API token of A, to revoke. */
  freshApiToken(): Promise<string>;
  /** An invitation to a new member of scratch network C (accepting it changes nobody's access to A). */
  freshInvitation(): Promise<string>;
  /** A Slack integration of A. */
  slackIntegration: string;
  /** A new Teams integration of A, to rotate or remove. */
  freshIntegration(): Promise<string>;
  webhook: string;
  /** A delivery of `webhook` (to a closed port, so it stays pending). */
  webhookDelivery: string;
  freshWebhook(): Promise<string>;
}

const TEAMS_TOKEN = Buffer.from('matrix security token, 32 bytes').toString('base64');
const SLACK_SECRET = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6';
/** A receiver that is never there (the discard port on loopback; the matrix allows private targets). */
const WEBHOOK_URL = 'http://127.0.0.1:9/hooks';
/** Whatever the caller, integration answers never carry a secret. */
const noSecrets = (body: unknown) => expect([SLACK_SECRET, TEAMS_TOKEN].filter((secret) => JSON.stringify(body).includes(secret))).toEqual([]);

interface Case {
  /** `METHOD /path` as Fastify's route table names it. */
  route: string;
  name?: string;
  path: (w: World, role: Role) => Promise<string> | string;
  body?: (w: World, role: Role) => unknown;
  /** The credentials to send, when not the role's usual token (e.g. a token the case revokes). */
  as?: (role: Role) => Promise<string | undefined>;
  expect: Statuses;
  /** Text a 2xx body shows to exactly these roles, and to no one else. */
  shows?: { text: (w: World) => string; to: Role[] };
  /** Further checks of a 2xx body. */
  check?: (body: any, role: Role, w: World) => void;
}

const A = (rest = '') => (w: World) => `/networks/${w.A}${rest}`;
const interaction = (w: World) => ({ kind: 'discussed', participants: [w.memberSelf, w.memberOther], occurredAt: '2024-03-01T10:00:00Z' });

const CASES: Case[] = [
  // Installation and sign-in: the same for every caller.
  { route: 'GET /api/health', path: () => '/health', expect: everyone(200) },
  { route: 'GET /api/setup', path: () => '/setup', expect: everyone(200), check: (body) => expect(body).toEqual({ setupRequired: false }) },
  {
    route: 'POST /api/setup',
    name: 'POST /api/setup once set up',
    path: () => '/setup',
    body: () => ({ token: 'not-a-setup-token', email: 'late@a.test', password: 'a long enough password', name: 'Late' }),
    expect: everyone(422),
  },
  { route: 'POST /api/auth/login', path: () => '/auth/login', body: () => ({ email: 'signin@a.test', password: 'a long enough password' }), expect: everyone(200) },
  { route: 'POST /api/auth/token', path: () => '/auth/token', body: () => ({ email: 'signin@a.test', password: 'a long enough password' }), expect: everyone(201) },
  { route: 'POST /api/auth/logout', path: () => '/auth/logout', expect: everyone(200) },
  { route: 'GET /api/auth/session', path: () => '/auth/session', expect: signedIn(200) },
  { route: 'GET /api/auth/methods', path: () => '/auth/methods', expect: everyone(200), check: (body) => expect(body).toMatchObject({ password: true }) },
  {
    route: 'DELETE /api/auth/token',
    name: 'DELETE /api/auth/token (a fresh sign-in of the caller, so the role keeps its own)',
    path: () => '/auth/token',
    as: async (role) => (PEOPLE.includes(role) ? signInAgain(role) : tokens[role]),
    expect: signedIn(200),
  },
  { route: 'GET /api/auth/oidc/login', name: 'GET /api/auth/oidc/login without single sign-on', path: () => '/auth/oidc/login', expect: everyone(400) },
  { route: 'GET /api/auth/oidc/callback', name: 'GET /api/auth/oidc/callback without single sign-on', path: () => '/auth/oidc/callback', expect: everyone(409) },
  {
    route: 'POST /api/invitations/accept',
    name: 'POST /api/invitations/accept (an invitation of network C)',
    path: () => '/invitations/accept',
    body: () => ({ token: pendingInvitation }),
    expect: personsOnly(201),
  },

  // Networks.
  {
    route: 'GET /api/networks',
    path: () => '/networks',
    expect: signedIn(200),
    check: (body, role, w) => expect(body.map((n: { id: string }) => n.id).includes(w.A)).toBe(IN_A.includes(role)),
  },
  { route: 'POST /api/networks', path: () => '/networks', body: () => ({ name: 'Founded in the matrix' }), expect: personsOnly(201) },
  { route: 'GET /api/networks/:networkId', path: A(), expect: onlyFor(200, IN_A) },
  {
    route: 'GET /api/networks/:networkId/me',
    path: A('/me'),
    expect: onlyFor(200, IN_A),
    check: (body, role, w) => expect(body).toMatchObject({ memberId: role === 'member' ? w.memberSelf : role === 'coordinator' ? expect.any(String) : null }),
  },
  { route: 'PATCH /api/networks/:networkId/settings', path: A('/settings'), body: () => ({ membersSeeNetwork: true }), expect: onlyFor(200, MANAGERS) },

  // Members.
  { route: 'POST /api/networks/:networkId/members', path: A('/members'), body: () => ({ name: 'New member' }), expect: onlyFor(201, MEMBER_MANAGERS) },
  { route: 'GET /api/networks/:networkId/members', path: A('/members'), expect: onlyFor(200, IN_A), shows: { text: () => OTHER_EMAIL, to: MEMBER_MANAGERS } },
  {
    route: 'GET /api/networks/:networkId/members/:memberId',
    name: 'GET someone else’s member record',
    path: (w) => `/networks/${w.A}/members/${w.memberOther}`,
    expect: onlyFor(200, IN_A),
    shows: { text: () => OTHER_EMAIL, to: MEMBER_MANAGERS },
  },
  {
    route: 'GET /api/networks/:networkId/members/:memberId',
    name: 'GET the member’s own record',
    path: (w) => `/networks/${w.A}/members/${w.memberSelf}`,
    expect: onlyFor(200, IN_A),
    shows: { text: () => OWN_EMAIL, to: ['member', ...MEMBER_MANAGERS] },
  },
  {
    route: 'PATCH /api/networks/:networkId/members/:memberId',
    name: 'PATCH own profile',
    path: (w) => `/networks/${w.A}/members/${w.memberSelf}`,
    body: () => ({ organisation: 'Oma Oy' }),
    expect: onlyFor(200, ['member', ...MEMBER_MANAGERS]),
  },
  {
    route: 'PATCH /api/networks/:networkId/members/:memberId',
    name: 'PATCH someone else’s profile',
    path: (w) => `/networks/${w.A}/members/${w.memberOther}`,
    body: () => ({ organisation: 'Muu Oy' }),
    expect: onlyFor(200, MEMBER_MANAGERS),
  },
  {
    route: 'GET /api/networks/:networkId/members/:memberId/export',
    name: 'GET own data export',
    path: (w) => `/networks/${w.A}/members/${w.memberSelf}/export`,
    // A token needs members:write and network:read together (the case after the matrix): one scope reads too little.
    expect: onlyFor(200, ['member', ...MANAGERS]),
    shows: { text: () => NOTE_OF_MEMBER, to: ['member', 'coordinator'] },
  },
  {
    route: 'GET /api/networks/:networkId/members/:memberId/export',
    name: 'GET someone else’s data export',
    path: (w) => `/networks/${w.A}/members/${w.memberOther}/export`,
    expect: onlyFor(200, MANAGERS),
    shows: { text: () => SECRET_NOTE, to: ['coordinator'] },
  },
  { route: 'POST /api/networks/:networkId/members/:memberId/erase', path: async (w) => `/networks/${w.A}/members/${await w.fresh()}/erase`, body: () => ({}), expect: onlyFor(200, MEMBER_MANAGERS) },
  { route: 'POST /api/networks/:networkId/members/:memberId/leave', path: async (w) => `/networks/${w.A}/members/${await w.fresh()}/leave`, body: () => ({}), expect: onlyFor(200, MEMBER_MANAGERS) },
  { route: 'POST /api/networks/:networkId/members/:memberId/invitations', path: async (w) => `/networks/${w.A}/members/${await w.fresh()}/invitations`, expect: onlyFor(201, MEMBER_MANAGERS) },
  { route: 'GET /api/networks/:networkId/invitations', path: A('/invitations'), expect: onlyFor(200, MEMBER_MANAGERS) },

  // Interactions.
  {
    route: 'POST /api/networks/:networkId/interactions',
    name: 'POST an interaction the member takes part in',
    path: A('/interactions'),
    body: interaction,
    expect: onlyFor(201, ['admin', 'coordinator', 'member', 'token:interactions:write']),
  },
  {
    route: 'POST /api/networks/:networkId/interactions',
    name: 'POST an interaction between others',
    path: A('/interactions'),
    body: (w) => ({ kind: 'discussed', participants: [w.memberOther, w.memberOther2], occurredAt: '2024-03-01T10:00:00Z' }),
    expect: onlyFor(201, ['admin', 'coordinator', 'token:interactions:write']),
  },
  {
    route: 'GET /api/networks/:networkId/interactions',
    path: A('/interactions?limit=500'),
    expect: onlyFor(200, [...READ_ALL, 'member']),
    shows: { text: () => SECRET_NOTE, to: ['coordinator'] },
    check: (body, role, w) => {
      const listed = body.interactions as Array<{ id: string; participants: string[]; note?: string }>;
      const ids = listed.map((i) => i.id);
      if (role === 'member') expect(listed.every((i) => i.participants.includes(w.memberSelf))).toBe(true);
      else expect(ids).toContain(w.interactionOfOthers);
      expect(ids).toContain(w.interactionOfMember);
      const notes = listed.map((i) => i.note).filter(Boolean);
      expect(notes.includes(NOTE_OF_MEMBER)).toBe(role === 'member' || role === 'coordinator');
    },
  },
  {
    route: 'GET /api/networks/:networkId/interactions/:interactionId',
    name: 'GET an interaction the member took part in',
    path: (w) => `/networks/${w.A}/interactions/${w.interactionOfMember}`,
    expect: onlyFor(200, [...READ_ALL, 'member'], { 'token:interactions:write': 404, 'token:members:write': 404, 'token:analysis:read': 404 }),
    shows: { text: () => NOTE_OF_MEMBER, to: ['member', 'coordinator'] },
  },
  {
    route: 'GET /api/networks/:networkId/interactions/:interactionId',
    name: 'GET an interaction of others',
    path: (w) => `/networks/${w.A}/interactions/${w.interactionOfOthers}`,
    expect: onlyFor(200, READ_ALL, { member: 404, 'token:interactions:write': 404, 'token:members:write': 404, 'token:analysis:read': 404 }),
    shows: { text: () => SECRET_NOTE, to: ['coordinator'] },
  },
  {
    route: 'POST /api/networks/:networkId/interactions/:interactionId/correct',
    name: 'POST correct an interaction the caller logged (the coordinator’s, for callers who cannot log)',
    path: async (w, role) => `/networks/${w.A}/interactions/${await w.freshInteraction(role)}/correct`,
    body: (w) => ({ ...interaction(w), kind: 'outlined_goals' }),
    expect: onlyFor(200, ['admin', 'coordinator', 'member', 'token:interactions:write']),
  },
  {
    route: 'POST /api/networks/:networkId/interactions/:interactionId/retract',
    name: 'POST retract an interaction the coordinator logged',
    path: async (w) => `/networks/${w.A}/interactions/${await w.freshInteraction('coordinator')}/retract`,
    body: () => ({}),
    expect: onlyFor(200, ['admin', 'coordinator', 'token:interactions:write']),
  },
  {
    route: 'GET /api/networks/:networkId/events',
    name: 'GET /events (raw history; notes only for coordinators and participants)',
    path: A('/events?limit=1000'),
    expect: onlyFor(200, MANAGERS),
    shows: { text: () => SECRET_NOTE, to: ['coordinator'] },
    check: (body, role) => {
      const freeText = body.events.filter((e: { data: Record<string, unknown> }) => 'note' in e.data || 'reason' in e.data);
      if (role === 'admin') expect(freeText).toEqual([]);
      else expect(freeText.length).toBeGreaterThan(0);
    },
  },

  // Interventions.
  {
    route: 'POST /api/networks/:networkId/interventions',
    path: A('/interventions'),
    body: () => ({ kind: 'workshop', title: 'Matchmaking', occurredAt: '2024-03-01T10:00:00Z' }),
    expect: onlyFor(201, MANAGERS),
  },
  { route: 'GET /api/networks/:networkId/interventions', path: A('/interventions'), expect: onlyFor(200, IN_A) },

  // Analysis: the network picture is for coordinators, tokens with analysis:read and (while the
  // settings allow it) members; see the test below for the settings closing it.
  {
    route: 'GET /api/networks/:networkId/graph',
    path: A('/graph'),
    expect: onlyFor(200, ANALYSIS),
    check: (body, _role, w) => expect(body.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([w.memberSelf, w.memberOther, w.memberOther2])),
  },
  { route: 'GET /api/networks/:networkId/graph/steps', path: A('/graph/steps?interval=month'), expect: onlyFor(200, ANALYSIS) },
  { route: 'GET /api/networks/:networkId/timeline', path: A('/timeline?interval=month&from=2024-01-01&to=2024-04-01'), expect: onlyFor(200, ANALYSIS) },
  { route: 'GET /api/networks/:networkId/export', path: A('/export?format=edges.csv'), expect: onlyFor(200, ANALYSIS) },
  {
    route: 'GET /api/networks/:networkId/interventions/:interventionId/effect',
    path: (w) => `/networks/${w.A}/interventions/${w.interventionId}/effect`,
    expect: onlyFor(200, ANALYSIS),
  },
  {
    route: 'GET /api/networks/:networkId/members/:memberId/ego',
    name: 'GET someone else’s ego network',
    path: (w) => `/networks/${w.A}/members/${w.memberOther}/ego`,
    expect: onlyFor(200, ANALYSIS),
    check: (body, _role, w) => expect(body.member.id).toBe(w.memberOther),
  },
  {
    route: 'GET /api/networks/:networkId/ties/:a/:b',
    name: 'GET the history of a tie of others',
    path: (w) => `/networks/${w.A}/ties/${w.memberOther}/${w.memberOther2}`,
    expect: onlyFor(200, ANALYSIS),
    check: (body, _role, w) => expect(body.interactions.map((i: { id: string }) => i.id)).toContain(w.interactionOfOthers),
  },
  // Statuses only: what tips say to members is checked where tips are tested.
  { route: 'GET /api/networks/:networkId/tips', path: A('/tips'), expect: onlyFor(200, ANALYSIS) },

  // API tokens.
  { route: 'POST /api/networks/:networkId/tokens', path: A('/tokens'), body: () => ({ name: 'Slack', scopes: ['interactions:write'] }), expect: onlyFor(201, MANAGERS) },
  { route: 'GET /api/networks/:networkId/tokens', path: A('/tokens'), expect: onlyFor(200, MANAGERS) },
  { route: 'DELETE /api/networks/:networkId/tokens/:tokenId', path: async (w) => `/networks/${w.A}/tokens/${await w.freshApiToken()}`, expect: onlyFor(200, MANAGERS) },

  // Slack and Teams: coordinators connect and manage them; secrets never come back.
  {
    route: 'POST /api/networks/:networkId/integrations',
    path: A('/integrations'),
    body: () => ({ kind: 'teams', securityToken: TEAMS_TOKEN }),
    expect: onlyFor(201, MANAGERS),
    check: noSecrets,
  },
  { route: 'GET /api/networks/:networkId/integrations', path: A('/integrations'), expect: onlyFor(200, MANAGERS), check: noSecrets },
  { route: 'GET /api/networks/:networkId/integrations/:integrationId', path: (w) => `/networks/${w.A}/integrations/${w.slackIntegration}`, expect: onlyFor(200, MANAGERS), check: noSecrets },
  { route: 'GET /api/networks/:networkId/integrations/:integrationId/manifest', path: (w) => `/networks/${w.A}/integrations/${w.slackIntegration}/manifest`, expect: onlyFor(200, MANAGERS) },
  {
    route: 'POST /api/networks/:networkId/integrations/:integrationId/rotate',
    path: async (w) => `/networks/${w.A}/integrations/${await w.freshIntegration()}/rotate`,
    body: () => ({ securityToken: TEAMS_TOKEN }),
    expect: onlyFor(200, MANAGERS),
    check: noSecrets,
  },
  { route: 'DELETE /api/networks/:networkId/integrations/:integrationId', path: async (w) => `/networks/${w.A}/integrations/${await w.freshIntegration()}`, expect: onlyFor(204, MANAGERS) },
  // Webhooks out: coordinators only; the secret is shown to whoever made or rotated it, never listed.
  { route: 'POST /api/networks/:networkId/webhooks', path: A('/webhooks'), body: () => ({ url: WEBHOOK_URL, events: ['member.joined'] }), expect: onlyFor(201, MANAGERS), check: (body) => expect(body.secret).toMatch(/^whsec_/) },
  { route: 'GET /api/networks/:networkId/webhooks', path: A('/webhooks'), expect: onlyFor(200, MANAGERS), check: (body) => expect(JSON.stringify(body)).not.toContain('whsec_') },
  { route: 'DELETE /api/networks/:networkId/webhooks/:webhookId', path: async (w) => `/networks/${w.A}/webhooks/${await w.freshWebhook()}`, expect: onlyFor(204, MANAGERS) },
  { route: 'POST /api/networks/:networkId/webhooks/:webhookId/rotate-secret', path: (w) => `/networks/${w.A}/webhooks/${w.webhook}/rotate-secret`, expect: onlyFor(200, MANAGERS) },
  { route: 'GET /api/networks/:networkId/webhooks/:webhookId/deliveries', path: (w) => `/networks/${w.A}/webhooks/${w.webhook}/deliveries`, expect: onlyFor(200, MANAGERS), check: (body, _r, w) => expect(body.items.map((d: any) => d.id)).toContain(w.webhookDelivery) },
  {
    route: 'POST /api/networks/:networkId/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    path: (w) => `/networks/${w.A}/webhooks/${w.webhook}/deliveries/${w.webhookDelivery}/redeliver`,
    expect: onlyFor(202, MANAGERS),
  },
  // What Slack and Teams call: only their signature counts, whatever Solmu credentials come along.
  // Imports: coordinators only (a JSON body is refused as not a file, after access is settled).
  { route: 'POST /api/networks/:networkId/imports', path: A('/imports'), body: () => ({ file: 'x' }), expect: onlyFor(422, MANAGERS) },
  { route: 'GET /api/networks/:networkId/imports/jobs/:jobId', path: A('/imports/jobs/00000000-0000-4000-8000-000000000000'), expect: onlyFor(404, MANAGERS) },
  { route: 'GET /api/networks/:networkId/imports/templates/:file', path: A('/imports/templates/members.fi.csv'), expect: onlyFor(200, MANAGERS) },
  { route: 'POST /api/integrations/slack/:integrationId/commands', path: (w) => `/integrations/slack/${w.slackIntegration}/commands`, body: () => ({ text: 'met' }), expect: everyone(401) },
  { route: 'POST /api/integrations/slack/:integrationId/interactivity', path: (w) => `/integrations/slack/${w.slackIntegration}/interactivity`, body: () => ({}), expect: everyone(401) },
  { route: 'POST /api/integrations/slack/:integrationId/events', path: (w) => `/integrations/slack/${w.slackIntegration}/events`, body: () => ({ type: 'url_verification', challenge: 'x' }), expect: everyone(401) },
  { route: 'POST /api/integrations/teams/:integrationId/messages', path: (w) => `/integrations/teams/${w.slackIntegration}/messages`, body: () => ({ type: 'message', text: 'hi' }), expect: everyone(401) },
  // One-time links: the page is public; what a link links, and using it, need a signed-in caller and a real link.
  { route: 'GET /api/integrations/link-page.js', path: () => '/integrations/link-page.js', expect: everyone(200) },
  { route: 'GET /api/integrations/links/:kind/:integrationId/:token', path: (w) => `/integrations/links/slack/${w.slackIntegration}/solmu_link_unknown`, expect: everyone(200) },
  { route: 'GET /api/integrations/links/:kind/:integrationId/:token/preview', path: (w) => `/integrations/links/slack/${w.slackIntegration}/solmu_link_unknown/preview`, expect: signedIn(404) },
  { route: 'POST /api/integrations/links/:kind/:integrationId/:token', path: (w) => `/integrations/links/slack/${w.slackIntegration}/solmu_link_unknown`, expect: signedIn(404) },

  // The API's documentation and the first-run page: public.
  { route: 'GET /api/docs', path: () => '/docs', expect: everyone(200) },
  { route: 'GET /api/docs/', path: () => '/docs/', expect: everyone(200) },
  { route: 'GET /api/docs/openapi.json', path: () => '/docs/openapi.json', expect: everyone(200) },
  { route: 'GET /api/docs-yaml', path: () => '/docs-yaml', expect: everyone(200) },
  { route: 'GET /api/docs/index.html', path: () => '/docs/index.html', expect: everyone(200) },
  { route: 'GET /api/docs/swagger-ui-init.js', path: () => '/docs/swagger-ui-init.js', expect: everyone(200) },
  { route: 'GET /api/docs/docs/swagger-ui-init.js', path: () => '/docs/docs/swagger-ui-init.js', expect: everyone(200) },
  // Registered by the Swagger UI plugin, but the file is not among those it serves.
  { route: 'GET /api/docs/LICENSE', path: () => '/docs/LICENSE', expect: everyone(404) },
  { route: 'GET /api/docs/*', path: () => '/docs/swagger-ui.css', expect: everyone(200) },
  // The web app's pages (a fixture stands in for the build): a path asked for as JSON is the API's 404.
  { route: 'GET *', name: 'GET * (a page, asked for JSON)', path: () => '/../mine', expect: everyone(404) },
  { route: 'GET /setup', path: () => '/../setup', expect: everyone(200) },
  { route: 'GET /setup.js', path: () => '/../setup.js', expect: everyone(200) },
  { route: 'GET /setup.css', path: () => '/../setup.css', expect: everyone(200) },
];

/**
 * The routes Fastify serves, as `METHOD /path`, read from its route table (`printRoutes`, a tree
 * whose lines each add a path segment under their parent). HEAD routes Fastify adds for every GET
 * are left out.
 */
function routeTable(printed: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^(.*?)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = [...match[1]].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) routes.push(`${method} ${stack.join('')}`);
  }
  return routes.sort();
}

let solmu: RunningSolmu;
let world: World;
/** The accept case takes a new invitation for each caller. */
let pendingInvitation = '';
const tokens = {} as Record<Role, string | undefined>;
const emails: Partial<Record<Role, string>> = { coordinator: 'coordinator@a.test', member: 'member@a.test', outsider: 'outsider@b.test' };

async function signInAgain(role: Role): Promise<string> {
  const email = role === 'admin' ? 'admin@solmu.test' : emails[role]!;
  const password = role === 'admin' ? 'correct horse battery' : 'a long enough password';
  return (await solmu.requestAs(undefined, 'POST', '/auth/token', { email, password })).body.token;
}

describe('access matrix: every route × every kind of caller', () => {
  beforeAll(async () => {
    // Many sign-ins from one address in a minute are expected here.
    // A stand-in for the built web app, so its catch-all route is in the table whether or not dist/web exists.
    const webRoot = mkdtempSync(joinPath(tmpdir(), 'solmu-web-'));
    writeFileSync(joinPath(webRoot, 'index.html'), '<!doctype html><title>Solmu</title>');
    solmu = await startSolmu({ env: { SOLMU_SIGNINS_PER_MINUTE: '1000', SOLMU_WEBHOOKS_ALLOW_PRIVATE: 'true' }, webRoot });
    const coordinator = await aPerson(solmu, emails.coordinator!);
    const member = await aPerson(solmu, emails.member!);
    const outsider = await aPerson(solmu, emails.outsider!);
    // Signs in on the sign-in cases, and founds scratch network C, where the others accept invitations.
    const bystander = await aPerson(solmu, 'signin@a.test');
    const asCoordinator = (method: string, path: string, body?: unknown) => solmu.requestAs(coordinator.token, method, path, body);
    const founded = await asCoordinator('POST', '/networks', { name: 'Network A', foundedAt: '2024-01-01T00:00:00Z' });
    const networkA: string = founded.body.id;
    const join = async (name: string) => (await asCoordinator('POST', `/networks/${networkA}/members`, { name, joinedAt: '2024-01-02T00:00:00Z' })).body.id as string;
    const memberSelf = await join('Member');
    const memberOther = await join('Other');
    const memberOther2 = await join('Other two');
    await linkPerson(solmu, networkA, memberSelf, member.token);
    await asCoordinator('PATCH', `/networks/${networkA}/members/${memberOther}`, { email: OTHER_EMAIL });
    await asCoordinator('PATCH', `/networks/${networkA}/members/${memberSelf}`, { email: OWN_EMAIL });
    const B = (await solmu.requestAs(outsider.token, 'POST', '/networks', { name: 'Network B', foundedAt: '2024-01-01T00:00:00Z' })).body.id;
    const asBystander = (method: string, path: string, body?: unknown) => solmu.requestAs(bystander.token, method, path, body);
    const C = (await asBystander('POST', '/networks', { name: 'Network C (scratch)' })).body.id;
    const apiToken = async (scopes: string[]) => (await asCoordinator('POST', `/networks/${networkA}/tokens`, { name: scopes.join(' '), scopes })).body;
    const tokenB = await solmu.requestAs(outsider.token, 'POST', `/networks/${B}/tokens`, { name: 'B', scopes: ['interactions:write', 'network:read', 'members:write', 'analysis:read'] });
    Object.assign(tokens, { anonymous: undefined, admin: solmu.adminToken, coordinator: coordinator.token, member: member.token, outsider: outsider.token, outsiderToken: tokenB.body.token });
    for (const role of TOKEN_ROLES) tokens[role] = (await apiToken([role.slice('token:'.length)])).token;
    const log = async (token: string | undefined, participants: string[], note?: string) =>
      (await solmu.requestAs(token, 'POST', `/networks/${networkA}/interactions`, { kind: 'discussed', participants, occurredAt: '2024-02-01T10:00:00Z', note })).body.id as string;
    const mayLog: Role[] = ['admin', 'coordinator', 'member', 'token:interactions:write'];
    // A webhook with one delivery of its own, waiting for a receiver that never answers.
    const webhook: string = (await asCoordinator('POST', `/networks/${networkA}/webhooks`, { url: WEBHOOK_URL, events: ['member.joined'] })).body.id;
    await join('Joined after the webhook');
    const firstDelivery = async (): Promise<string> => {
      for (let tries = 0; tries < 100; tries += 1) {
        const [delivery] = (await asCoordinator('GET', `/networks/${networkA}/webhooks/${webhook}/deliveries`)).body.items;
        if (delivery) return delivery.id;
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error('the webhook got no delivery');
    };
    world = {
      A: networkA,
      memberSelf,
      memberOther,
      memberOther2,
      interventionId: (await asCoordinator('POST', `/networks/${networkA}/interventions`, { kind: 'workshop', title: 'Kick-off', occurredAt: '2024-01-15T10:00:00Z' })).body.id,
      interactionOfMember: await log(member.token, [memberSelf, memberOther], NOTE_OF_MEMBER),
      interactionOfOthers: await log(coordinator.token, [memberOther, memberOther2], SECRET_NOTE),
      fresh: () => join(`Fresh ${Math.random()}`),
      freshInteraction: (role) => log(mayLog.includes(role) ? tokens[role] : coordinator.token, [memberSelf, memberOther]),
      freshApiToken: async () => (await apiToken(['network:read'])).id,
      freshInvitation: async () => {
        const invited = (await asBystander('POST', `/networks/${C}/members`, { name: `Invited ${Math.random()}` })).body.id;
        return (await asBystander('POST', `/networks/${C}/members/${invited}/invitations`)).body.token;
      },
      slackIntegration: (await asCoordinator('POST', `/networks/${networkA}/integrations`, { kind: 'slack', signingSecret: SLACK_SECRET })).body.id,
      freshIntegration: async () => (await asCoordinator('POST', `/networks/${networkA}/integrations`, { kind: 'teams', securityToken: TEAMS_TOKEN })).body.id,
      webhook,
      webhookDelivery: await firstDelivery(),
      freshWebhook: async () => (await asCoordinator('POST', `/networks/${networkA}/webhooks`, { url: WEBHOOK_URL, events: ['member.left'] })).body.id,
    };
  }, 60_000);
  afterAll(() => solmu.stop());

  it('has a case for every route the app serves, and no case for a route it does not serve', () => {
    const served = routeTable(solmu.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
    const covered = [...new Set(CASES.map((c) => c.route))].sort();

    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((r) => !covered.includes(r))).toEqual([]);
    expect(covered.filter((r) => !served.includes(r))).toEqual([]);
  });

  for (const c of CASES) {
    it.each([...ROLES])(`${c.name ?? c.route} as %s`, async (role) => {
      if (c.route === 'POST /api/invitations/accept') pendingInvitation = await world.freshInvitation();
      const credentials = c.as ? await c.as(role) : tokens[role];
      const answer = await solmu.requestAs(credentials, c.route.split(' ')[0], await c.path(world, role), c.body?.(world, role));

      expect({ role, status: answer.status }).toEqual({ role, status: c.expect[role] });
      if (answer.status >= 400) expect(answer.body.problems ?? answer.body.message).toBeTruthy();
      if (answer.status < 300 && c.shows) {
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        expect({ role, shows: text.includes(c.shows.text(world)) }).toEqual({ role, shows: c.shows.to.includes(role) });
      }
      if (answer.status < 300) c.check?.(answer.body, role, world);
    });
  }

  it('a member’s data export (email, every interaction) needs a token with both members:write and network:read', async () => {
    const tokenWith = async (scopes: string[]) => (await solmu.requestAs(tokens.coordinator, 'POST', `/networks/${world.A}/tokens`, { name: scopes.join(' '), scopes })).body.token as string;
    const exportAs = (token: string) => solmu.requestAs(token, 'GET', `/networks/${world.A}/members/${world.memberOther}/export`);
    const both = await exportAs(await tokenWith(['members:write', 'network:read']));
    expect(both.status).toBe(200);
    expect(both.body.member.email).toBe(OTHER_EMAIL);
    expect(both.body.interactions.length).toBeGreaterThan(0);
    expect(both.body.interactions.map((i: { note?: string }) => i.note)).not.toContain(SECRET_NOTE);
    for (const scopes of [['members:write'], ['network:read'], ['members:write', 'interactions:write', 'analysis:read']]) {
      const refused = await exportAs(await tokenWith(scopes));
      expect({ scopes, status: refused.status }).toEqual({ scopes, status: 403 });
    }
  });

  it('when the settings close the network picture, a member keeps only their own ego network and ties', async () => {
    const close = await solmu.requestAs(tokens.coordinator, 'PATCH', `/networks/${world.A}/settings`, { membersSeeNetwork: false });
    expect(close.body).toEqual({ membersSeeNetwork: false, timeZone: 'UTC' });
    const asMember = async (path: string) => (await solmu.requestAs(tokens.member, 'GET', `/networks/${world.A}${path}`)).status;
    try {
      expect({
        network: await asMember(''),
        graph: await asMember('/graph'),
        steps: await asMember('/graph/steps'),
        timeline: await asMember('/timeline?interval=month&from=2024-01-01&to=2024-04-01'),
        export: await asMember('/export?format=edges.csv'),
        effect: await asMember(`/interventions/${world.interventionId}/effect`),
        othersEgo: await asMember(`/members/${world.memberOther}/ego`),
        ownEgo: await asMember(`/members/${world.memberSelf}/ego`),
        othersTie: await asMember(`/ties/${world.memberOther}/${world.memberOther2}`),
        ownTie: await asMember(`/ties/${world.memberSelf}/${world.memberOther}`),
      }).toEqual({ network: 200, graph: 403, steps: 403, timeline: 403, export: 403, effect: 403, othersEgo: 403, ownEgo: 200, othersTie: 403, ownTie: 200 });
      // Two of the member's contacts know each other: the member's ego network no longer says so,
      // nor what the contacts' measures are; the coordinator's view of it still does.
      await solmu.requestAs(tokens.coordinator, 'POST', `/networks/${world.A}/interactions`, { kind: 'discussed', participants: [world.memberSelf, world.memberOther2], occurredAt: '2024-03-02T10:00:00Z' });
      const own = (await solmu.requestAs(tokens.member, 'GET', `/networks/${world.A}/members/${world.memberSelf}/ego`)).body;
      const seenByCoordinator = (await solmu.requestAs(tokens.coordinator, 'GET', `/networks/${world.A}/members/${world.memberSelf}/ego`)).body;
      expect(seenByCoordinator.tiesAmongAlters.length).toBeGreaterThan(0);
      expect(own.alters.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([world.memberOther, world.memberOther2]));
      expect({ tiesAmongAlters: own.tiesAmongAlters, withMeasures: own.alters.filter((a: { measures?: unknown }) => a.measures !== undefined).length }).toEqual({ tiesAmongAlters: [], withMeasures: 0 });
    } finally {
      await solmu.requestAs(tokens.coordinator, 'PATCH', `/networks/${world.A}/settings`, { membersSeeNetwork: true });
    }
  });
});
