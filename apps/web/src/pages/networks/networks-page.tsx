import type { NetworkSummary } from '../../api/views';
import { useI18n } from '../../i18n/i18n';
import './networks.css';

/** A person in several networks picks the one they log in; the choice is remembered on this device. */
export function NetworksPage({ networks, current, onChoose }: { networks: NetworkSummary[]; current?: string; onChoose: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="networks-title">
      <h1 id="networks-title">{t('networks.title')}</h1>
      {networks.length === 0 ? (
        <p>{t('networks.none')}</p>
      ) : (
        <ul class="network-list">
          {networks.map((network) => (
            <li key={network.id}>
              <button type="button" class="network-list__item" aria-current={network.id === current ? 'true' : undefined} onClick={() => onChoose(network.id)}>
                <span class="network-list__name">{network.name}</span>
                <span class="network-list__count">{t('networks.members', { count: network.activeMembers })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
