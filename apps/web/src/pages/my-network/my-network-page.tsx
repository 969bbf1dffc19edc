import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems } from '../../api/problems';
import type { Me, NetworkSummary } from '../../api/views';
import { en, type Key } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { KIND_COLOURS } from '../picture/picture-view';
import { egoLayout } from './ego-layout';
import './my-network.css';

interface Tie {
  a: string;
  b: string;
  deepestKind: string;
  strength: number;
  interactions: number;
  last: string;
}

interface Ego {
  member: { id: string; name: string };
  alters: Array<{ id: string; name: string; organisation?: string; tie: Tie }>;
  /** Empty when the network's picture is closed to members. */
  tiesAmongAlters: Tie[];
}

interface Tip {
  id: string;
  kind: string;
  evidence: { en: string; fi: string };
  action: { en: string; fi: string };
}

type Loaded = { state: 'loading' } | { state: 'not-member' } | { state: 'failed'; message: string } | { state: 'ready'; ego: Ego; tips: Tip[] };

const SIZE = 360;

/**
 * The member's own network as in the "draw your own network" exercise of the network-work
 * training: the member in the centre, the closest ties nearest, coloured by their deepest kind;
 * below it the member's own tips. The list of contacts is the picture's text alternative.
 */
export function MyNetworkPage({ network }: { network: NetworkSummary }) {
  const { t, language } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    const path = { networkId: network.id };
    void (async () => {
      const me = await api.GET('/api/networks/{networkId}/me', { params: { path } });
      const memberId = (me.data as Me | undefined)?.memberId;
      if (!current) return;
      if (!memberId) return setLoaded({ state: 'not-member' });
      const [ego, tips] = await Promise.all([
        api.GET('/api/networks/{networkId}/members/{memberId}/ego', { params: { path: { ...path, memberId } } as never }),
        api.GET('/api/networks/{networkId}/tips', { params: { path } as never }),
      ]);
      if (!current) return;
      const error = ego.error ?? tips.error;
      if (error) return setLoaded({ state: 'failed', message: formProblems(error, []).general.join(' ') });
      setLoaded({ state: 'ready', ego: ego.data as unknown as Ego, tips: (tips.data as unknown as { tips: Tip[] }).tips });
    })().catch((cause: unknown) => current && setLoaded({ state: 'failed', message: String(cause) }));
    return () => {
      current = false;
    };
  }, [network.id]);

  // A kind newer than this dictionary shows by its API name rather than breaking the page.
  const named = (key: string, fallback: string) => (key in en ? t(key as Key) : fallback);

  let body;
  if (loaded.state === 'loading') body = <p>{t('common.loading')}</p>;
  else if (loaded.state === 'not-member') body = <p class="notice">{t('myNetwork.notMember')}</p>;
  else if (loaded.state === 'failed')
    body = (
      <p class="field-error" role="alert">
        {t('common.unexpected', { message: loaded.message })}
      </p>
    );
  else {
    const { ego, tips } = loaded;
    const placed = egoLayout(ego.alters.map((alter) => alter.id), SIZE);
    const at = new Map(placed.map((p) => [p.id, p]));
    const centre = SIZE / 2;
    const kindsShown = [...new Set(ego.alters.map((alter) => alter.tie.deepestKind))];
    body = (
      <>
        {ego.alters.length === 0 ? (
          <p>{t('myNetwork.none')}</p>
        ) : (
          <>
            <svg class="ego" viewBox={`0 0 ${SIZE} ${SIZE}`} overflow="visible" role="img" aria-labelledby="ego-caption">
              <title id="ego-caption">{t('myNetwork.pictureLabel', { name: ego.member.name, count: ego.alters.length })}</title>
              {ego.tiesAmongAlters.map((tie) => {
                const a = at.get(tie.a);
                const b = at.get(tie.b);
                return a && b && <line key={`${tie.a}-${tie.b}`} class="ego__among" x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={KIND_COLOURS[tie.deepestKind] ?? '#5f6b73'} />;
              })}
              {ego.alters.map((alter) => {
                const p = at.get(alter.id)!;
                return <line key={alter.id} class="ego__tie" x1={centre} y1={centre} x2={p.x} y2={p.y} stroke={KIND_COLOURS[alter.tie.deepestKind] ?? '#5f6b73'} stroke-width={Math.min(8, 2 + Math.log2(1 + alter.tie.strength))} />;
              })}
              {ego.alters.map((alter) => {
                const p = at.get(alter.id)!;
                // The name goes on the far side of the contact, away from the tie that reaches it.
                const length = Math.hypot(p.x - centre, p.y - centre) || 1;
                const dx = (p.x - centre) / length;
                const dy = (p.y - centre) / length;
                return (
                  <g key={alter.id} class="ego__contact">
                    <circle cx={p.x} cy={p.y} r={9} fill={KIND_COLOURS[alter.tie.deepestKind] ?? '#5f6b73'} />
                    <text x={p.x + dx * 14} y={p.y + dy * 14 + 4 + (dy > 0.5 ? 8 : dy < -0.5 ? -4 : 0)} text-anchor={dx > 0.3 ? 'start' : dx < -0.3 ? 'end' : 'middle'}>
                      {alter.name}
                    </text>
                  </g>
                );
              })}
              <circle class="ego__me" cx={centre} cy={centre} r={16} />
              <text class="ego__me-name" x={centre} y={centre + 32} text-anchor="middle">
                {ego.member.name}
              </text>
            </svg>
            <ul class="legend" aria-label={t('myNetwork.legend')}>
              {kindsShown.map((kind) => (
                <li key={kind}>
                  <svg class="legend__swatch" viewBox="0 0 20 10" aria-hidden="true">
                    <rect width="20" height="10" fill={KIND_COLOURS[kind] ?? '#5f6b73'} />
                  </svg>
                  {named(`kind.${kind}`, kind)}
                </li>
              ))}
            </ul>
            <h2>{t('myNetwork.contacts')}</h2>
            <ol class="contacts">
              {ego.alters.map((alter) => (
                <li key={alter.id} class="contact">
                  <span class="contact__name">{alter.name}</span>
                  {alter.organisation && <span class="contact__organisation"> ({alter.organisation})</span>}
                  <span class="contact__tie">
                    {' — '}
                    {named(`kind.${alter.tie.deepestKind}`, alter.tie.deepestKind)}, {t('myNetwork.interactions', { count: alter.tie.interactions })}
                  </span>
                </li>
              ))}
            </ol>
            {ego.tiesAmongAlters.length === 0 && <p class="hint">{t('myNetwork.noAmong')}</p>}
          </>
        )}
        <h2>{t('myNetwork.tips')}</h2>
        {tips.length === 0 ? (
          <p>{t('tips.none')}</p>
        ) : (
          <ul class="my-tips">
            {tips.map((tip) => (
              <li key={tip.id} class="tip">
                <h3>{named(`tip.${tip.kind}`, tip.kind)}</h3>
                <p>{tip.evidence[language]}</p>
                <p class="tip__action">{tip.action[language]}</p>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby="my-network-title">
      <h1 id="my-network-title">{t('myNetwork.title')}</h1>
      <p class="hint">{t('myNetwork.intro')}</p>
      {body}
    </section>
  );
}
