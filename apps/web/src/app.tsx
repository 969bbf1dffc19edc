import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, forgetRemembered, onSessionEvents, setCsrfToken } from './api/client';
import { formProblems } from './api/problems';
import { rememberSignedIn } from './api/remembered';
import type { Account, Me, NetworkSummary } from './api/views';
import { Layout } from './components/layout';
import { lazyPage } from './components/lazy-page';
import { useI18n } from './i18n/i18n';
import { LogPage } from './pages/log/log-page';
import { MyInteractionsPage } from './pages/my-interactions/my-interactions-page';
import { NetworksPage } from './pages/networks/networks-page';
import { SignInPage } from './pages/sign-in/sign-in-page';
import { LazyPicturePage } from './pages/picture/lazy-picture-page';
import { navigate, useRoute } from './router';

const NETWORK_KEY = 'solmu.network';
const TimelinePage = lazyPage(() => import('./pages/timeline/timeline-page').then((m) => m.TimelinePage));
const MyNetworkPage = lazyPage(() => import('./pages/my-network/my-network-page').then((m) => m.MyNetworkPage));
const TipsPage = lazyPage(() => import('./pages/tips/tips-page').then((m) => m.TipsPage));
const ManagePage = lazyPage(() => import('./pages/manage/manage-page').then((m) => m.ManagePage));
const IntegrationsPage = lazyPage(() => import('./pages/manage/integrations-page').then((m) => m.IntegrationsPage));
const ImportsPage = lazyPage(() => import('./pages/manage/imports-page').then((m) => m.ImportsPage));

/** The token of an invitation link (/invitations/accept?token=…), accepted once the person is signed in. */
const invitationToken = location.pathname === '/invitations/accept' ? new URLSearchParams(location.search).get('token') : null;

type Session = { state: 'loading' } | { state: 'signed-out'; expired: boolean } | { state: 'signed-in'; account: Account; networks: NetworkSummary[] };

/**
 * Who is signed in decides what shows: the sign-in page, the network chooser, or the member's
 * pages. The app holds no rule of its own; the API answers every question.
 */
export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const [networkId, setNetworkId] = useState<string | null>(() => localStorage.getItem(NETWORK_KEY));
  const [waiting, setWaiting] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const pendingInvitation = useRef(invitationToken);
  const [readsAnalysis, setReadsAnalysis] = useState(false);
  const [manages, setManages] = useState(false);

  const signedIn = useCallback(async (account: Account, csrfToken: string | undefined) => {
    setCsrfToken(csrfToken);
    rememberSignedIn(account);
    const joined = pendingInvitation.current ? await acceptInvitation(pendingInvitation.current) : undefined;
    const { data } = await api.GET('/api/networks');
    const networks = (data as NetworkSummary[] | undefined) ?? [];
    if (joined?.networkId) {
      pendingInvitation.current = null;
      localStorage.setItem(NETWORK_KEY, joined.networkId);
      setNetworkId(joined.networkId);
      history.replaceState(null, '', '/');
      setNotice(t('invite.accepted', { network: networks.find((n) => n.id === joined.networkId)?.name ?? '' }));
    } else if (joined?.problem) {
      pendingInvitation.current = null;
      history.replaceState(null, '', '/');
      setNotice(t('invite.failed', { message: joined.problem }));
    }
    setSession({ state: 'signed-in', account, networks });
  }, [t]);

  useEffect(() => {
    onSessionEvents({
      signedOut: () => {
        setCsrfToken(undefined);
        setSession({ state: 'signed-out', expired: true });
      },
      waiting: setWaiting,
    });
    void api.GET('/api/auth/session').then(({ data, response }) => {
      const body = data as { account?: Account; csrfToken?: string } | undefined;
      if (response.ok && body?.account) return signedIn(body.account, body.csrfToken);
      forgetRemembered();
      setSession({ state: 'signed-out', expired: false });
    }, () => setSession({ state: 'signed-out', expired: false }));
    // Only once, at start: a later sign-in comes through the sign-in page's callback.
  }, []);

  const chooseNetwork = (id: string) => {
    localStorage.setItem(NETWORK_KEY, id);
    setNetworkId(id);
    navigate('/');
  };

  const signOut = async () => {
    await api.POST('/api/auth/logout');
    forgetRemembered();
    setCsrfToken(undefined);
    setSession({ state: 'signed-out', expired: false });
  };

  // Shown on every screen while a 429 Too Many Requests, or a 503 with Retry-After, is waited out.
  const busy = waiting > 0 && (
    <p class="banner" role="status">
      {t('common.waiting', { count: waiting })}
    </p>
  );
  const network = session.state === 'signed-in' ? (session.networks.find((n) => n.id === networkId) ?? (session.networks.length === 1 ? session.networks[0] : undefined)) : undefined;
  // Whether this person may read the network's analysis decides if the timeline and tips are offered.
  useEffect(() => {
    setReadsAnalysis(false);
    setManages(false);
    if (!network) return;
    void api.GET('/api/networks/{networkId}/me', { params: { path: { networkId: network.id } } }).then(({ data }) => {
      setReadsAnalysis((data as Me | undefined)?.canReadAnalysis === true);
      setManages((data as Me | undefined)?.canManage === true);
    });
  }, [network?.id]);

  if (session.state === 'loading') return <p class="loading">{t('common.loading')}</p>;
  if (session.state === 'signed-out')
    return (
      <>
        {busy}
        <SignInPage expired={session.expired} invited={pendingInvitation.current !== null} onSignedIn={signedIn} />
      </>
    );

  const page =
    route === '/networks' || !network ? (
      <NetworksPage networks={session.networks} current={network?.id} onChoose={chooseNetwork} />
    ) : route === '/mine' ? (
      <MyInteractionsPage network={network} />
    ) : route === '/timeline' ? (
      <TimelinePage network={network} />
    ) : route === '/tips' ? (
      <TipsPage network={network} />
    ) : route === '/my-network' ? (
      <MyNetworkPage network={network} />
    ) : route === '/picture' ? (
      <LazyPicturePage network={network} />
    ) : route === '/manage' ? (
      <ManagePage network={network} />
    ) : route === '/manage/integrations' ? (
      <IntegrationsPage network={network} />
    ) : route === '/manage/imports' ? (
      <ImportsPage network={network} />
    ) : (
      <LogPage network={network} />
    );
  return (
    <Layout account={session.account} network={network} readsAnalysis={readsAnalysis} manages={manages} networkCount={session.networks.length} route={route} onSignOut={signOut}>
      {busy}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {page}
    </Layout>
  );
}

/** Accepts an invitation as the signed-in person: their account becomes the invited member. */
async function acceptInvitation(token: string): Promise<{ networkId?: string; problem?: string }> {
  const { data, error } = await api.POST('/api/invitations/accept', { body: { token } });
  if (error) return { problem: formProblems(error, []).general.join(' ') };
  return { networkId: (data as unknown as { networkId: string }).networkId };
}
