/**
 * The certificate page's "Deployments" section: the targets this certificate is written to,
 * with their status; admins bind it to another target ("Deploy to"), editors deploy again now.
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client.js';
import { DEPLOYMENT_STATUS_WORDS, deploymentUrgency, shortFingerprint, targetWhere } from '../lib/deploy-words.js';
import { useLoad } from '../lib/load.js';
import { URGENCY_ICON } from '../lib/status.js';
import { ErrorNote, Link, useAction, When } from './common.js';
import { Refusal } from './refusal.js';

/** A deployment's status as an icon and a word (never by colour alone). */
export function DeploymentStatus(props: { status: string }) {
  const urgency = deploymentUrgency(props.status);
  return (
    <span class={`badge u-${urgency}`}>
      <span class="icon" aria-hidden="true">
        {URGENCY_ICON[urgency]}
      </span>
      {DEPLOYMENT_STATUS_WORDS[props.status] ?? props.status}
    </span>
  );
}

/**
 * "Deploy now" answers 200 with the outcome: a failed attempt becomes an error to show, so the
 * page never says "deployed" when it was not.
 */
export function failedOutcome(d: { status: string; lastError: { code: string; message: string } | null }, what: string): void {
  if (d.status === 'failed') throw new ApiError(200, d.lastError?.code ?? 'deployment_failed', `Deploying ${what} failed: ${d.lastError?.message ?? 'no reason was given'}`, null);
}

export function CertificateDeployments(props: { projectId: string; certificateId: number; editor: boolean; admin: boolean; hasKey: boolean }) {
  const { projectId, certificateId } = props;
  const loaded = useLoad(async () => {
    const [deployments, targets] = await Promise.all([
      api.get('/api/v1/projects/{projectId}/deployments', { path: { projectId }, query: { certificateId, pageSize: 100 } }),
      api.get('/api/v1/projects/{projectId}/deployment-targets', { path: { projectId } }),
    ]);
    return { deployments: deployments.result, targets: targets.result };
  }, [projectId, certificateId]);
  const [targetId, setTargetId] = useState('');
  const [folder, setFolder] = useState('');
  const action = useAction(() => loaded.reload());
  const { error, note } = action;
  const busy = action.busy !== undefined;
  const act = (words: string, run: () => Promise<unknown>) => action.act('', words, run);
  const data = loaded.data;
  const targetOf = (id: number) => data?.targets.find((t) => t.id === id);
  const free = data?.targets.filter((t) => !data.deployments.some((d) => d.targetId === t.id)) ?? [];
  const chosen = targetId || (free[0] ? String(free[0].id) : '');

  return (
    <section class="section" aria-labelledby="s-deployments">
      <h2 id="s-deployments">Deployments</h2>
      {loaded.error ? <ErrorNote error={loaded.error} /> : null}
      {data && data.deployments.length === 0 ? <p class="muted">This certificate is not deployed to any target.</p> : null}
      {data && data.deployments.length > 0 ? (
        <table class="grid compact">
          <caption class="visually-hidden">Where this certificate is deployed</caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Status</th>
              <th scope="col">Deployed</th>
              <th scope="col">Last error</th>
              {props.editor ? (
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {data.deployments.map((d) => {
              const t = targetOf(d.targetId);
              const name = t?.name ?? `#${d.targetId}`;
              return (
                <tr key={d.id} data-status={d.status}>
                  <td class="breakable">
                    {name}
                    <span class="muted">
                      {' '}
                      · {t ? `${targetWhere(t.type, t.config)}${t.type === 'agent' ? '' : '/'}` : ''}
                      {d.name}
                    </span>
                  </td>
                  <td>
                    <DeploymentStatus status={d.status} />
                  </td>
                  <td>
                    {d.fingerprintSha256 ? (
                      <span class="mono" title={d.fingerprintSha256}>
                        {shortFingerprint(d.fingerprintSha256)}
                      </span>
                    ) : null}{' '}
                    <When at={d.deployedAt} empty="not yet" />
                  </td>
                  <td class="breakable">{d.lastError ? `${d.lastError.message} (${d.lastError.code}, ${d.attempts} attempts)` : <span class="muted">none</span>}</td>
                  {props.editor ? (
                    <td class="nowrap">
                      <button type="button" class="small" disabled={busy} onClick={() => act(`Deployed to ${name} again.`, async () => failedOutcome((await api.post('/api/v1/projects/{projectId}/deployments/{deploymentId}/deploy', { path: { projectId, deploymentId: d.id } })).result, `to ${name}`))} aria-label={`Deploy now to ${name}`}>
                        Deploy now
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {props.admin && data ? (
        data.targets.length === 0 ? (
          <p class="muted">
            No deployment target yet: add one on the <Link href={`/projects/${encodeURIComponent(projectId)}/deployments`}>Deployments</Link> page.
          </p>
        ) : free.length > 0 ? (
          <form
            class="filters"
            aria-label="Deploy to"
            onSubmit={(e) => {
              e.preventDefault();
              const id = Number(chosen);
              const target = targetOf(id);
              void act(`Bound to ${target?.name ?? 'the target'}.`, () =>
                api.post('/api/v1/projects/{projectId}/deployments', { path: { projectId }, body: { certificateId, targetId: id, ...(folder.trim() ? { name: folder.trim() } : {}) } }).then((res) => {
                  setFolder('');
                  setTargetId('');
                  failedOutcome(res.result, `to ${target?.name ?? 'the target'}`);
                }),
              );
            }}
          >
            <label>
              Deploy to
              <select value={chosen} onChange={(e) => setTargetId(e.currentTarget.value)}>
                {free.map((t) => (
                  <option value={String(t.id)} key={t.id}>
                    {t.name} ({t.type})
                  </option>
                ))}
              </select>
            </label>
            <label class="grow">
              Folder name
              <input value={folder} onInput={(e) => setFolder(e.currentTarget.value)} placeholder="default: the domain name" autoComplete="off" spellcheck={false} maxLength={255} />
            </label>
            <button type="submit" class="primary" disabled={busy || !chosen}>
              Deploy
            </button>
          </form>
        ) : null
      ) : null}
      {props.admin && !props.hasKey ? <p class="hint">Without its private key stored, this certificate cannot be deployed.</p> : null}
      <div aria-live="polite">
        {note ? <p class="ok-note">{note}</p> : null}
        {error ? <Refusal error={error} /> : null}
      </div>
    </section>
  );
}
