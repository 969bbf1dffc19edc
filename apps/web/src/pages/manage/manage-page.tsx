import type { NetworkSummary } from '../../api/views';
import type { Key } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { navigate, type Route } from '../../router';
import { ExportsSection } from './exports-section';
import { InterventionsSection } from './interventions-section';
import { MembersSection } from './members-section';
import { SettingsSection } from './settings-section';
import { TokensSection } from './tokens-section';
import { WebhooksSection } from './webhooks-section';
import './manage.css';

/** The coordinator's pages of their own, each loaded when first opened. */
const MORE: Array<[Route, Key]> = [
  ['/manage/integrations', 'integrations.title'],
  ['/manage/imports', 'imports.title'],
];

/** The coordinator's page for running the network: members and invitations, API tokens, webhooks, exports, settings, and interventions with their effect. The API checks every right. */
export function ManagePage({ network }: { network: NetworkSummary }) {
  const { t } = useI18n();
  return (
    <div class="manage-page">
      <h1>{t('manage.title')}</h1>
      <nav class="manage-links" aria-label={t('manage.more')}>
        <ul>
          {MORE.map(([to, key]) => (
            <li key={to}>
              <a
                href={to}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(to);
                }}
              >
                {t(key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <MembersSection network={network} />
      <TokensSection network={network} />
      <WebhooksSection network={network} />
      <ExportsSection network={network} />
      <SettingsSection network={network} />
      <InterventionsSection network={network} />
    </div>
  );
}
