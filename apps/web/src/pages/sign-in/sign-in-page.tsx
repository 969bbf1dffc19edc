import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/problems';
import type { Account, SignInMethods } from '../../api/views';
import { LanguageSwitch } from '../../components/language-switch';
import { ErrorSummary, FieldError } from '../../components/problems';
import { useI18n } from '../../i18n/i18n';
import './sign-in.css';

const FIELDS = ['email', 'password'] as const;

/** Email and password, or the organisation's single sign-on when Solmu has one configured. */
export function SignInPage({ expired, invited, onSignedIn }: { expired: boolean; invited: boolean; onSignedIn: (account: Account, csrfToken: string) => Promise<void> }) {
  const { t } = useI18n();
  const [methods, setMethods] = useState<SignInMethods>({ password: true, oidc: null });
  const [setupRequired, setSetupRequired] = useState(false);
  const [problems, setProblems] = useState<FormProblems>({ byField: {}, general: [] });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.GET('/api/auth/methods').then(({ data }) => data && setMethods(data as SignInMethods));
    void api.GET('/api/setup').then(({ data }) => setSetupRequired(Boolean((data as { setupRequired?: boolean } | undefined)?.setupRequired)));
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    try {
      const { data, error } = await api.POST('/api/auth/login', { body: { email: String(form.get('email')), password: String(form.get('password')) } });
      if (error) return setProblems(formProblems(error, FIELDS));
      const body = data as unknown as { account: Account; csrfToken: string };
      await onSignedIn(body.account, body.csrfToken);
    } catch {
      setProblems({ byField: {}, general: [t('common.offline')] });
    } finally {
      setBusy(false);
    }
  };

  const summary = [...FIELDS.flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#${field}` }))), ...problems.general.map((text) => ({ text }))];
  return (
    <main id="main" class="sign-in">
      <div class="sign-in__top">
        <LanguageSwitch />
      </div>
      <h1 class="sign-in__brand">{t('app.name')}</h1>
      <h2>{t('signIn.title')}</h2>
      {expired && <p class="notice" role="status">{t('signIn.expired')}</p>}
      {invited && <p class="notice">{t('invite.signIn')}</p>}
      {setupRequired && <p class="notice">{t('signIn.setup')}</p>}
      <ErrorSummary entries={summary} />
      <form onSubmit={submit} noValidate>
        <div class={`field${problems.byField.email ? ' field--error' : ''}`}>
          <label for="email">{t('signIn.email')}</label>
          <FieldError id="email-error" messages={problems.byField.email} />
          <input id="email" name="email" type="email" autocomplete="username" required aria-describedby={problems.byField.email ? 'email-error' : undefined} aria-invalid={problems.byField.email ? true : undefined} />
        </div>
        <div class={`field${problems.byField.password ? ' field--error' : ''}`}>
          <label for="password">{t('signIn.password')}</label>
          <FieldError id="password-error" messages={problems.byField.password} />
          <input id="password" name="password" type="password" autocomplete="current-password" required aria-describedby={problems.byField.password ? 'password-error' : undefined} aria-invalid={problems.byField.password ? true : undefined} />
        </div>
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      {methods.oidc && (
        <>
          <p class="sign-in__or">{t('signIn.or')}</p>
          <a class="button button--secondary" href={`${methods.oidc.loginPath}?returnTo=${encodeURIComponent(location.pathname + location.search)}`}>
            {t('signIn.oidc', { provider: methods.oidc.provider })}
          </a>
        </>
      )}
    </main>
  );
}
