import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { en, type Key } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../router';
import './tips.css';

interface Tip {
  id: string;
  kind: string;
  members: string[];
  evidence: { en: string; fi: string };
  action: { en: string; fi: string };
  whatIf?: { before: Record<string, number>; after: Record<string, number> };
}

type Loaded = { state: 'loading' } | { state: 'forbidden' } | { state: 'failed'; message: string } | { state: 'ready'; tips: Tip[] };

/** Tips for the network (or, for a member, their own): the evidence, what to do, and what it would change. */
export function TipsPage({ network }: { network: NetworkSummary }) {
  const { t, language } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    void api.GET('/api/networks/{networkId}/tips', { params: { path: { networkId: network.id } } as never }).then(({ data, error, response }) => {
      if (!current) return;
      if (response.status === 403) return setLoaded({ state: 'forbidden' });
      if (error) return setLoaded({ state: 'failed', message: formProblems(error, []).general.join(' ') });
      setLoaded({ state: 'ready', tips: (data as unknown as { tips: Tip[] }).tips });
    });
    return () => {
      current = false;
    };
  }, [network.id]);

  const figure = new Intl.NumberFormat(language, { maximumFractionDigits: 3 });
  const signed = new Intl.NumberFormat(language, { maximumFractionDigits: 3, signDisplay: 'exceptZero' });
  // A kind or measure newer than this dictionary shows by its API name rather than breaking the page.
  const named = (key: string, fallback: string) => (key in en ? t(key as Key) : fallback);

  let body;
  if (loaded.state === 'loading') body = <p>{t('common.loading')}</p>;
  else if (loaded.state === 'forbidden') body = <p class="notice">{t('analysis.forbidden')}</p>;
  else if (loaded.state === 'failed')
    body = (
      <p class="field-error" role="alert">
        {t('common.unexpected', { message: loaded.message })}
      </p>
    );
  else if (loaded.tips.length === 0) body = <p>{t('tips.none')}</p>;
  else
    body = (
      <ol class="tip-list">
        {loaded.tips.map((tip, index) => (
          <li key={tip.id} class="tip">
            <h2 id={`tip-${index}`}>{named(`tip.${tip.kind}`, tip.kind)}</h2>
            <h3>{t('tips.evidence')}</h3>
            <p>{tip.evidence[language]}</p>
            <h3>{t('tips.action')}</h3>
            <p class="tip__action">{tip.action[language]}</p>
            {tip.members.length > 0 && (
              // A real link (it opens in a new tab too); a plain click stays in the app.
              <a
                class="tip__show"
                href={`/picture?members=${tip.members.map(encodeURIComponent).join(',')}`}
                aria-label={t('tips.showInPictureNamed', { n: index + 1 })}
                onClick={(event) => {
                  if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                  event.preventDefault();
                  navigate('/picture', `?members=${tip.members.map(encodeURIComponent).join(',')}`);
                }}
              >
                {t('tips.showInPicture')}
              </a>
            )}
            {tip.whatIf && (
              <table class="what-if">
                <caption>{t('tips.whatIf')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('tips.measure')}</th>
                    <th scope="col">{t('tips.before')}</th>
                    <th scope="col">{t('tips.after')}</th>
                    <th scope="col">{t('tips.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.keys(tip.whatIf.before).map((measure) => {
                    const before = tip.whatIf!.before[measure];
                    const after = tip.whatIf!.after[measure];
                    return (
                      <tr key={measure}>
                        <th scope="row">{named(`measure.${measure}`, measure)}</th>
                        <td>{figure.format(before)}</td>
                        <td>{figure.format(after)}</td>
                        <td>{signed.format(after - before)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
    );

  return (
    <section class="wide-page" aria-labelledby="tips-title">
      <h1 id="tips-title">{t('tips.title')}</h1>
      <p class="hint">{t('tips.intro')}</p>
      {body}
    </section>
  );
}
