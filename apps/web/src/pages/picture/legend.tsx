import type { Key } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { KINDS } from '../log/vocabulary';
import { MEMBER_TYPES } from './picture-view';

/** What the colours mean, as text a screen reader reads too. */
export function Legend() {
  const { t } = useI18n();
  return (
    <div class="legend">
      <h2 id="legend-types">{t('picture.legendTypes')}</h2>
      <ul aria-labelledby="legend-types">
        {MEMBER_TYPES.map((type) => (
          <li key={type}>
            <span class={`swatch swatch--dot swatch--type-${type}`} aria-hidden="true" />
            {t(`memberType.${type}` as Key)}
          </li>
        ))}
      </ul>
      <h2 id="legend-kinds">{t('picture.legendKinds')}</h2>
      <ul aria-labelledby="legend-kinds">
        {KINDS.map((kind) => (
          <li key={kind}>
            <span class={`swatch swatch--line swatch--kind-${kind}`} aria-hidden="true" />
            {t(`kind.${kind}` as Key)}
          </li>
        ))}
      </ul>
    </div>
  );
}
