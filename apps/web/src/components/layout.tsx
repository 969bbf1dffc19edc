import type { ComponentChildren } from 'preact';
import type { Account, NetworkSummary } from '../api/views';
import { useI18n } from '../i18n/i18n';
import { navigate, type Route } from '../router';
import { LanguageSwitch } from './language-switch';
import './layout.css';

interface Props {
  account: Account;
  network?: NetworkSummary;
  networkCount: number;
  /** May read the network's analysis: the timeline and tips are offered. */
  readsAnalysis?: boolean;
  /** Coordinates the network (/me's canManage): the Manage page is offered. */
  manages?: boolean;
  route: Route;
  onSignOut: () => void;
  children: ComponentChildren;
}

/** Header (network, language, sign out), the member's navigation, and the page. */
export function Layout({ account, network, networkCount, readsAnalysis, manages, route, onSignOut, children }: Props) {
  const { t } = useI18n();
  const link = (to: Route, label: string) => (
    <a
      href={to}
      aria-current={route === to ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="top-bar">
        <div class="top-bar__brand">
          <span class="top-bar__name">{t('app.name')}</span>
          {network && <span class="top-bar__network">{network.name}</span>}
        </div>
        <div class="top-bar__actions">
          <LanguageSwitch />
          <button type="button" class="link-button" onClick={onSignOut} title={account.email}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      {network && (
        <nav class="tabs" aria-label={t('nav.main')}>
          {link('/', t('nav.log'))}
          {link('/mine', t('nav.mine'))}
          {link('/my-network', t('nav.myNetwork'))}
          {readsAnalysis && link('/timeline', t('nav.timeline'))}
          {readsAnalysis && link('/tips', t('nav.tips'))}
          {readsAnalysis && link('/picture', t('nav.picture'))}
          {networkCount > 1 && link('/networks', t('nav.networks'))}
          {manages && link('/manage', t('nav.manage'))}
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
