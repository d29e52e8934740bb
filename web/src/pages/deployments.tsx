/**
 * A project's deployment targets and deployments: where certificates are written and whether
 * each one got there. Admins add and delete targets and unbind deployments; editors deploy
 * again now; viewers read. An agent target's key is shown once, at creation and when renewed.
 */
import { useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, type ResultOf } from '../api/client.js';
import type { paths } from '../api/schema';
import { CopyButton, Dialog, ErrorNote, Link, useAction, When } from '../components/common.js';
import { DeploymentStatus, failedOutcome } from '../components/certificate-deployments.js';
import { Refusal } from '../components/refusal.js';
import { agentCommand, secretWords, shortFingerprint, TARGET_TYPES, targetInput, targetWhere, type TargetFields, type TargetType } from '../lib/deploy-words.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { atLeast } from '../lib/roles.js';
import { useRole } from '../lib/use-role.js';

type Target = ResultOf<'get', '/api/v1/projects/{projectId}/deployment-targets'>[number];
type Deployment = ResultOf<'get', '/api/v1/projects/{projectId}/deployments'>[number];
/** The form checks each type's required fields (lib/deploy-words.ts); the server checks the rest. */
type TargetBody = paths['/api/v1/projects/{projectId}/deployment-targets']['post']['requestBody']['content']['application/json'];

