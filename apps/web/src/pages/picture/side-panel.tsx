import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { NetworkSummary } from '../../api/views';
import type { Key } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { MEASURES, type EgoAnswer, type Picture, type TieHistoryAnswer } from './picture-view';

/** A member or a tie chosen on the canvas or in the tables. */
export type Selection = { member: string } | { tie: [string, string] } | null;

/** A chosen member's measures and own network, closest first, or a chosen tie's history. */
export function SidePanel({ network, picture, at, selection, onSelect }: { network: NetworkSummary; picture: Picture; at: string; selection: NonNullable<Selection>; onSelect: (s: Selection) => void }) {
  const { t, date, number } = useI18n();
  const [ego, setEgo] = useState<EgoAnswer | null>(null);
  const [history, setHistory] = useState<TieHistoryAnswer | null>(null);
  const names = useMemo(() => new Map(picture.nodes.map((n) => [n.id, n.name])), [picture]);
  const heading = useRef<HTMLHeadingElement>(null);
  const key = 'member' in selection ? selection.member : selection.tie.join('|');

  useEffect(() => {
    setEgo(null);
    setHistory(null);
    const path = { networkId: network.id };
    if ('member' in selection)
      void api.GET('/api/networks/{networkId}/members/{memberId}/ego', { params: { path: { ...path, memberId: selection.member }, query: { at } } }).then(({ data }) => setEgo((data as unknown as EgoAnswer) ?? null));
    else void api.GET('/api/networks/{networkId}/ties/{a}/{b}', { params: { path: { ...path, a: selection.tie[0], b: selection.tie[1] } } }).then(({ data }) => setHistory((data as unknown as TieHistoryAnswer) ?? null));
    heading.current?.focus();
  }, [key, at]);

  const member = 'member' in selection ? picture.nodes.find((n) => n.id === selection.member) : undefined;
  return (
    <aside class="side-panel" aria-labelledby="side-panel-title">
      <button type="button" class="side-panel__close" onClick={() => onSelect(null)}>
        {t('picture.close')}
      </button>
      {'member' in selection ? (
        <>
          <h2 id="side-panel-title" tabIndex={-1} ref={heading}>
            {member?.name ?? names.get(selection.member) ?? ''}
          </h2>
          {member ? (
            <>
              <p>{t(`memberType.${member.type}` as Key)}{member.organisation ? ` · ${member.organisation}` : ''}</p>
              <dl class="measures">
                {MEASURES.map((m) => (
                  <div key={m}>
                    <dt>{t(`measure.${m}` as Key)}</dt>
                    <dd>{member.measures[m] === null ? '–' : number(member.measures[m] as number)}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : (
            <p>{t('picture.notYet')}</p>
          )}
          <h3>{t('picture.ego')}</h3>
          {ego && (ego.alters.length === 0 ? <p>{t('picture.noTies')}</p> : (
            <ol class="ego-list">
              {ego.alters.map((alter) => (
                <li key={alter.id}>
                  <button type="button" class="link-button" onClick={() => onSelect({ tie: [selection.member, alter.id] })}>
                    {alter.name}
                  </button>{' '}
                  — {t(`kind.${alter.tie.deepestKind}` as Key)}
                </li>
              ))}
            </ol>
          ))}
        </>
      ) : (
        <>
          <h2 id="side-panel-title" tabIndex={-1} ref={heading}>
            {t('picture.tieTitle', { a: names.get(selection.tie[0]) ?? '?', b: names.get(selection.tie[1]) ?? '?' })}
          </h2>
          {history && (
            <ol class="tie-history">
              {history.interactions.map((i) => (
                <li key={i.id}>
                  {date(i.occurredAt, 'short')}: {t(`kind.${i.kind}` as Key)}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </aside>
  );
}
