import { Component } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Key } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { MEASURES, MEMBER_TYPES, type Measure, type Picture } from './picture-view';

type SortKey = 'name' | Measure;

interface Props {
  date: string;
  picture: Picture;
  picked?: string[];
  onMember: (id: string) => void;
  onTie: (a: string, b: string) => void;
}

/**
 * The tables, re-rendered only when their date, picture or picked members change. The page
 * re-renders at every slider step (and again once the step is drawn), and rebuilding 1,000 rows of
 * nine cells each time took 20 ms of a 75 ms step before the canvas was redrawn (median of
 * `npm run bench -- web --only=slider --profile`). The callbacks are left out of the comparison:
 * the page's only open the side panel, whichever render's closure calls them.
 */
export class PictureTables extends Component<Props> {
  shouldComponentUpdate(next: Props): boolean {
    return next.date !== this.props.date || next.picture !== this.props.picture || next.picked !== this.props.picked;
  }

  render(props: Props) {
    return <Tables {...props} />;
  }
}

/**
 * The members (sortable by any measure, filterable by type) and the ties, as tables: everything the
 * canvas shows, reachable by keyboard and screen reader. A name or a tie opens the side panel.
 */
function Tables({ date: at, picture, picked = [], onMember, onTie }: Props) {
  const { t, number, date } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'degree', descending: true });
  const [type, setType] = useState('');
  // Thousands of ties are listed only when asked for: kept in the page closed, they slowed every slider step.
  const [tiesOpen, setTiesOpen] = useState(false);
  const pickedSet = useMemo(() => new Set(picked), [picked]);
  const names = useMemo(() => new Map(picture.nodes.map((n) => [n.id, n.name])), [picture]);

  const rows = useMemo(() => {
    const chosen = picture.nodes.filter((n) => !type || n.type === type);
    const value = (n: (typeof chosen)[number]) => (sort.key === 'name' ? n.name : n.measures[sort.key] ?? -Infinity);
    return chosen.sort((x, y) => {
      const a = value(x);
      const b = value(y);
      const order = typeof a === 'string' ? a.localeCompare(b as string) : a - (b as number);
      return (sort.descending ? -order : order) || x.name.localeCompare(y.name);
    });
  }, [picture, sort, type]);

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" class="sort-button" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : key !== 'name' })}>
        {label}
      </button>
    </th>
  );

  return (
    <div class="picture-tables" data-date={at}>
      <h2 id="members-title">{t('picture.membersTable')}</h2>
      <div class="picture-tables__filter">
        <label for="type-filter">{t('picture.filterType')}</label>
        <select id="type-filter" value={type} onChange={(e) => setType(e.currentTarget.value)}>
          <option value="">{t('picture.allTypes')}</option>
          {MEMBER_TYPES.map((mt) => (
            <option key={mt} value={mt}>
              {t(`memberType.${mt}` as Key)}
            </option>
          ))}
        </select>
      </div>
      <div class="table-scroll">
        <table class="members-table" aria-labelledby="members-title">
          <thead>
            <tr>
              {header('name', t('picture.name'))}
              <th scope="col">{t('picture.type')}</th>
              {MEASURES.map((m) => header(m, t(`measure.${m}` as Key)))}
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id} class={pickedSet.has(n.id) ? 'members-table__picked' : undefined}>
                <th scope="row">
                  <button type="button" class="link-button" onClick={() => onMember(n.id)}>
                    {n.name}
                  </button>
                  {pickedSet.has(n.id) && <span class="picked-mark"> {t('picture.pickedRow')}</span>}
                </th>
                <td>{t(`memberType.${n.type}` as Key)}</td>
                {MEASURES.map((m) => (
                  <td key={m} class="number">
                    {n.measures[m] === null ? '–' : number(Math.round((n.measures[m] as number) * 1000) / 1000)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="ties-list" onToggle={(e) => setTiesOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('picture.tiesTable', { count: picture.ties.length })}</summary>
        {tiesOpen && <ul>
          {picture.ties.map((tie) => (
            <li key={`${tie.a}|${tie.b}`}>
              <button type="button" class="link-button" onClick={() => onTie(tie.a, tie.b)}>
                {t('picture.tieTitle', { a: names.get(tie.a) ?? '?', b: names.get(tie.b) ?? '?' })}
              </button>{' '}
              — {t(`kind.${tie.deepestKind}` as Key)}, {t('picture.since', { date: date(tie.first, 'short') })}
            </li>
          ))}
        </ul>}
      </details>
    </div>
  );
}
