/**
 * Watched endpoints: what servers really serve, with the last probe and its findings in words
 * and the served certificate linked when the inventory knows it; editors add one, probe now
 * and delete (with a confirmation).
 */
import { useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, ApiError, type ResultOf } from '../api/client.js';
import { Dialog, ErrorNote, Expiry, Link, When } from '../components/common.js';
import { Refusal } from '../components/refusal.js';
import { endpointInput, findingWords, PROTOCOLS } from '../lib/endpoint-words.js';
import { now } from '../lib/clock.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { atLeast } from '../lib/roles.js';
import { useRole } from '../lib/use-role.js';

type Endpoint = ResultOf<'get', '/api/v1/projects/{projectId}/endpoints'>[number];
type Protocol = 'tls' | 'smtp' | 'imap' | 'ldap' | 'postgres';

const where = (e: Endpoint) => `${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}`;

export function EndpointsPage(props: { projectId: string; me: Me }) {
  const { projectId } = props;
  const project = useProjects().projects.find((p) => p.id === projectId);
  useTitle('Endpoints', project?.name);
  const editor = atLeast(useRole(props.me, projectId), 'editor');
  const list = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/endpoints', { path: { projectId }, query: { pageSize: 500 } })).result, [projectId]);
  const [busy, setBusy] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState<string>();
  const [deleting, setDeleting] = useState<Endpoint | undefined>();

  const act = async (e: Endpoint, words: string, run: () => Promise<unknown>) => {
    setBusy(e.id);
    setError(undefined);
    setNote(undefined);
    try {
      await run();
      setNote(words);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
      list.reload();
    }
  };

  return (
    <section class="page wide">
      <div class="page-head">
        <h1>Endpoints</h1>
        <p class="muted">{project ? `${project.name} · ` : ''}servers certkeeper probes to see the certificate they really serve</p>
      </div>
      {editor ? <AddEndpoint projectId={projectId} onAdded={(words) => (setNote(words), setError(undefined), list.reload())} /> : null}
      <div aria-live="polite">
        {note ? <p class="ok-note">{note}</p> : null}
        {error ? <Refusal error={error} /> : null}
      </div>
      {list.error ? <ErrorNote error={list.error} prefix="The endpoints could not be listed" /> : null}
      {list.data && list.data.length === 0 ? <p class="empty">No endpoint is watched yet.{editor ? ' Add a host above: it is probed at once and then on a schedule.' : ''}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div class="table-wrap">
          <table class="grid">
            <caption class="visually-hidden">Watched endpoints</caption>
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Protocol</th>
                <th scope="col">Last probe</th>
                <th scope="col">Serves</th>
                <th scope="col">Findings</th>
                {editor ? (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.data.map((e) => {
                const p = e.lastProbe;
                return (
                  <tr key={e.id}>
                    <td class="mono breakable">
                      {where(e)}
                      {e.serverName ? <span class="muted"> (name {e.serverName})</span> : null}
                    </td>
                    <td>{PROTOCOLS.find(([v]) => v === e.protocol)?.[1] ?? e.protocol}</td>
                    <td>
                      <When at={p?.probedAt} empty="not probed yet" />
                      {p?.tlsVersion ? <span class="muted"> · {p.tlsVersion}</span> : null}
                    </td>
                    <td class="breakable">
                      {p?.leaf ? (
                        <>
                          {e.certificateId !== null ? <Link href={`/projects/${encodeURIComponent(projectId)}/certificates/${e.certificateId}`}>{p.leaf.domainName || p.leaf.subject}</Link> : <span>{p.leaf.domainName || p.leaf.subject}</span>}{' '}
                          <Expiry notAfter={p.leaf.notAfter} daysLeft={Math.floor((Date.parse(p.leaf.notAfter) - now().getTime()) / 86_400_000)} />
                        </>
                      ) : (
                        <span class="muted">—</span>
                      )}
                    </td>
                    <td>
                      {!p ? (
                        <span class="muted">—</span>
                      ) : p.findings.length === 0 ? (
                        <span class="good">✓ None</span>
                      ) : (
                        <ul class="findings">
                          {p.findings.map((f, i) => (
                            <li key={i}>
                              <strong class={f.type === 'expiring' ? 'u-week' : 'u-critical-text'}>{findingWords(f.type)}</strong>
                              <span class="muted breakable">: {f.message}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    {editor ? (
                      <td class="nowrap">
                        <button type="button" class="small" disabled={busy === e.id} onClick={() => act(e, `Probed ${where(e)}.`, () => api.post('/api/v1/projects/{projectId}/endpoints/{endpointId}/probe', { path: { projectId, endpointId: e.id } }))} aria-label={`Probe now: ${where(e)}`}>
                          {busy === e.id ? 'Probing…' : 'Probe now'}
                        </button>{' '}
                        <button type="button" class="small danger" disabled={busy === e.id} onClick={() => setDeleting(e)} aria-label={`Delete ${where(e)}`}>
                          Delete
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {deleting ? (
        <Dialog title="Stop watching this endpoint?" onClose={() => setDeleting(undefined)}>
          <p>
            <strong class="mono breakable">{where(deleting)}</strong> is no longer probed, and its findings go. The server itself is not touched.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setDeleting(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                const e = deleting;
                setDeleting(undefined);
                void act(e, `${where(e)} is no longer watched.`, () => api.delete('/api/v1/projects/{projectId}/endpoints/{endpointId}', { path: { projectId, endpointId: e.id } }));
              }}
            >
              Delete endpoint
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function AddEndpoint(props: { projectId: string; onAdded: (words: string) => void }) {
  const [host, setHost] = useState('');
  const [port, setPort] = useState('');
  const [protocol, setProtocol] = useState('tls');
  const [serverName, setServerName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = endpointInput(host, port, protocol, serverName);
    if (typeof input === 'string') return setError(new ApiError(400, 'validation_failed', input, null));
    setBusy(true);
    setError(undefined);
    try {
      const made = (await api.post('/api/v1/projects/{projectId}/endpoints', { path: { projectId: props.projectId }, body: { ...input, protocol: input.protocol as Protocol } })).result;
      // Probe it at once, so the list shows what it serves; a failed probe is itself a finding.
      await api.post('/api/v1/projects/{projectId}/endpoints/{endpointId}/probe', { path: { projectId: props.projectId, endpointId: made.id } }).catch(() => undefined);
      setHost('');
      setPort('');
      setServerName('');
      props.onAdded(`Watching ${input.host}:${input.port}.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const defaultPort = PROTOCOLS.find(([v]) => v === protocol)?.[2] ?? 443;
  return (
    <>
      <form class="filters" onSubmit={submit} aria-label="Add an endpoint">
        <label class="grow">
          Host
          <input required value={host} onInput={(e) => setHost(e.currentTarget.value)} placeholder="www.example.com" autoComplete="off" spellcheck={false} />
        </label>
        <label>
          Port
          <input inputMode="numeric" class="port" value={port} onInput={(e) => setPort(e.currentTarget.value)} placeholder={String(defaultPort)} autoComplete="off" />
        </label>
        <label>
          Protocol
          <select value={protocol} onChange={(e) => setProtocol(e.currentTarget.value)}>
            {PROTOCOLS.map(([v, words]) => (
              <option value={v} key={v}>
                {words}
              </option>
            ))}
          </select>
        </label>
        <label>
          Server name
          <input value={serverName} onInput={(e) => setServerName(e.currentTarget.value)} placeholder="as the host" autoComplete="off" spellcheck={false} />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Add endpoint
        </button>
      </form>
      {error ? <Refusal error={error} prefix="Not added" /> : null}
    </>
  );
}
