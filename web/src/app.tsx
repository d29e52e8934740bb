/**
 * The console: who is signed in decides between the sign-in and setup pages and the app; the
 * URL decides the page.
 */
import { useEffect, useState } from 'preact/hooks';
import { authOptions, whoAmI, type AuthOptions, type Me } from './api/auth.js';
import { onUnauthorized } from './api/client.js';
import { ErrorNote } from './components/common.js';
import { Shell } from './components/shell.js';
import { match, navigate, usePlace } from './lib/router.js';
import { SignInPage } from './pages/sign-in.js';
import { SetupPage } from './pages/setup.js';
import { CertificatesPage } from './pages/certificates.js';
import { CertificatePage } from './pages/certificate.js';
import { HomePage } from './pages/home.js';
import { NotFoundPage } from './pages/not-found.js';
import { InvitePage } from './pages/invite.js';
import { MembersPage } from './pages/members.js';
import { ImportPage } from './pages/import.js';
import { NewCertificatePage } from './pages/new-certificate.js';
import { AppPage, AppsPage } from './pages/apps.js';
import { EndpointsPage } from './pages/endpoints.js';
import { NotificationsPage } from './pages/notifications.js';
import { OrganizationSettingsPage, SettingsPage } from './pages/settings.js';
import { ApiKeysPage } from './pages/api-keys.js';
import { AuditPage } from './pages/audit.js';
import { AccountPage } from './pages/account.js';
import { DashboardPage } from './pages/dashboard.js';
import { DeploymentsPage } from './pages/deployments.js';

type Session = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'out'; options: AuthOptions } | { state: 'in'; me: Me };

export function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const place = usePlace();

  const refresh = async () => {
    try {
      const me = await whoAmI();
      if (me) return setSession({ state: 'in', me });
      setSession({ state: 'out', options: await authOptions() });
    } catch (error) {
      setSession({ state: 'error', error });
    }
  };
  useEffect(() => {
    void refresh();
    // A session that ended elsewhere (expired, signed out in another tab): back to sign-in.
    return onUnauthorized(() => void refresh());
  }, []);

  if (session.state === 'loading') return <main class="center" aria-busy="true" />;
  if (session.state === 'error')
    return (
      <main class="center">
        <h1>certkeeper</h1>
        <ErrorNote error={session.error} prefix="The server did not answer" />
      </main>
    );
  // An invitation link works whoever is signed in on this browser: it makes another account.
  if (place.pathname === '/invite') return <InvitePage onDone={refresh} />;
  if (session.state === 'out') {
    const wantsSetup = place.pathname === '/setup' || session.options.setupRequired;
    if (wantsSetup && session.options.setupRequired) return <SetupPage onDone={refresh} />;
    if (place.pathname === '/setup') {
      // Setup is done: sign in instead.
      queueMicrotask(() => navigate('/', { replace: true }));
    }
    return <SignInPage sso={session.options.sso} onDone={refresh} />;
  }

  const me = session.me;
  const signedOut = () => {
    navigate('/', { replace: true });
    void refresh();
  };
  let page;
  let params: Record<string, string> | null;
  let projectId: string | undefined;
  if ((params = match('/projects/:projectId/certificates/new', place.pathname))) {
    projectId = params.projectId;
    page = <NewCertificatePage projectId={params.projectId} me={me} search={place.search} />;
  } else if ((params = match('/projects/:projectId/certificates/:id', place.pathname))) {
    projectId = params.projectId;
    page = <CertificatePage projectId={params.projectId} id={params.id} me={me} />;
  } else if ((params = match('/projects/:projectId/certificates', place.pathname))) {
    projectId = params.projectId;
    page = <CertificatesPage projectId={params.projectId} search={place.search} />;
  } else if ((params = match('/projects/:projectId/members', place.pathname))) {
    projectId = params.projectId;
    page = <MembersPage projectId={params.projectId} me={me} />;
  } else if ((params = match('/projects/:projectId/import', place.pathname))) {
    projectId = params.projectId;
    page = <ImportPage projectId={params.projectId} me={me} />;
  } else if ((params = match('/projects/:projectId/apps/:appId', place.pathname))) {
    projectId = params.projectId;
    page = <AppPage projectId={params.projectId} appId={params.appId} me={me} />;
  } else if ((params = match('/projects/:projectId/apps', place.pathname))) {
    projectId = params.projectId;
    page = <AppsPage projectId={params.projectId} me={me} />;
  } else if ((params = match('/projects/:projectId/endpoints', place.pathname))) {
    projectId = params.projectId;
    page = <EndpointsPage projectId={params.projectId} me={me} />;
  } else if ((params = match('/projects/:projectId/deployments', place.pathname))) {
    projectId = params.projectId;
    page = <DeploymentsPage projectId={params.projectId} me={me} />;
  } else if ((params = match('/projects/:projectId/notifications', place.pathname))) {
    projectId = params.projectId;
    page = <NotificationsPage projectId={params.projectId} me={me} />;
  } else if ((params = match('/projects/:projectId/settings', place.pathname))) {
    projectId = params.projectId;
    page = <SettingsPage projectId={params.projectId} me={me} />;
  } else if ((params = match('/projects/:projectId/api-keys', place.pathname))) {
    projectId = params.projectId;
    page = <ApiKeysPage projectId={params.projectId} me={me} />;
  } else if ((params = match('/projects/:projectId/audit', place.pathname))) {
    projectId = params.projectId;
    page = <AuditPage projectId={params.projectId} search={place.search} />;
  } else if ((params = match('/organizations/:organizationId/settings', place.pathname))) {
    page = <OrganizationSettingsPage organizationId={params.organizationId} me={me} />;
  } else if (place.pathname === '/audit' && me.user.superuser) {
    page = <AuditPage search={place.search} />;
  } else if (place.pathname === '/account') {
    page = <AccountPage me={me} />;
  } else if ((params = match('/projects/:projectId', place.pathname))) {
    projectId = params.projectId;
    page = <DashboardPage projectId={params.projectId} />;
  } else if (place.pathname === '/' || place.pathname === '/setup') {
    page = <HomePage me={me} />;
  } else {
    page = <NotFoundPage />;
  }
  return (
    <Shell me={me} projectId={projectId} onSignedOut={signedOut}>
      {page}
    </Shell>
  );
}
