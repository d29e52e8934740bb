/**
 * A project's API keys (admins): the keys with their role and prefix, a new key shown once with
 * a copy button, revoking one after a confirmation.
 */
import { useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, type ResultOf } from '../api/client.js';
import { CopyButton, Dialog, ErrorNote, When } from '../components/common.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { atLeast, roleIn, type Role } from '../lib/roles.js';

type ApiKey = ResultOf<'get', '/api/v1/projects/{projectId}/api-keys'>[number];
const ROLES: [Role, string][] = [
  ['viewer', 'Viewer: reads'],
  ['editor', 'Editor: imports, changes, renews'],
  ['admin', 'Admin: also keys, members, exports'],
];

export function ApiKeysPage(props: { projectId: string; me: Me }) {
  const { projectId } = props;
  const project = useProjects().projects.find((p) => p.id === projectId);
  useTitle('API keys', project?.name);
  const role = roleIn(props.me.memberships, props.me.user.superuser, project?.organizationId, projectId);
  const admin = atLeast(role, 'admin');
  const list = useLoad(async () => (admin ? (await api.get('/api/v1/projects/{projectId}/api-keys', { path: { projectId } })).result : []), [projectId, admin]);
  const [revoking, setRevoking] = useState<ApiKey | undefined>();
  const [error, setError] = useState<unknown>();

  if (!admin)
    return (
      <section class="page">
        <h1>API keys</h1>
        <p>Only an admin of this project sees and manages its API keys.</p>
      </section>
    );

  const revoke = async (k: ApiKey) => {
    setRevoking(undefined);
    setError(undefined);
    try {
      await api.delete('/api/v1/projects/{projectId}/api-keys/{keyId}', { path: { projectId, keyId: k.id } });
    } catch (err) {
      setError(err);
    } finally {
      list.reload();
    }
  };

  return (
    <section class="page">
      <div class="page-head">
        <h1>API keys</h1>
        <p class="muted">{project ? `${project.name} · ` : ''}keys for scripts and other programs; each acts with its role in this project</p>
      </div>
      <NewKey projectId={projectId} onCreated={list.reload} />
      {error ? <ErrorNote error={error} /> : null}
      {list.error ? <ErrorNote error={list.error} prefix="The keys could not be listed" /> : null}
      {list.data ? (
        list.data.length === 0 ? (
          <p class="empty">This project has no API key yet.</p>
        ) : (
          <table class="grid compact">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((k) => (
                <tr key={k.id}>
                  <td class="breakable">{k.name}</td>
                  <td>{k.role}</td>
                  <td class="mono">{k.prefix}…</td>
                  <td>
                    <When at={k.createdAt} />
                  </td>
                  <td>{k.revokedAt ? <span class="tag">revoked</span> : 'active'}</td>
                  <td>
                    {k.revokedAt ? null : (
                      <button type="button" class="small danger" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {revoking ? (
        <Dialog title="Revoke this API key?" onClose={() => setRevoking(undefined)}>
          <p>
            Programs using <strong class="breakable">{revoking.name}</strong> ({revoking.prefix}…) are refused from now on. This cannot be undone.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setRevoking(undefined)}>
              Cancel
            </button>
            <button type="button" class="danger" onClick={() => void revoke(revoking)}>
              Revoke key
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function NewKey(props: { projectId: string; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [made, setMade] = useState<{ name: string; key: string } | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setMade(undefined);
    try {
      const res = (await api.post('/api/v1/projects/{projectId}/api-keys', { path: { projectId: props.projectId }, body: { name: name.trim(), role } })).result;
      setMade({ name: res.name, key: res.key });
      setName('');
      props.onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <form class="filters" onSubmit={submit} aria-label="Create an API key">
        <label class="grow">
          Key name
          <input required maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} autoComplete="off" placeholder="ci, backup script…" />
        </label>
        <label>
          Key role
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map(([r, words]) => (
              <option value={r} key={r}>
                {words}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Create key
        </button>
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {made ? (
        <div class="notice" role="status">
          <p>
            <strong>Copy the key of {made.name} now: you will not see it again.</strong> Only its hash is stored.
          </p>
          <p class="mono breakable">
            <span data-testid="new-key">{made.key}</span> <CopyButton value={made.key} label="the new API key" />
          </p>
          <button type="button" class="small" onClick={() => setMade(undefined)}>
            I have copied it
          </button>
        </div>
      ) : null}
    </>
  );
}
