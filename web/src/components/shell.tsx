/**
 * The frame of every signed-in page: the product, the organization/project switcher always at
 * hand, the project's navigation, and who is signed in with the way out.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { signOut, type Me } from '../api/auth.js';
import { navigate } from '../lib/router.js';
import { loadProjects, ProjectsContext, rememberProject, type Projects } from '../lib/projects.js';
import { useLoad } from '../lib/load.js';
import { atLeast, roleIn } from '../lib/roles.js';
import { ErrorNote, Link } from './common.js';

export function Shell(props: { me: Me; projectId: string | undefined; onSignedOut: () => void; children: ComponentChildren }) {
  const loaded = useLoad(loadProjects, []);
  const [leaving, setLeaving] = useState(false);
  const projects: Projects = { organizations: loaded.data?.organizations ?? [], projects: loaded.data?.projects ?? [], loading: loaded.data === undefined && !loaded.error, reload: loaded.reload };
  const { projectId } = props;

  useEffect(() => {
    if (projectId && projects.projects.some((p) => p.id === projectId)) rememberProject(projectId);
  }, [projectId, loaded.data]);

  // A new page takes the focus, as a page load would: a screen reader starts there, Tab goes on from it.
  const section = typeof location !== 'undefined' ? location.pathname : '';
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [section]);

  const doSignOut = async () => {
    setLeaving(true);
    try {
      await signOut();
    } finally {
      props.onSignedOut();
    }
  };

  const onSwitch = (e: Event) => {
    const id = (e.currentTarget as HTMLSelectElement).value;
    if (id) navigate(`/projects/${encodeURIComponent(id)}/certificates`);
  };

  const orgName = (id: string) => projects.organizations.find((o) => o.id === id)?.name ?? 'Organization';
  const byOrg = new Map<string, typeof projects.projects>();
  for (const p of projects.projects) byOrg.set(p.organizationId, [...(byOrg.get(p.organizationId) ?? []), p]);
  const current = projects.projects.find((p) => p.id === projectId);
  const admin = projectId !== undefined && atLeast(roleIn(props.me.memberships, props.me.user.superuser, current?.organizationId, projectId), 'admin');
  const editor = projectId !== undefined && atLeast(roleIn(props.me.memberships, props.me.user.superuser, current?.organizationId, projectId), 'editor');
  const base = projectId ? `/projects/${encodeURIComponent(projectId)}` : undefined;

  return (
    <ProjectsContext.Provider value={projects}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <Link href="/" class="brand">
          <span class="logo" aria-hidden="true">
            ✓
          </span>
          certkeeper
        </Link>
        <label class="switcher">
          <span class="visually-hidden">Project</span>
          <select onChange={onSwitch} value={current?.id ?? ''} aria-label="Project">
            {!current ? <option value="">{loaded.loading ? 'Loading projects…' : 'Choose a project'}</option> : null}
            {[...byOrg.entries()].map(([orgId, list]) => (
              <optgroup label={orgName(orgId)} key={orgId}>
                {list.map((p) => (
                  <option value={p.id} key={p.id}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {base ? (
          <nav aria-label="Project" class="nav">
            <Link href={base} aria-current={section === base ? 'page' : undefined}>
              Dashboard
            </Link>
            <Link href={`${base}/certificates`} aria-current={section.startsWith(`${base}/certificates`) && section !== `${base}/certificates/new` ? 'page' : undefined}>
              Certificates
            </Link>
            {editor ? (
              <Link href={`${base}/import`} aria-current={section === `${base}/import` ? 'page' : undefined}>
                Import
              </Link>
            ) : null}
            {editor ? (
              <Link href={`${base}/certificates/new`} aria-current={section === `${base}/certificates/new` ? 'page' : undefined}>
                New certificate
              </Link>
            ) : null}
            <Link href={`${base}/apps`} aria-current={section.startsWith(`${base}/apps`) ? 'page' : undefined}>
              Apps
            </Link>
            <Link href={`${base}/endpoints`} aria-current={section === `${base}/endpoints` ? 'page' : undefined}>
              Endpoints
            </Link>
            <Link href={`${base}/deployments`} aria-current={section === `${base}/deployments` ? 'page' : undefined}>
              Deployments
            </Link>
            {admin ? (
              <Link href={`${base}/members`} aria-current={section === `${base}/members` ? 'page' : undefined}>
                Members
              </Link>
            ) : null}
            <Link href={`${base}/notifications`} aria-current={section === `${base}/notifications` ? 'page' : undefined}>
              Notifications
            </Link>
            <Link href={`${base}/audit`} aria-current={section === `${base}/audit` ? 'page' : undefined}>
              Audit log
            </Link>
            {admin ? (
              <Link href={`${base}/api-keys`} aria-current={section === `${base}/api-keys` ? 'page' : undefined}>
                API keys
              </Link>
            ) : null}
            <Link href={`${base}/settings`} aria-current={section === `${base}/settings` ? 'page' : undefined}>
              Settings
            </Link>
          </nav>
        ) : (
          <span class="nav" />
        )}
        <div class="who">
          <span class="email" title={props.me.user.email}>
            {props.me.user.email}
            {props.me.user.superuser ? <span class="tag">superuser</span> : null}
          </span>
          {props.me.user.superuser ? (
            <Link href="/audit" class="quiet-link" aria-current={section === '/audit' ? 'page' : undefined}>
              Deployment audit
            </Link>
          ) : null}
          <Link href="/account" class="quiet-link" aria-current={section === '/account' ? 'page' : undefined}>
            Account
          </Link>
          <button type="button" class="quiet" onClick={doSignOut} disabled={leaving}>
            Sign out
          </button>
        </div>
      </header>
      {loaded.error ? <ErrorNote error={loaded.error} prefix="Projects could not be listed" /> : null}
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </ProjectsContext.Provider>
  );
}
