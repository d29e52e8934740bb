/**
 * `/` once signed in: back to the project opened last (or the first one), or, with none yet,
 * what to do first.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api } from '../api/client.js';
import { ErrorNote } from '../components/common.js';
import { lastProjectId, useProjects } from '../lib/projects.js';
import { navigate } from '../lib/router.js';

export function HomePage(props: { me: Me }) {
  const { projects, organizations, reload, loading } = useProjects();
  useEffect(() => {
    if (projects.length === 0) return;
    const last = lastProjectId();
    const target = projects.find((p) => p.id === last) ?? projects[0];
    navigate(`/projects/${encodeURIComponent(target.id)}/certificates`, { replace: true });
  }, [projects]);
  if (loading || projects.length > 0) return null;
  return (
    <section class="page">
      <h1>No project yet</h1>
      {props.me.user.superuser ? (
        <>
          <p>Certificates live in projects, and projects in organizations. Create the first of each:</p>
          <CreateProject organizations={organizations} onCreated={reload} />
        </>
      ) : (
        <p>Your account is not a member of any project yet. Ask an administrator of your organization to add you.</p>
      )}
    </section>
  );
}

function CreateProject(props: { organizations: { id: string; name: string }[]; onCreated: () => void }) {
  const [orgName, setOrgName] = useState('');
  const [orgId, setOrgId] = useState(props.organizations[0]?.id ?? '');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const organizationId = orgId || (await api.post('/api/v1/organizations', { body: { name: orgName.trim() } })).result.id;
      await api.post('/api/v1/projects', { body: { organizationId, name: name.trim() } });
      props.onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack narrow" onSubmit={submit}>
      {props.organizations.length > 0 ? (
        <label>
          Organization
          <select value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
            {props.organizations.map((o) => (
              <option value={o.id} key={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          Organization name
          <input required value={orgName} onInput={(e) => setOrgName(e.currentTarget.value)} placeholder="Acme" />
        </label>
      )}
      <label>
        Project name
        <input required value={name} onInput={(e) => setName(e.currentTarget.value)} placeholder="web" />
      </label>
      {error ? <ErrorNote error={error} /> : null}
      <button type="submit" class="primary" disabled={busy}>
        Create project
      </button>
    </form>
  );
}
