import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { ErrorSummary, FieldError } from '../../components/problems';
import { useI18n } from '../../i18n/i18n';
import { SecretOnce } from './secret-once';

const SCOPES = ['network:read', 'interactions:write', 'members:write', 'analysis:read'] as const;
type Scope = (typeof SCOPES)[number];
const FIELDS = ['name', 'scopes'] as const;
const NO_PROBLEMS: FormProblems = { byField: {}, general: [] };

interface TokenInfo {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt?: string;
}

/**
 * API tokens for integrations and scripts. The secret is in the create answer only (Solmu keeps
 * its hash), so it is shown once, with a copy button, and never again.
 */
export function TokensSection({ network }: { network: NetworkSummary }) {
  const { t, language } = useI18n();
  const [tokens, setTokens] = useState<TokenInfo[]>([]);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['network:read']);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const path = { networkId: network.id };

  const reload = async () => {
    const { data } = await api.GET('/api/networks/{networkId}/tokens', { params: { path } });
    setTokens((data as unknown as TokenInfo[] | undefined) ?? []);
  };
  useEffect(() => {
    void reload();
  }, [network.id]);

  const create = async (event: Event) => {
    event.preventDefault();
    const { data, error } = await api.POST('/api/networks/{networkId}/tokens', { params: { path }, body: { name, scopes } });
    if (error) return setProblems(formProblems(error, FIELDS));
    setProblems(NO_PROBLEMS);
    setCreated({ name, token: (data as unknown as { token: string }).token });
    setName('');
    await reload();
  };

  const revoke = async (token: TokenInfo) => {
    const { error } = await api.DELETE('/api/networks/{networkId}/tokens/{tokenId}', { params: { path: { ...path, tokenId: token.id } } });
    if (error) return setProblems(formProblems(error, []));
    await reload();
  };

  const toggle = (scope: Scope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const summary = [...FIELDS.flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#token-${field}` }))), ...problems.general.map((text) => ({ text }))];

  return (
    <section class="manage-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('manage.tokens')}</h2>
      <p>{t('manage.tokensIntro')}</p>
      {created && <SecretOnce title={t('manage.tokenCreated', { name: created.name })} once={t('manage.tokenOnce')} value={created.token} onDone={() => setCreated(null)} />}
      <form onSubmit={create} noValidate>
        <ErrorSummary entries={summary} />
        <div class={`field${problems.byField.name ? ' field--error' : ''}`}>
          <label for="token-name">{t('manage.tokenName')}</label>
          <input id="token-name" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-describedby={problems.byField.name ? 'token-name-error' : undefined} />
          <FieldError id="token-name-error" messages={problems.byField.name} />
        </div>
        <fieldset id="token-scopes" class={`field${problems.byField.scopes ? ' field--error' : ''}`} aria-describedby={problems.byField.scopes ? 'token-scopes-error' : undefined}>
          <legend>{t('manage.tokenScopes')}</legend>
          {SCOPES.map((scope) => (
            <label key={scope} class="check">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.currentTarget.checked)} /> <code>{scope}</code> — {t(`scope.${scope}`)}
            </label>
          ))}
          <FieldError id="token-scopes-error" messages={problems.byField.scopes} />
        </fieldset>
        <button type="submit" class="button button--primary">
          {t('manage.tokenCreate')}
        </button>
      </form>
      {tokens.length === 0 ? (
        <p>{t('manage.noTokens')}</p>
      ) : (
        <table class="manage-table">
          <caption>{t('manage.tokenList')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manage.tokenName')}</th>
              <th scope="col">{t('manage.tokenScopes')}</th>
              <th scope="col">{t('manage.created')}</th>
              <th scope="col">{t('manage.lastUsed')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>{token.scopes.join(', ')}</td>
                <td>{date.format(new Date(token.createdAt))}</td>
                <td>{token.lastUsedAt ? date.format(new Date(token.lastUsedAt)) : t('manage.never')}</td>
                <td>
                  <button type="button" class="button button--small" onClick={() => revoke(token)} aria-label={t('manage.revokeNamed', { name: token.name })}>
                    {t('manage.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