export function DeploymentsPage(props: { projectId: string; me: Me }) {
  const { projectId } = props;
  const project = useProjects().projects.find((p) => p.id === projectId);
  useTitle('Deployments', project?.name);
  const role = useRole(props.me, projectId);
  const admin = atLeast(role, 'admin');
  const editor = atLeast(role, 'editor');
  const targets = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/deployment-targets', { path: { projectId } })).result, [projectId]);
  const deployments = useLoad(async () => {
    const list = (await api.get('/api/v1/projects/{projectId}/deployments', { path: { projectId }, query: { pageSize: 100 } })).result;
    // The certificates' names, for the links: one read per certificate deployed.
    const ids = [...new Set(list.map((d) => d.certificateId))];
    const names = new Map<number, string>();
    await Promise.all(
      ids.map(async (id) => {
        const c = await api.get('/api/v1/projects/{projectId}/certificates/{id}', { path: { projectId, id } }).catch(() => undefined);
        if (c) names.set(id, c.result.domainNameUnicode || c.result.subject || `#${id}`);
      }),
    );
    return { list, names };
  }, [projectId]);
  const [deleting, setDeleting] = useState<Target | undefined>();
  const [unbinding, setUnbinding] = useState<Deployment | undefined>();
  const [rotating, setRotating] = useState<Target | undefined>();
  const [rotated, setRotated] = useState<{ name: string; key: string } | undefined>();

  const { busy, error, note, act, clear } = useAction(() => {
    targets.reload();
    deployments.reload();
  });
  const targetName = (id: number) => targets.data?.find((t) => t.id === id)?.name ?? `#${id}`;
  const certName = (id: number) => deployments.data?.names.get(id) ?? `Certificate #${id}`;

  return (
    <section class="page wide">
      <div class="page-head">
        <h1>Deployments</h1>
        <p class="muted">{project ? `${project.name} · ` : ''}where certificates are written, and whether each new version got there</p>
      </div>
      <div aria-live="polite">
        {note ? <p class="ok-note">{note}</p> : null}
        {error ? <Refusal error={error} /> : null}
      </div>

      <section class="section" aria-labelledby="s-targets">
        <h2 id="s-targets">Targets</h2>
        {admin ? <NewTarget projectId={projectId} onCreated={() => (targets.reload(), clear())} /> : null}
        {rotated ? <AgentKey name={rotated.name} agentKey={rotated.key} onDone={() => setRotated(undefined)} /> : null}
        {targets.error ? <ErrorNote error={targets.error} prefix="The targets could not be listed" /> : null}
        {targets.data && targets.data.length === 0 ? <p class="empty">No deployment target yet.{admin ? ' Add one above.' : ''}</p> : null}
        {targets.data && targets.data.length > 0 ? (
          <div class="table-wrap">
            <table class="grid">
              <caption class="visually-hidden">Deployment targets</caption>
              <thead>
                <tr>
                  <th scope="col">Target</th>
                  <th scope="col">Type</th>
                  <th scope="col">Where</th>
                  <th scope="col">Secrets</th>
                  {admin ? (
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {targets.data.map((t) => (
                  <tr key={t.id}>
                    <td class="breakable">{t.name}</td>
                    <td>{t.type}</td>
                    <td class={t.type === 'agent' ? undefined : 'mono breakable'}>
                      {targetWhere(t.type, t.config)}
                      {t.type === 'local' && typeof t.config.reloadHook === 'string' ? <span class="muted"> · reload hook {t.config.reloadHook}</span> : null}
                      {t.type === 'ssh' && typeof t.config.reloadCommand === 'string' ? <span class="muted"> · then {t.config.reloadCommand}</span> : null}
                    </td>
                    <td>{t.secretFields.length ? secretWords(t.secretFields).join(', ') : <span class="muted">none</span>}</td>
                    {admin ? (
                      <td class="nowrap">
                        {t.type === 'agent' ? (
                          <>
                            <button type="button" class="small" disabled={busy !== undefined} onClick={() => setRotating(t)} aria-label={`New key for ${t.name}`}>
                              New key
                            </button>{' '}
                          </>
                        ) : null}
                        <button type="button" class="small danger" disabled={busy !== undefined} onClick={() => setDeleting(t)} aria-label={`Delete target ${t.name}`}>
                          Delete
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section class="section" aria-labelledby="s-deployments">
        <h2 id="s-deployments">Deployments</h2>
        {deployments.error ? <ErrorNote error={deployments.error} prefix="The deployments could not be listed" /> : null}
        {deployments.data && deployments.data.list.length === 0 ? <p class="empty">No certificate is deployed yet.{admin ? ' Bind one to a target from its page (Deploy to).' : ''}</p> : null}
        {deployments.data && deployments.data.list.length > 0 ? (
          <div class="table-wrap">
            <table class="grid">
              <caption class="visually-hidden">Deployments</caption>
              <thead>
                <tr>
                  <th scope="col">Certificate</th>
                  <th scope="col">Target</th>
                  <th scope="col">Status</th>
                  <th scope="col">Deployed</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Verified</th>
                  {editor ? (
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {deployments.data.list.map((d) => {
                  const label = `${certName(d.certificateId)} on ${targetName(d.targetId)}`;
                  return (
                    <tr key={d.id} data-status={d.status}>
                      <td class="breakable">
                        <Link href={`/projects/${encodeURIComponent(projectId)}/certificates/${d.certificateId}`}>{certName(d.certificateId)}</Link>
                        <span class="muted"> · folder {d.name}</span>
                      </td>
                      <td class="breakable">{targetName(d.targetId)}</td>
                      <td>
                        <DeploymentStatus status={d.status} />
                      </td>
                      <td>
                        {d.fingerprintSha256 ? (
                          <span class="mono" title={d.fingerprintSha256}>
                            {shortFingerprint(d.fingerprintSha256)}
                          </span>
                        ) : (
                          <span class="muted">nothing yet</span>
                        )}
                        {d.deployedAt ? (
                          <div>
                            <When at={d.deployedAt} />
                          </div>
                        ) : null}
                      </td>
                      <td>{d.attempts}</td>
                      <td class="breakable">
                        {d.lastError ? (
                          <>
                            {d.lastError.message} <span class="muted">({d.lastError.code})</span>
                            {d.nextAttemptAt ? (
                              <div class="muted">
                                next attempt <When at={d.nextAttemptAt} />
                              </div>
                            ) : null}
                          </>
                        ) : (
                          <span class="muted">none</span>
                        )}
                      </td>
                      <td>
                        <When at={d.verifiedAt} empty={d.endpointIds.length ? 'not yet' : 'no endpoint named'} />
                      </td>
                      {editor ? (
                        <td class="nowrap">
                          <button type="button" class="small" disabled={busy !== undefined} onClick={() => act(`d${d.id}`, `Deployed ${label} again.`, async () => failedOutcome((await api.post('/api/v1/projects/{projectId}/deployments/{deploymentId}/deploy', { path: { projectId, deploymentId: d.id } })).result, label))} aria-label={`Deploy now: ${label}`}>
                            {busy === `d${d.id}` ? 'Deploying…' : 'Deploy now'}
                          </button>{' '}
                          {admin ? (
                            <button type="button" class="small danger" disabled={busy !== undefined} onClick={() => setUnbinding(d)} aria-label={`Unbind ${label}`}>
                              Unbind
                            </button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {deleting ? (
        <Dialog title="Delete this target?" onClose={() => setDeleting(undefined)}>
          <p>
            <strong class="breakable">{deleting.name}</strong> and its stored secrets go. A target that still has deployments is refused: unbind them first. Files already written are left in place.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setDeleting(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                const t = deleting;
                setDeleting(undefined);
                void act(`t${t.id}`, `Target ${t.name} deleted.`, () => api.delete('/api/v1/projects/{projectId}/deployment-targets/{targetId}', { path: { projectId, targetId: t.id } }));
              }}
            >
              Delete target
            </button>
          </div>
        </Dialog>
      ) : null}
      {rotating ? (
        <Dialog title="Give this agent a new key?" onClose={() => setRotating(undefined)}>
          <p>
            The key <strong class="breakable">{rotating.name}</strong>’s agent uses now stops working at once: give the agent the new one, shown once next.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setRotating(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                const t = rotating;
                setRotating(undefined);
                setRotated(undefined);
                void act(`k${t.id}`, `${t.name} has a new deployment key; the earlier one is revoked.`, async () => {
                  const res = (await api.post('/api/v1/projects/{projectId}/deployment-targets/{targetId}/agent-key', { path: { projectId, targetId: t.id } })).result;
                  if (res.agentKey) setRotated({ name: res.name, key: res.agentKey });
                });
              }}
            >
              Make a new key
            </button>
          </div>
        </Dialog>
      ) : null}
      {unbinding ? (
        <Dialog title="Unbind this deployment?" onClose={() => setUnbinding(undefined)}>
          <p>
            <strong class="breakable">{certName(unbinding.certificateId)}</strong> is no longer deployed to <strong class="breakable">{targetName(unbinding.targetId)}</strong>: later versions are not written there. The files already written are left in place.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setUnbinding(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                const d = unbinding;
                setUnbinding(undefined);
                void act(`u${d.id}`, `Unbound; the files written stay where they are.`, () => api.delete('/api/v1/projects/{projectId}/deployments/{deploymentId}', { path: { projectId, deploymentId: d.id } }));
              }}
            >
              Unbind
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

/** The fields of each type, in the order a person fills them. */
const FIELDS: Record<TargetType, { name: string; label: string; hint: string; textarea?: boolean; optional?: boolean }[]> = {
  local: [
    { name: 'directory', label: 'Directory', hint: 'relative to the server’s deployment root, e.g. nginx/certs' },
    { name: 'reloadHook', label: 'Reload hook', hint: 'optional: an executable’s file name in the server’s hook directory', optional: true },
  ],
  ssh: [
    { name: 'host', label: 'Host', hint: 'host name or address' },
    { name: 'port', label: 'Port', hint: 'default 22', optional: true },
    { name: 'username', label: 'Username', hint: 'the login' },
    { name: 'hostKeySha256', label: 'Host key fingerprint', hint: 'SHA256:… as `ssh-keyscan HOST | ssh-keygen -lf -` prints it' },
    { name: 'privateKey', label: 'Private key', hint: 'OpenSSH or PEM; stored encrypted, never shown again', textarea: true },
    { name: 'directory', label: 'Remote directory', hint: 'absolute, or relative to the login’s home' },
    { name: 'reloadCommand', label: 'Reload command', hint: 'optional: run there after the files are written', optional: true },
  ],
  agent: [],
};

function NewTarget(props: { projectId: string; onCreated: () => void }) {
  const [type, setType] = useState<TargetType>('local');
  const [name, setName] = useState('');
  const [values, setValues] = useState<TargetFields>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [agent, setAgent] = useState<{ name: string; key: string } | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setAgent(undefined);
    const input = targetInput(type, name, values);
    setProblem(typeof input === 'string' ? input : undefined);
    if (typeof input === 'string') return;
    setBusy(true);
    try {
      const made = (await api.post('/api/v1/projects/{projectId}/deployment-targets', { path: { projectId: props.projectId }, body: input as TargetBody })).result;
      if (made.agentKey) setAgent({ name: made.name, key: made.agentKey });
      setName('');
      setValues({});
      props.onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <form class="stack card-form" onSubmit={submit} aria-labelledby="new-target-title" noValidate>
        <h3 id="new-target-title">Add a target</h3>
        <div class="filters">
          <label>
            Target type
            <select value={type} onChange={(e) => (setType(e.currentTarget.value as TargetType), setProblem(undefined))}>
              {TARGET_TYPES.map(([t, words]) => (
                <option value={t} key={t}>
                  {words}
                </option>
              ))}
            </select>
          </label>
          <label class="grow">
            Target name
            <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={100} autoComplete="off" placeholder="web-1" />
          </label>
        </div>
        {FIELDS[type].map((f) => (
          // The name is the label's words alone (aria-labelledby), the hint is its description.
          <label key={`${type}-${f.name}`}>
            <span id={`label-t-${f.name}`}>{f.label}</span>
            {f.textarea ? (
              <textarea rows={5} class="mono" spellcheck={false} autoComplete="off" value={values[f.name] ?? ''} onInput={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })} aria-labelledby={`label-t-${f.name}`} aria-describedby={`hint-t-${f.name}`} placeholder="-----BEGIN OPENSSH PRIVATE KEY-----" />
            ) : (
              <input
                type="text"
                inputMode={f.name === 'port' ? 'numeric' : undefined}
                autoComplete="off"
                spellcheck={false}
                value={values[f.name] ?? ''}
                onInput={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
                aria-labelledby={`label-t-${f.name}`}
                aria-describedby={`hint-t-${f.name}`}
              />
            )}
            <span class="hint" id={`hint-t-${f.name}`}>
              {f.hint}
            </span>
          </label>
        ))}
        {type === 'agent' ? <p class="hint">An agent target needs only a name: the agent on the host decides where the files go. Its deployment key is shown once, next.</p> : null}
        {problem ? (
          <p class="error-note" role="alert">
            {problem}
          </p>
        ) : null}
        {error ? <Refusal error={error} prefix="Not added" /> : null}
        <div>
          <button type="submit" class="primary" disabled={busy}>
            Add target
          </button>
        </div>
      </form>
      {agent ? <AgentKey name={agent.name} agentKey={agent.key} onDone={() => setAgent(undefined)} /> : null}
    </>
  );
}

/** A deployment key, shown once, with the agent's command line to run on its host. */
function AgentKey(props: { name: string; agentKey: string; onDone: () => void }) {
  const command = agentCommand(location.origin, props.agentKey);
  return (
    <div class="notice" role="status">
      <p>
        <strong>Copy the deployment key of {props.name} now: you will not see it again.</strong> Only its hash is stored.
      </p>
      <p class="mono breakable">
        <span data-testid="agent-key">{props.agentKey}</span> <CopyButton value={props.agentKey} label="the deployment key" />
      </p>
      <p>Run on the host (see the documentation for a systemd unit that keeps the key out of the process list):</p>
      <p class="mono breakable">
        <span data-testid="agent-command">{command}</span> <CopyButton value={command} label="the agent command" />
      </p>
      <button type="button" class="small" onClick={props.onDone}>
        I have copied it
      </button>
    </div>
  );
}
