#!/usr/bin/env node
/**
 * A real OpenID Provider (panva's `oidc-provider` 9.x) for tests, on 127.0.0.1 at a random port.
 * The first line on stdout is the issuer URL; everything else goes to stderr.
 *
 * One confidential client (client_secret_post, authorization code flow, PKCE required), given by
 *   --client-id / OIDC_CLIENT_ID, --client-secret / OIDC_CLIENT_SECRET,
 *   --redirect-uri / OIDC_REDIRECT_URIS (repeatable flag, or comma-separated env).
 * --id-token-claims puts email and name into the ID token too (by default oidc-provider, like some
 * real providers, serves them only from UserInfo).
 *
 * Sign-in is non-interactive, so a test can walk the flow with plain `fetch`: the interaction
 * endpoint signs in the user named by `?loginHint=<email>` on the interaction URL (else the
 * authorization request's `login_hint`, else the first user) and grants consent on the next visit.
 *
 * The process exits on SIGTERM/SIGINT and when its stdin closes (the parent died).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const USERS = [
  { sub: 'user-pauliina', email: 'pauliina@example.test', email_verified: true, name: 'Pauliina Pelkonen' },
  { sub: 'user-ulla', email: 'ulla@example.test', email_verified: false, name: 'Ulla Unverified' },
];

const { values: args } = parseArgs({
  options: {
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    'id-token-claims': { type: 'boolean', default: false },
  },
});

const clientId = args['client-id'] ?? process.env.OIDC_CLIENT_ID ?? 'solmu-test';
const clientSecret = args['client-secret'] ?? process.env.OIDC_CLIENT_SECRET;
const redirectUris = args['redirect-uri'] ?? (process.env.OIDC_REDIRECT_URIS ?? '').split(',').filter(Boolean);
if (!clientSecret || redirectUris.length === 0) {
  process.stderr.write('provider.mjs needs --client-secret and at least one --redirect-uri\n');
  process.exit(2);
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', use: 'sig', alg: 'RS256' };

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: !args['id-token-claims'],
  async findAccount(_ctx, sub) {
    const user = USERS.find((u) => u.sub === sub);
    return user && { accountId: sub, claims: async () => ({ ...user }) };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  jwks: { keys: [signingKey] },
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider server_error: ${error.stack ?? error}\n`));

const handleProtocol = provider.callback();

/** The test user to sign in; undefined when the hint names nobody. */
function userFor(hint) {
  if (!hint) return USERS[0];
  return USERS.find((u) => u.email === hint.trim().toLowerCase() || u.sub === hint);
}

async function interact(req, res, url) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    const user = userFor(url.searchParams.get('loginHint') ?? details.params.login_hint);
    if (!user) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown test user');
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
    return;
  }
  if (details.prompt.name === 'consent') {
    const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  res.writeHead(400, { 'content-type': 'text/plain' }).end(`unsupported prompt ${details.prompt.name}`);
}

server.on('request', (req, res) => {
  const url = new URL(req.url ?? '/', issuer);
  if (req.method === 'GET' && /^\/interaction\/[^/]+$/.test(url.pathname)) {
    interact(req, res, url).catch((error) => {
      process.stderr.write(`interaction failed: ${error.stack ?? error}\n`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error.message ?? error));
    });
    return;
  }
  handleProtocol(req, res);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections?.();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();

process.stdout.write(`${issuer}\n`);
