import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { slackSignature, teamsSignature } from '@solmu/integrations';
import { aNetworkWithMembers, RunningSolmu, startSolmu } from './support/solmu-app';

/**
 * Slack and Teams end to end: real HTTP against the running app, requests signed (or forged) the
 * way the platforms sign them, Slack's Web API played by a local fake server over real HTTP.
 */
const SIGNING_SECRET = '8f742231b10e8888abcd99e5c1d285a5';
const TEAMS_TOKEN = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
const AAD_ADMIN = '6b3f2c1e-8d7a-4e5b-9c0d-1a2b3c4d5e6f';

interface SlackCall {
  method: string;
  authorization?: string;
  body: any;
}

function fakeSlack(): Promise<{ server: Server; url: string; calls: SlackCall[] }> {
  const calls: SlackCall[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      calls.push({ method: request.url!.replace(/^\/api\//, ''), authorization: request.headers.authorization, body: JSON.parse(text || '{}') });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ ok: true }));
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, calls })));
}

describe('Slack and Teams integrations over HTTP', () => {
  let solmu: RunningSolmu;
  let slack: Awaited<ReturnType<typeof fakeSlack>>;
  let networkId: string;
  let admin: string, aino: string, eero: string;
  let slackId: string;
  let teamsId: string;

  const now = () => String(Math.floor(Date.now() / 1000));
  const interactions = async () => (await solmu.request('GET', `/networks/${networkId}/interactions?limit=100`)).body.interactions as Array<{ id: string; kind: string; participants: string[]; source: string; loggedBy: string; note?: string }>;

  /** A request as Slack sends it: signed over the exact bytes, unless told otherwise. */
  async function toSlack(route: string, body: string, contentType: string, options: { timestamp?: string; signature?: string; secret?: string; headers?: Record<string, string> } = {}) {
    const timestamp = options.timestamp ?? now();
    const response = await fetch(`${solmu.url}/api/integrations/slack/${slackId}/${route}`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': options.signature ?? slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body),
        ...options.headers,
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : text };
  }

  const command = (text: string, user = 'UADMIN', extra: Record<string, string> = {}) =>
    new URLSearchParams({ token: 'legacy', team_id: 'T1', team_domain: 'verkosto', channel_id: 'C1', user_id: user, user_name: 'x', command: '/solmu', text, trigger_id: `trig.${Math.random()}`, ...extra }).toString();
  const FORM = 'application/x-www-form-urlencoded';

  async function toTeams(activity: Record<string, unknown>, authorization?: string) {
    const body = JSON.stringify(activity);
    const response = await fetch(`${solmu.url}/api/integrations/teams/${teamsId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: authorization ?? `HMAC ${teamsSignature(TEAMS_TOKEN, body)}` },
      body,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  /** Microsoft's documented outgoing-webhook activity, trimmed to what matters. */
  const teamsMessage = (text: string, mentions: Array<{ id: string; name: string }>, id = `msg-${Math.random()}`) => ({
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: { id: '29:1admin', name: 'Ada Admin', aadObjectId: AAD_ADMIN },
    conversation: { isGroup: true, id: '19:abc@thread.skype;messageid=1' },
    recipient: null,
    textFormat: 'plain',
    text,
    entities: [
      { type: 'clientInfo', locale: 'fi-FI', country: 'FI', platform: 'Web' },
      ...mentions.map(({ id, name }) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name } })),
    ],
    channelData: { teamsChannelId: '19:abc@thread.skype', teamsTeamId: '19:team@thread.skype', channel: { id: '19:abc@thread.skype' }, team: { id: '19:team@thread.skype' }, tenant: { id: 'tenant-1' } },
  });

  beforeAll(async () => {
    slack = await fakeSlack();
    solmu = await startSolmu({ env: { SOLMU_SLACK_API_URL: slack.url, SOLMU_TIME_ZONE: 'UTC' } });
    ({ networkId, members: [aino, eero] } = await aNetworkWithMembers(solmu, ['Aino', 'Eero']));
    admin = (await solmu.request('GET', `/networks/${networkId}/members`)).body.find((m: { role: string }) => m.role === 'coordinator').id;
  });
  afterAll(async () => {
    await solmu.stop();
    rmSync(solmu.dir, { recursive: true, force: true });
    await new Promise((done) => slack.server.close(done));
  });

  describe('members are known to Slack and Teams', () => {
    it('a coordinator sets chat identities with PATCH, and sees them on the member', async () => {
      const set = await solmu.request('PATCH', `/networks/${networkId}/members/${admin}`, { externalIds: { slack: 'T1:UADMIN', teams: AAD_ADMIN.toUpperCase() } });
      expect(set.status).toBe(200);
      expect(set.body.externalIds).toEqual({ slack: 'T1:UADMIN', teams: AAD_ADMIN });
      await solmu.request('PATCH', `/networks/${networkId}/members/${aino}`, { externalIds: { slack: 'T1:UAINO', teamsUser: '29:1aino' } });
      await solmu.request('PATCH', `/networks/${networkId}/members/${eero}`, { externalIds: { slack: 'T1:UEERO', teamsUser: '29:1eero' } });
      expect((await solmu.request('GET', `/networks/${networkId}/members/${aino}`)).body.externalIds).toEqual({ slack: 'T1:UAINO', teamsUser: '29:1aino' });
    });

    it('one identity belongs to one member: another is a 409 naming the field; a malformed one a 422', async () => {
      const taken = await solmu.request('PATCH', `/networks/${networkId}/members/${eero}`, { externalIds: { slack: 'T1:UAINO' } });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'external_id_taken', problems: [{ field: 'externalIds.slack' }] });
      const malformed = await solmu.request('PATCH', `/networks/${networkId}/members/${eero}`, { externalIds: { teams: 'eero' } });
      expect(malformed.status).toBe(422);
      expect(malformed.body.problems).toEqual([{ field: 'externalIds.teams', problem: expect.stringContaining('Entra') }]);
    });
  });

  describe('connecting integrations', () => {
    it('a coordinator connects Slack and gets the request URLs and a manifest; secrets never come back', async () => {
      const answer = await solmu.request('POST', `/networks/${networkId}/integrations`, { kind: 'slack', signingSecret: SIGNING_SECRET, botToken: 'xoxb-1111-2222-abcdef' });
      expect(answer.status).toBe(201);
      slackId = answer.body.id;
      expect(answer.body.requestUrls).toEqual({
        commands: expect.stringMatching(new RegExp(`/api/integrations/slack/${slackId}/commands$`)),
        interactivity: expect.stringMatching(/\/interactivity$/),
        events: expect.stringMatching(/\/events$/),
      });
      const listed = await solmu.request('GET', `/networks/${networkId}/integrations`);
      expect(JSON.stringify([answer.body, listed.body])).not.toMatch(new RegExp(`${SIGNING_SECRET}|xoxb-`));
      const manifest = await solmu.request('GET', `/networks/${networkId}/integrations/${slackId}/manifest`);
      expect(manifest.headers.get('content-disposition')).toContain('attachment');
      expect(manifest.body.features.slash_commands[0]).toMatchObject({ command: '/solmu', url: answer.body.requestUrls.commands, should_escape: true });
      expect(manifest.body.settings.event_subscriptions.request_url).toBe(answer.body.requestUrls.events);
    });

    it('keeps secrets out of the network\'s raw history and sealed in the event store file', async () => {
      const history = await solmu.request('GET', `/networks/${networkId}/events?limit=1000`);
      expect(history.status).toBe(200);
      expect(JSON.stringify(history.body)).not.toMatch(/Integration|8f742231b10e|xoxb-/);
      const files = [solmu.dbPath, `${solmu.dbPath}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));
      expect(files.length).toBeGreaterThan(0);
      expect(files.some((bytes) => bytes.includes('IntegrationConnected'))).toBe(true);
      expect(files.some((bytes) => bytes.includes(SIGNING_SECRET) || bytes.includes('xoxb-1111-2222-abcdef'))).toBe(false);
    });

    it('names the missing secret, and lets only coordinators connect', async () => {
      const missing = await solmu.request('POST', `/networks/${networkId}/integrations`, { kind: 'teams' });
      expect(missing.status).toBe(422);
      expect(missing.body.problems).toEqual([{ field: 'securityToken', problem: expect.stringContaining('base64') }]);
      const anonymous = await solmu.requestAs(undefined, 'POST', `/networks/${networkId}/integrations`, { kind: 'teams', securityToken: TEAMS_TOKEN });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('Slack', () => {
    it('a signed slash command logs through the API\'s command and answers ephemerally within 3 s', async () => {
      const started = Date.now();
      const answer = await toSlack('commands', command('keskusteltiin <@UAINO|aino> <@UEERO> eilen budjetti syksylle'), FORM);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ response_type: 'ephemeral', text: expect.stringMatching(/^Logged: discussed — E2E|Logged: discussed — .*Aino, Eero — \d{4}-\d{2}-\d{2} — "budjetti syksylle"$/) });
      const [logged] = (await interactions()).filter((i) => i.note === 'budjetti syksylle');
      expect(logged).toMatchObject({ kind: 'discussed', participants: [admin, aino, eero], source: 'slack', loggedBy: `member:${admin}` });
    });

    it('answers mapping and grammar errors in the API\'s words, and logs nothing', async () => {
      const before = (await interactions()).length;
      const unlinked = await toSlack('commands', command('met <@UAINO> <@UNOBODY>'), FORM);
      expect(unlinked.body.text).toMatch(/^Nothing was logged:\n• participants\[2\]: UNOBODY is not linked to a member of this network/);
      const stranger = await toSlack('commands', command('met <@UAINO>', 'USTRANGER'), FORM);
      expect(stranger.body.text).toContain('• actor: you are not linked to a member of this network yet; type "/solmu link" first');
      const kind = await toSlack('commands', command('danced <@UAINO>'), FORM);
      expect(kind.body.text).toContain('• kind: "danced" is not a kind of interaction');
      const future = await toSlack('commands', command('met <@UAINO> 2999-01-01'), FORM);
      expect(future.body.text).toContain('• occurredAt: must not be in the future');
      expect((await interactions()).length).toBe(before);
    });

    it.each([
      ['a wrong signature', { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
      ['a signature made with another secret', { secret: 'ffffffffffffffffffffffffffffffff' }],
      ['no signature', { signature: '' }],
      ['a timestamp six minutes old (a replay)', { timestamp: String(Math.floor(Date.now() / 1000) - 360) }],
    ])('refuses %s with 401 and logs nothing', async (_case, options) => {
      const before = (await interactions()).length;
      const answer = await toSlack('commands', command('met <@UAINO>'), FORM, options);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ code: 'invalid_signature', problems: [{ field: 'X-Slack-Signature' }] });
      expect((await interactions()).length).toBe(before);
    });

    it('refuses a body changed after signing, and an unknown integration, with 401', async () => {
      const timestamp = now();
      const signed = command('met <@UAINO>');
      const tampered = await toSlack('commands', signed.replace('UAINO', 'UEERO'), FORM, { timestamp, signature: slackSignature(SIGNING_SECRET, timestamp, signed) });
      expect(tampered.status).toBe(401);
      const response = await fetch(`${solmu.url}/api/integrations/slack/00000000-0000-7000-8000-000000000000/commands`, { method: 'POST', headers: { 'content-type': FORM }, body: 'x=1' });
      expect(response.status).toBe(401);
    });

    it('answers the Events API URL check', async () => {
      const answer = await toSlack('events', JSON.stringify({ token: 't', challenge: 'chal-123', type: 'url_verification' }), 'application/json');
      expect(answer).toEqual({ status: 200, body: { challenge: 'chal-123' } });
    });

    it('a mention of the bot logs once, however often Slack retries the event', async () => {
      const before = (await interactions()).length;
      const event = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        event_id: 'Ev0123RETRY',
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'app_mention', user: 'UADMIN', text: '<@UBOT> shared <@UAINO> from the events API', channel: 'C1', ts: '1.1' },
      });
      const first = await toSlack('events', event, 'application/json');
      const retry = await toSlack('events', event, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
      expect([first.status, retry.status]).toEqual([200, 200]);
      const logged = (await interactions()).filter((i) => i.note === 'from the events API');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ kind: 'exchanged_information', source: 'slack' });
      expect((await interactions()).length).toBe(before + 1);
      await waitFor(() => slack.calls.some((c) => c.method === 'chat.postEphemeral' && c.body.user === 'UADMIN' && /^Logged: exchanged information/.test(c.body.text)));
      expect(slack.calls.find((c) => c.method === 'chat.postEphemeral')!.authorization).toBe('Bearer xoxb-1111-2222-abcdef');
    });

    it('/solmu alone opens the modal; its submission logs once even when retried', async () => {
      const opened = await toSlack('commands', command('', 'UADMIN', { trigger_id: 'trigger-modal-1' }), FORM);
      expect(opened.status).toBe(200);
      const open = slack.calls.find((c) => c.method === 'views.open' && c.body.trigger_id === 'trigger-modal-1');
      expect(open?.body.view).toMatchObject({ type: 'modal', callback_id: 'solmu_log' });

      const before = (await interactions()).length;
      const submission = (users: string[], date = '2024-05-02') =>
        new URLSearchParams({
          payload: JSON.stringify({
            type: 'view_submission',
            team: { id: 'T1' },
            user: { id: 'UADMIN', team_id: 'T1' },
            view: {
              id: 'V0MODAL1',
              callback_id: 'solmu_log',
              state: {
                values: {
                  kind: { kind: { type: 'static_select', selected_option: { value: 'outlined_goals' } } },
                  participants: { participants: { type: 'multi_users_select', selected_users: users } },
                  date: { date: { type: 'datepicker', selected_date: date } },
                  note: { note: { type: 'plain_text_input', value: 'from the modal' } },
                },
              },
            },
          }),
        }).toString();
      const refused = await toSlack('interactivity', submission(['UNOBODY']), FORM);
      expect(refused.body).toEqual({ response_action: 'errors', errors: { participants: expect.stringContaining('UNOBODY is not linked') } });
      const future = await toSlack('interactivity', submission(['UAINO'], '2999-01-01'), FORM);
      expect(future.body).toEqual({ response_action: 'errors', errors: { date: expect.stringContaining('occurredAt: must not be in the future') } });
      const first = await toSlack('interactivity', submission(['UAINO']), FORM);
      const retried = await toSlack('interactivity', submission(['UAINO']), FORM);
      expect([first.body, retried.body]).toEqual([{ response_action: 'clear' }, { response_action: 'clear' }]);
      const logged = (await interactions()).filter((i) => i.note === 'from the modal');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ kind: 'outlined_goals', participants: [admin, aino], source: 'slack' });
      expect((await interactions()).length).toBe(before + 1);
    });

    it('App Home shows a linked member their own tips, and tells others how to link', async () => {
      const opened = (user: string) =>
        toSlack('events', JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: `Ev-home-${user}`, event: { type: 'app_home_opened', user, tab: 'home' } }), 'application/json');
      expect((await opened('UAINO')).status).toBe(200);
      await opened('USTRANGER');
      const published = async (user: string) => {
        await waitFor(() => slack.calls.some((c) => c.method === 'views.publish' && c.body.user_id === user));
        return JSON.stringify(slack.calls.find((c) => c.method === 'views.publish' && c.body.user_id === user)!.body.view);
      };
      // The same tips the API gives about Aino (as the coordinator sees them), or none.
      const tips = (await solmu.request('GET', `/networks/${networkId}/tips`)).body.tips as Array<{ members: string[]; action: { en: string } }>;
      const ainos = tips.filter((tip) => tip.members.includes(aino));
      const home = await published('UAINO');
      if (ainos.length) expect(home).toContain(ainos[0].action.en);
      else expect(home).toContain('No tips for you right now, Aino');
      expect(await published('USTRANGER')).toContain('/solmu link');
    });

    it('form bodies go nowhere else: other routes answer 415', async () => {
      const answer = await solmu.request('POST', '/networks', 'name=Sneaky', { 'content-type': FORM });
      expect(answer.status).toBe(415);
      expect(answer.body.problems).toEqual([{ field: 'content-type', problem: 'must be application/json' }]);
    });
  });

  describe('Microsoft Teams', () => {
    beforeAll(async () => {
      const answer = await solmu.request('POST', `/networks/${networkId}/integrations`, { kind: 'teams', securityToken: TEAMS_TOKEN, name: 'Verkosto-tiimi' });
      expect(answer.status).toBe(201);
      teamsId = answer.body.id;
      expect(answer.body.requestUrls).toEqual({ messages: expect.stringMatching(new RegExp(`/api/integrations/teams/${teamsId}/messages$`)) });
    });

    it('a signed "@Solmu discussed @Aino @Eero yesterday …" logs with source teams and answers in the response', async () => {
      const started = Date.now();
      const answer = await toTeams(
        teamsMessage('<at>Solmu</at> discussed <at>Aino Virtanen</at> <at>Eero</at> yesterday teams-puhelu', [
          { id: '29:1aino', name: 'Aino Virtanen' },
          { id: '29:1eero', name: 'Eero' },
        ]),
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(answer).toEqual({ status: 200, body: { type: 'message', text: expect.stringMatching(/^Logged: discussed — .*Aino, Eero — .* — "teams-puhelu"$/) } });
      const [logged] = (await interactions()).filter((i) => i.note === 'teams-puhelu');
      expect(logged).toMatchObject({ kind: 'discussed', participants: [admin, aino, eero], source: 'teams', loggedBy: `member:${admin}` });
    });

    it('a redelivered message (same activity id) logs once', async () => {
      const message = teamsMessage('<at>Solmu</at> met <at>Aino</at> twice-delivered', [{ id: '29:1aino', name: 'Aino' }], 'msg-fixed-1');
      await toTeams(message);
      await toTeams(message);
      expect((await interactions()).filter((i) => i.note === 'twice-delivered')).toHaveLength(1);
    });

    it('answers a mention of someone unlinked in the API\'s words', async () => {
      const answer = await toTeams(teamsMessage('<at>Solmu</at> met <at>Ghost</at>', [{ id: '29:1ghost', name: 'Ghost' }]));
      expect(answer.body.text).toMatch(/^Nothing was logged:\n• participants\[1\]: 29:1ghost is not linked/);
    });

    it.each([
      ['no Authorization', ''],
      ['a bearer token', 'Bearer solmu_at_whatever'],
      ['an HMAC of another body', `HMAC ${teamsSignature(TEAMS_TOKEN, '{}')}`],
      ['an HMAC with the token not base64-decoded', `HMAC ${require('node:crypto').createHmac('sha256', TEAMS_TOKEN).update('x').digest('base64')}`],
    ])('refuses %s with 401 and logs nothing', async (_case, authorization) => {
      const before = (await interactions()).length;
      const answer = await toTeams(teamsMessage('<at>Solmu</at> met <at>Aino</at> forged', [{ id: '29:1aino', name: 'Aino' }]), authorization || 'none');
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ code: 'invalid_signature', problems: [{ field: 'Authorization' }] });
      expect((await interactions()).length).toBe(before);
    });

    it('refuses a correctly signed message that is older than five minutes (a replay)', async () => {
      const old = { ...teamsMessage('<at>Solmu</at> met <at>Aino</at> replayed', [{ id: '29:1aino', name: 'Aino' }]), timestamp: new Date(Date.now() - 10 * 60 * 1000).toISOString() };
      expect((await toTeams(old)).status).toBe(401);
      expect((await interactions()).filter((i) => i.note === 'replayed')).toHaveLength(0);
    });
  });

  describe('linking from chat and managing integrations', () => {
    it('"/solmu link" gives a one-time link that links the signed-in member who confirms it, once', async () => {
      const answer = await toSlack('commands', command('link', 'UADMINNEW'), FORM);
      const url = /(https?:\/\/\S+\/api(\/integrations\/links\/slack\/\S+))/.exec(answer.body.text)?.[2];
      expect(url).toBeDefined();
      const page = await fetch(`${solmu.url}/api${url}`);
      expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      expect((await solmu.request('GET', `${url}/preview`)).body).toMatchObject({ kind: 'slack', networkId, displayName: 'x' });
      expect((await solmu.requestAs(undefined, 'POST', url!)).status).toBe(401);

      const linked = await solmu.request('POST', url!);
      expect(linked.status).toBe(201);
      expect(linked.body).toMatchObject({ id: admin, externalIds: { slack: 'T1:UADMINNEW', teams: AAD_ADMIN } });
      const again = await solmu.request('POST', url!);
      expect(again).toMatchObject({ status: 409, body: { code: 'link_used' } });
      const logged = await toSlack('commands', command('met <@UAINO> linked-now', 'UADMINNEW'), FORM);
      expect(logged.body.text).toMatch(/^Logged: acquainted/);
    });

    it('"@Solmu link" in Teams links the sender\'s Entra object id and Teams user id', async () => {
      const answer = await toTeams(teamsMessage('<at>Solmu</at> link', []));
      const url = /https?:\/\/\S+\/api(\/integrations\/links\/teams\/\S+)/.exec(answer.body.text)?.[1];
      expect(url).toBeDefined();
      expect((await solmu.request('GET', `${url}/preview`)).body).toMatchObject({ kind: 'teams', displayName: 'Ada Admin' });
      const linked = await solmu.request('POST', url!);
      expect(linked).toMatchObject({ status: 201, body: { id: admin, externalIds: { teams: AAD_ADMIN, teamsUser: '29:1admin' } } });
    });

    it('rotating the secret makes the old one useless; removing the integration refuses everything', async () => {
      const rotated = await solmu.request('POST', `/networks/${networkId}/integrations/${slackId}/rotate`, { signingSecret: 'abcdefabcdefabcdefabcdefabcdef12' });
      expect(rotated).toMatchObject({ status: 200, body: { secretGeneration: 2, hasBotToken: true } });
      expect((await toSlack('commands', command('help'), FORM)).status).toBe(401);
      expect((await toSlack('commands', command('help'), FORM, { secret: 'abcdefabcdefabcdefabcdefabcdef12' })).status).toBe(200);

      // After a restart the secrets are read back from the store: the new one opens, the old one's key is gone.
      solmu = await solmu.restart();
      expect((await toSlack('commands', command('help'), FORM)).status).toBe(401);
      expect((await toSlack('commands', command('help'), FORM, { secret: 'abcdefabcdefabcdefabcdefabcdef12' })).status).toBe(200);
      expect((await toTeams(teamsMessage('<at>Solmu</at> met <at>Aino</at> after-restart', [{ id: '29:1aino', name: 'Aino' }]))).body.text).toMatch(/^Logged: acquainted/);

      expect((await solmu.request('DELETE', `/networks/${networkId}/integrations/${slackId}`)).status).toBe(204);
      expect((await toSlack('commands', command('help'), FORM, { secret: 'abcdefabcdefabcdefabcdefabcdef12' })).status).toBe(401);
      expect((await solmu.request('GET', `/networks/${networkId}/integrations`)).body.map((i: { id: string }) => i.id)).toEqual([teamsId]);
    });
  });
});

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 20));
  }
}
