/**
 * A project's members (admins): who may do what, people invited and not yet signed up, adding
 * someone by email (an invitation link when they have no account yet), changing a role,
 * removing someone.
 */
import { useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, type ResultOf } from '../api/client.js';
import { CopyButton, Dialog, ErrorNote, When } from '../components/common.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { atLeast, roleIn, type Role } from '../lib/roles.js';

type Member = ResultOf<'get', '/api/v1/projects/{projectId}/members'>[number];
const ROLES: [Role, string][] = [
  ['viewer', 'Viewer: reads everything'],
  ['editor', 'Editor: imports, changes, renews'],
  ['admin', 'Admin: also members, keys, exports'],
];
const ROLE_WORDS: Record<string, string> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin' };

export function MembersPage(props: { projectId: string; me: Me }) {
  const { projectId } = props;
  const project = useProjects().projects.find((p) => p.id === projectId);
  useTitle('Members', project?.name);
  const role = roleIn(props.me.memberships, props.me.user.superuser, project?.organizationId, projectId);
  const path = { projectId };
  const list = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/members', { path })).result, [projectId]);
  const [error, setError] = useState<unknown>();
  const [removing, setRemoving] = useState<Member | undefined>();

  if (!atLeast(role, 'admin') && project)
    return (
      <section class="page">
        <h1>Members</h1>
        <p>Only an admin of this project sees and changes its members.</p>
      </section>
    );

  const change = async (run: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await run();
    } catch (err) {
      setError(err);
    } finally {
      list.reload();
    }
  };

  return (
    <section class="page">
      <div class="page-head">
        <h1>Members</h1>
        <p class="muted">{project ? `${project.name} · ` : ''}people who sign in to this project, and their role</p>
      </div>
      <AddMember projectId={projectId} onAdded={list.reload} />
      {error ? <ErrorNote error={error} /> : null}
      {list.error ? <ErrorNote error={list.error} prefix="The members could not be listed" /> : null}
      {list.data ? (
        list.data.length === 0 ? (
          <p class="empty">No one is a member of this project yet (organization-wide members and superusers do not show here). Add someone above.</p>
        ) : (
          <table class="grid compact">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Account</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((m) => (
                <tr key={m.userId}>
                  <td class="breakable">{m.email}</td>
                  <td>
                    <select
                      aria-label={`Role of ${m.email}`}
                      value={m.role}
                      onChange={(e) => {
                        const next = e.currentTarget.value as Role;
                        void change(() => api.patch('/api/v1/projects/{projectId}/members/{userId}', { path: { projectId, userId: m.userId }, body: { role: next } }));
                      }}
                    >
                      {ROLES.map(([r]) => (
                        <option value={r} key={r}>
                          {ROLE_WORDS[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{m.pending ? <span class="tag">invited</span> : 'active'}</td>
                  <td>
                    <When at={m.createdAt} />
                  </td>
                  <td>
                    <button type="button" class="small danger" onClick={() => setRemoving(m)} aria-label={`Remove ${m.email}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {removing ? (
        <Dialog title="Remove this member?" onClose={() => setRemoving(undefined)}>
          <p>
            <strong class="breakable">{removing.email}</strong> loses their role in this project at once. Their account stays.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setRemoving(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                const m = removing;
                setRemoving(undefined);
                void change(() => api.delete('/api/v1/projects/{projectId}/members/{userId}', { path: { projectId, userId: m.userId } }));
              }}
            >
              Remove member
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function AddMember(props: { projectId: string; onAdded: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [invitation, setInvitation] = useState<{ email: string; link: string; expiresAt: string } | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setInvitation(undefined);
    try {
      const res = (await api.post('/api/v1/projects/{projectId}/members', { path: { projectId: props.projectId }, body: { email: email.trim(), role } })).result;
      if (res.invitation) setInvitation({ email: res.member.email, link: new URL(res.invitation.link, location.origin).toString(), expiresAt: res.invitation.expiresAt });
      setEmail('');
      props.onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <form class="filters" onSubmit={submit} aria-label="Add a member">
        <label class="grow">
          Email
          <input type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} autoComplete="off" />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map(([r, words]) => (
              <option value={r} key={r}>
                {words}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Add member
        </button>
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {invitation ? (
        <div class="notice" role="status">
          <p>
            <strong class="breakable">{invitation.email}</strong> has no account yet. Send them this link (shown once, it works until <When at={invitation.expiresAt} />
            ):
          </p>
          <p class="mono breakable">
            {invitation.link} <CopyButton value={invitation.link} label="the invitation link" />
          </p>
        </div>
      ) : null}
    </>
  );
}
