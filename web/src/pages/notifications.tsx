/**
 * A project's notifications: its channels (an admin adds one of each type the API has, sends a
 * test and sees the answer, enables, disables or deletes one) and the delivery log with each
 * delivery's status, attempts and last error (an admin redelivers one). Secrets are written,
 * never shown back.
 */
import { useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, type ResultOf } from '../api/client.js';
import { Dialog, ErrorNote, When } from '../components/common.js';
import { CHANNEL_TYPES, channelConfigOf, channelTypeOf, deliveryStatusWords, type ChannelType } from '../lib/channel-config.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { atLeast, roleIn } from '../lib/roles.js';

type Channel = ResultOf<'get', '/api/v1/projects/{projectId}/notification-channels'>[number];
type Delivery = ResultOf<'get', '/api/v1/projects/{projectId}/notifications'>[number];

export function NotificationsPage(props: { projectId: string; me: Me }) {
  const { projectId } = props;
  const project = useProjects().projects.find((p) => p.id === projectId);
  useTitle('Notifications', project?.name);
  const admin = atLeast(roleIn(props.me.memberships, props.me.user.superuser, project?.organizationId, projectId), 'admin');
  const path = { projectId };
  const channels = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/notification-channels', { path })).result, [projectId]);
  const [status, setStatus] = useState<'' | 'pending' | 'delivered' | 'failed'>('');
  const [page, setPage] = useState(1);
  const deliveries = useLoad(
    async () => await api.get('/api/v1/projects/{projectId}/notifications', { path, query: { pageIndex: page, pageSize: 25, ...(status ? { status } : {}) } }),
    [projectId, status, page],
  );
  const [error, setError] = useState<unknown>();
  const [tested, setTested] = useState<{ channel: string; delivery: Delivery } | undefined>();
  const [deleting, setDeleting] = useState<Channel | undefined>();
  const [busy, setBusy] = useState(false);

  const act = async (run: () => Promise<void>) => {
    setError(undefined);
    setBusy(true);
    try {
      await run();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      channels.reload();
      deliveries.reload();
    }
  };
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name ?? id;

  return (
    <section class="page wide">
      <div class="page-head">
        <h1>Notifications</h1>
        <p class="muted">{project ? `${project.name} · ` : ''}where expiries, failures and findings are sent, and what was sent</p>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <h2>Channels</h2>
      {channels.error ? <ErrorNote error={channels.error} prefix="The channels could not be listed" /> : null}
      {channels.data ? (
        channels.data.length === 0 ? (
          <p class="empty">No channel yet: nothing is sent.{admin ? ' Add one below.' : ''}</p>
        ) : (
          <table class="grid compact">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Sends to</th>
                <th scope="col">State</th>
                {admin ? (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {channels.data.map((c) => (
                <tr key={c.id}>
                  <td class="breakable">{c.name}</td>
                  <td>{channelTypeOf(c.type)?.label ?? c.type}</td>
                  <td class="mono breakable">
                    {configText(c.config)}
                    {c.hasSecret ? <span class="tag">secret set</span> : null}
                  </td>
                  <td>{c.enabled ? 'enabled' : <span class="tag">disabled</span>}</td>
                  {admin ? (
                    <td class="nowrap">
                      <button
                        type="button"
                        class="small"
                        disabled={busy}
                        aria-label={`Send test to ${c.name}`}
                        onClick={() =>
                          void act(async () => {
                            setTested(undefined);
                            const d = (await api.post('/api/v1/projects/{projectId}/notification-channels/{channelId}/test', { path: { projectId, channelId: c.id } })).result;
                            setTested({ channel: c.name, delivery: d });
                          })
                        }
                      >
                        Send test
                      </button>
                      <button
                        type="button"
                        class="small"
                        disabled={busy}
                        aria-label={`${c.enabled ? 'Disable' : 'Enable'} ${c.name}`}
                        onClick={() => void act(async () => void (await api.put('/api/v1/projects/{projectId}/notification-channels/{channelId}', { path: { projectId, channelId: c.id }, body: { enabled: !c.enabled } })))}
                      >
                        {c.enabled ? 'Disable' : 'Enable'}
                      </button>
                      <button type="button" class="small danger" disabled={busy} aria-label={`Delete ${c.name}`} onClick={() => setDeleting(c)}>
                        Delete
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {tested ? <TestResult channel={tested.channel} delivery={tested.delivery} /> : null}
      {admin ? <NewChannel projectId={projectId} onCreated={channels.reload} /> : null}

      <h2>Deliveries</h2>
      <form class="filters" aria-label="Filter deliveries" onSubmit={(e) => e.preventDefault()}>
        <label>
          Delivery status
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value as typeof status);
              setPage(1);
            }}
          >
            <option value="">All</option>
            <option value="pending">Pending</option>
            <option value="delivered">Delivered</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <button type="button" onClick={deliveries.reload}>
          Refresh
        </button>
      </form>
      {deliveries.error ? <ErrorNote error={deliveries.error} prefix="The deliveries could not be listed" /> : null}
      {deliveries.data ? (
        deliveries.data.result.length === 0 ? (
          <p class="empty">No delivery{status ? ` ${status}` : ''} yet.</p>
        ) : (
          <table class="grid compact">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Channel</th>
                <th scope="col">What</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer or error</th>
                {admin ? (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {deliveries.data.result.map((d) => (
                <tr key={d.id} data-status={d.status}>
                  <td class="nowrap">
                    <When at={d.createdAt} />
                  </td>
                  <td class="breakable">{channelName(d.channelId)}</td>
                  <td class="mono">
                    {d.type}
                    {d.redeliveryOf ? <span class="tag">redelivery</span> : null}
                  </td>
                  <td>
                    <span class={`badge ${d.status === 'failed' ? 'u-critical' : d.status === 'pending' ? 'u-pending' : ''}`}>
                      <span class="icon" aria-hidden="true">
                        {d.status === 'delivered' ? '✓' : d.status === 'failed' ? '✕' : '…'}
                      </span>
                      {deliveryStatusWords(d)}
                    </span>
                  </td>
                  <td>
                    {d.attempts} of {d.maxAttempts}
                    {d.nextAttemptAt && d.status !== 'delivered' ? (
                      <div class="muted">
                        next <When at={d.nextAttemptAt} />
                      </div>
                    ) : null}
                  </td>
                  <td class="breakable">
                    {d.lastStatusCode !== null ? <span class="mono">HTTP {d.lastStatusCode} </span> : null}
                    {d.lastError ?? (d.lastResponse ? <span class="muted">{d.lastResponse.slice(0, 200)}</span> : null)}
                  </td>
                  {admin ? (
                    <td>
                      {d.status === 'failed' ? (
                        <button
                          type="button"
                          class="small"
                          disabled={busy}
                          aria-label={`Redeliver the ${d.type} delivery to ${channelName(d.channelId)} of ${d.createdAt}`}
                          onClick={() => void act(async () => void (await api.post('/api/v1/projects/{projectId}/notifications/{notificationId}/redeliver', { path: { projectId, notificationId: d.id } })))}
                        >
                          Redeliver
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {deliveries.data?.resultInfo && deliveries.data.resultInfo.totalPages > 1 ? (
        <nav class="pager" aria-label="Delivery pages">
          <span class="muted">
            page {page} of {deliveries.data.resultInfo.totalPages}
          </span>
          <button type="button" disabled={!deliveries.data.resultInfo.hasPreviousPage} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <button type="button" disabled={!deliveries.data.resultInfo.hasNextPage} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </nav>
      ) : null}
      {deleting ? (
        <Dialog title="Delete this channel?" onClose={() => setDeleting(undefined)}>
          <p>
            <strong class="breakable">{deleting.name}</strong> stops receiving notifications, and its delivery log is deleted.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setDeleting(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                const c = deleting;
                setDeleting(undefined);
                void act(async () => void (await api.delete('/api/v1/projects/{projectId}/notification-channels/{channelId}', { path: { projectId, channelId: c.id } })));
              }}
            >
              Delete channel
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

/** What a channel's shown config says (recipients, a redacted URL), as text. */
function configText(config: Record<string, unknown>): string {
  return Object.entries(config)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

function TestResult(props: { channel: string; delivery: Delivery }) {
  const d = props.delivery;
  const ok = d.status === 'delivered';
  return (
    <div class={ok ? 'ok-note' : 'error-note'} role={ok ? 'status' : 'alert'}>
      <p>
        Test to <strong class="breakable">{props.channel}</strong>: {ok ? 'delivered' : 'failed'}
        {d.lastStatusCode !== null ? ` (HTTP ${d.lastStatusCode})` : ''}
        {d.lastError ? ` · ${d.lastError}` : ''}
      </p>
      {d.lastResponse ? <p class="mono breakable">{d.lastResponse.slice(0, 300)}</p> : null}
    </div>
  );
}

function NewChannel(props: { projectId: string; onCreated: () => void }) {
  const [type, setType] = useState<ChannelType>('webhook');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const spec = channelTypeOf(type)!;
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    setError(undefined);
    if (!name.trim()) return setProblem('Channel name is required.');
    const made = channelConfigOf(type, values);
    if ('problem' in made) return setProblem(made.problem);
    setBusy(true);
    try {
      await api.post('/api/v1/projects/{projectId}/notification-channels', { path: { projectId: props.projectId }, body: { name: name.trim(), type, config: made.config } });
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
    <form class="stack card-form" onSubmit={submit} aria-labelledby="new-channel-title" noValidate>
      <h3 id="new-channel-title">Add a channel</h3>
      <div class="filters">
        <label>
          Channel type
          <select value={type} onChange={(e) => setType(e.currentTarget.value as ChannelType)}>
            {CHANNEL_TYPES.map((t) => (
              <option value={t.type} key={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label class="grow">
          Channel name
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={100} autoComplete="off" placeholder="ops" />
        </label>
      </div>
      {spec.fields.map((f) => (
        <label key={`${type}-${f.name}`}>
          {f.label}
          <input
            {...(f.secret ? { type: 'password' as const } : { type: 'text' as const })}
            autoComplete="off"
            value={values[f.name] ?? ''}
            onInput={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
            aria-describedby={`hint-${f.name}`}
          />
          <span class="hint" id={`hint-${f.name}`}>
            {f.hint}
            {f.secret ? ' · stored encrypted, never shown again' : ''}
          </span>
        </label>
      ))}
      {problem ? (
        <p class="error-note" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      <div>
        <button type="submit" class="primary" disabled={busy}>
          Add channel
        </button>
      </div>
    </form>
  );
}
