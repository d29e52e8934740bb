/**
 * Mobile apps: their APNs certificates with push health (what APNs last said, the last check),
 * the project's Wallet pass certificates, and for editors adding an app, binding and unbinding
 * certificates, and importing an APNs certificate (PKCS#12) straight into an app.
 */
import { useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, type ResultOf } from '../api/client.js';
import { Dialog, ErrorNote, Expiry, Link, StatusBadge, When } from '../components/common.js';
import { Refusal } from '../components/refusal.js';
import { checkOutcomeWords, ENVIRONMENT_WORDS, ENVIRONMENTS, PLATFORMS, pushVerdict } from '../lib/app-words.js';
import { base64Of } from '../lib/import-files.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { atLeast } from '../lib/roles.js';
import { useRole } from '../lib/use-role.js';

type Binding = ResultOf<'get', '/api/v1/projects/{projectId}/apps/{appId}/certificates'>[number];
type Platform = (typeof PLATFORMS)[number];
type Environment = (typeof ENVIRONMENTS)[number];

const appsHref = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/apps`;
const appHref = (projectId: string, appId: string) => `${appsHref(projectId)}/${encodeURIComponent(appId)}`;
const certHref = (projectId: string, id: number) => `/projects/${encodeURIComponent(projectId)}/certificates/${id}`;

export function AppsPage(props: { projectId: string; me: Me }) {
  const { projectId } = props;
  const project = useProjects().projects.find((p) => p.id === projectId);
  useTitle('Apps', project?.name);
  const editor = atLeast(useRole(props.me, projectId), 'editor');
  const apps = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/apps', { path: { projectId }, query: { pageSize: 100 } })).result, [projectId]);
  const passes = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/certificates', { path: { projectId }, query: { kind: 'pass', sort: 'notAfter', order: 'asc', pageSize: 100 } })).result, [projectId]);

  return (
    <section class="page wide">
      <div class="page-head">
        <h1>Apps</h1>
        <p class="muted">{project ? `${project.name} · ` : ''}mobile apps, their push (APNs) certificates and Wallet pass certificates</p>
      </div>
      {editor ? <AddApp projectId={projectId} onAdded={apps.reload} /> : null}
      {apps.error ? <ErrorNote error={apps.error} prefix="The apps could not be listed" /> : null}
      {apps.data && apps.data.length === 0 ? <p class="empty">No app yet.{editor ? ' Add one above, then bind its APNs certificates.' : ''}</p> : null}
      {apps.data && apps.data.length > 0 ? (
        <div class="table-wrap">
          <table class="grid">
            <caption class="visually-hidden">Apps</caption>
            <thead>
              <tr>
                <th scope="col">App</th>
                <th scope="col">App id</th>
                <th scope="col">Platforms</th>
                <th scope="col">Push certificates</th>
              </tr>
            </thead>
            <tbody>
              {apps.data.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={appHref(projectId, a.appId)}>{a.name}</Link>
                  </td>
                  <td class="mono breakable">{a.appId}</td>
                  <td>{a.platforms.map((p) => (p === 'ios' ? 'iOS' : p === 'android' ? 'Android' : p)).join(', ')}</td>
                  <td>{a.platforms.includes('ios') ? <AppHealth projectId={projectId} appId={a.appId} /> : <span class="muted">no APNs (not iOS)</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <section class="section" aria-labelledby="s-passes">
        <h2 id="s-passes">Wallet pass certificates</h2>
        {passes.error ? <ErrorNote error={passes.error} /> : null}
        {passes.data && passes.data.length === 0 ? <p class="muted">No Wallet pass certificate in this project. Import one (PKCS#12) on the Import page.</p> : null}
        {passes.data && passes.data.length > 0 ? (
          <table class="grid compact">
            <thead>
              <tr>
                <th scope="col">Pass type</th>
                <th scope="col">Team</th>
                <th scope="col">Status</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {passes.data.map((c) => (
                <tr key={c.id}>
                  <td class="breakable">
                    <Link href={certHref(projectId, c.id)}>{c.apple?.passTypeIdentifier || c.domainNameUnicode || c.subject}</Link>
                  </td>
                  <td>{c.apple?.passTeamIdentifier ?? c.apple?.teamId ?? '—'}</td>
                  <td>
                    <StatusBadge status={c.status} daysLeft={c.daysLeft} />
                  </td>
                  <td>
                    <Expiry notAfter={c.notAfter} daysLeft={c.daysLeft} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </section>
  );
}

/** One app's bindings summed up: how many, and those APNs refused. */
function AppHealth(props: { projectId: string; appId: string }) {
  const b = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/apps/{appId}/certificates', { path: props })).result, [props.projectId, props.appId]);
  if (b.error) return <span class="muted">unknown</span>;
  if (!b.data) return <span class="muted">…</span>;
  if (b.data.length === 0) return <span class="muted">none bound</span>;
  const refused = b.data.filter((x) => x.push?.status === 'REVOKED').length;
  const soonest = [...b.data].sort((x, y) => x.daysLeft - y.daysLeft)[0];
  return (
    <span>
      {b.data.length} bound
      {refused > 0 ? <span class="u-critical-text"> · {refused} refused by APNs</span> : <span> · push OK</span>}
      {' · '}
      <Expiry notAfter={soonest.notAfter} daysLeft={soonest.daysLeft} />
    </span>
  );
}

function AddApp(props: { projectId: string; onAdded: () => void }) {
  const [appId, setAppId] = useState('');
  const [name, setName] = useState('');
  const [ios, setIos] = useState(true);
  const [android, setAndroid] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const platforms = [...(ios ? (['ios'] as const) : []), ...(android ? (['android'] as const) : [])];
      await api.post('/api/v1/projects/{projectId}/apps', { path: { projectId: props.projectId }, body: { appId: appId.trim(), name: name.trim(), platforms } });
      setAppId('');
      setName('');
      props.onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <form class="filters" onSubmit={submit} aria-label="Add an app">
        <label>
          App id
          <input required value={appId} onInput={(e) => setAppId(e.currentTarget.value)} placeholder="com.example.shop" autoComplete="off" />
        </label>
        <label class="grow">
          Name
          <input required value={name} onInput={(e) => setName(e.currentTarget.value)} autoComplete="off" />
        </label>
        <fieldset class="inline">
          <legend>Platforms</legend>
          <label class="check">
            <input type="checkbox" checked={ios} onChange={(e) => setIos(e.currentTarget.checked)} /> iOS
          </label>
          <label class="check">
            <input type="checkbox" checked={android} onChange={(e) => setAndroid(e.currentTarget.checked)} /> Android
          </label>
        </fieldset>
        <button type="submit" class="primary" disabled={busy}>
          Add app
        </button>
      </form>
      {error ? <Refusal error={error} prefix="Not added" /> : null}
    </>
  );
}

export function AppPage(props: { projectId: string; appId: string; me: Me }) {
  const { projectId, appId } = props;
  const project = useProjects().projects.find((p) => p.id === projectId);
  const editor = atLeast(useRole(props.me, projectId), 'editor');
  const path = { projectId, appId };
  const app = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/apps/{appId}', { path })).result, [projectId, appId]);
  const bindings = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/apps/{appId}/certificates', { path })).result, [projectId, appId]);
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState<string>();
  const [unbinding, setUnbinding] = useState<Binding | undefined>();
  useTitle(app.data?.name ?? appId, 'Apps', project?.name);

  const crumbs = (
    <nav aria-label="Breadcrumb" class="crumbs">
      <Link href={appsHref(projectId)}>Apps</Link>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{app.data?.name ?? appId}</span>
    </nav>
  );
  if (app.error && !app.data)
    return (
      <section class="page">
        {crumbs}
        <h1>App not found</h1>
        <ErrorNote error={app.error} />
      </section>
    );
  const a = app.data;
  const changed = (words: string) => {
    setError(undefined);
    setNote(words);
    bindings.reload();
  };
  const failed = (err: unknown) => {
    setNote(undefined);
    setError(err);
  };
  const ios = a?.platforms.includes('ios') ?? true;

  return (
    <section class="page wide">
      {crumbs}
      <div class="page-head">
        <h1 class="breakable">{a?.name ?? appId}</h1>
        <p class="muted">
          <span class="mono">{appId}</span>
          {a ? ` · app key ${a.appKey} · ${a.platforms.map((p) => (p === 'ios' ? 'iOS' : 'Android')).join(', ')}` : ''}
        </p>
      </div>
      <div aria-live="polite">
        {note ? <p class="ok-note">{note}</p> : null}
        {error ? <Refusal error={error} /> : null}
      </div>
      <section class="section" aria-labelledby="s-bound">
        <h2 id="s-bound">Push certificates</h2>
        {bindings.error ? <ErrorNote error={bindings.error} /> : null}
        {bindings.data && bindings.data.length === 0 ? <p class="muted">{ios ? 'No APNs certificate is bound to this app.' : 'APNs certificates are bound to iOS apps only.'}</p> : null}
        {bindings.data && bindings.data.length > 0 ? (
          <table class="grid compact">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Environment</th>
                <th scope="col">Certificate</th>
                <th scope="col">Status</th>
                <th scope="col">Push health</th>
                <th scope="col">Last check</th>
                {editor ? (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {bindings.data.map((b) => {
                const v = pushVerdict(b.push);
                return (
                  <tr key={`${b.platform}-${b.environment}`}>
                    <td>{b.platform}</td>
                    <td>{ENVIRONMENT_WORDS[b.environment] ?? b.environment}</td>
                    <td class="breakable">
                      <Link href={certHref(projectId, b.certificateId)}>{b.bundleId ?? b.domainName}</Link>
                    </td>
                    <td>
                      <StatusBadge status={b.status} daysLeft={b.daysLeft} /> <Expiry notAfter={b.notAfter} daysLeft={b.daysLeft} />
                    </td>
                    <td class={v.critical ? 'u-critical-text' : undefined}>
                      {v.words}
                      {b.push?.at ? (
                        <>
                          {' '}
                          <When at={b.push.at} />
                        </>
                      ) : null}
                    </td>
                    <td>
                      {b.push?.lastCheck ? (
                        <>
                          APNs {checkOutcomeWords(b.push.lastCheck.outcome)} <When at={b.push.lastCheck.at} />
                          {b.push.lastCheck.detail ? <span class="muted"> {b.push.lastCheck.detail}</span> : null}
                        </>
                      ) : (
                        <span class="muted">not checked yet</span>
                      )}
                    </td>
                    {editor ? (
                      <td>
                        <button type="button" class="small danger" onClick={() => setUnbinding(b)} aria-label={`Unbind the ${b.platform} ${b.environment} certificate`}>
                          Unbind
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
      {editor && ios ? (
        <>
          <BindForm projectId={projectId} appId={appId} onDone={changed} onError={failed} />
          <ImportForm projectId={projectId} appId={appId} onDone={changed} onError={failed} />
        </>
      ) : null}
      {unbinding ? (
        <Dialog title="Unbind this certificate?" onClose={() => setUnbinding(undefined)}>
          <p>
            The app’s {unbinding.platform} {unbinding.environment} pushes lose their certificate here. The certificate stays in the inventory.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setUnbinding(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                const b = unbinding;
                setUnbinding(undefined);
                try {
                  await api.delete('/api/v1/projects/{projectId}/apps/{appId}/certificates', { path, query: { platform: b.platform as Platform, environment: b.environment as Environment } });
                  changed('Unbound.');
                } catch (err) {
                  failed(err);
                }
              }}
            >
              Unbind certificate
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function BindForm(props: { projectId: string; appId: string; onDone: (words: string) => void; onError: (err: unknown) => void }) {
  const certs = useLoad(
    async () => (await api.get('/api/v1/projects/{projectId}/certificates', { path: { projectId: props.projectId }, query: { kind: 'apns', sort: 'notAfter', order: 'desc', pageSize: 100 } })).result,
    [props.projectId],
  );
  const [certificateId, setCertificateId] = useState('');
  const [platform, setPlatform] = useState<Platform>('iPhone');
  const [environment, setEnvironment] = useState<Environment>('production');
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.put('/api/v1/projects/{projectId}/apps/{appId}/certificates', { path: { projectId: props.projectId, appId: props.appId }, body: { certificateId: Number(certificateId), platform, environment, ...(force ? { force } : {}) } });
      props.onDone('Bound.');
    } catch (err) {
      props.onError(err);
    } finally {
      setBusy(false);
    }
  };
  const list = certs.data ?? [];
  return (
    <section class="section" aria-labelledby="s-bind">
      <h2 id="s-bind">Bind a certificate</h2>
      <form class="filters" onSubmit={submit}>
        <label class="grow">
          APNs certificate
          <select required value={certificateId} onChange={(e) => setCertificateId(e.currentTarget.value)}>
            <option value="">{list.length === 0 ? 'No APNs certificate in the inventory' : 'Choose a certificate'}</option>
            {list.map((c) => (
              <option value={String(c.id)} key={c.id}>
                {(c.apple?.bundleId ?? c.domainName) + ` · ${c.apple?.environments?.join('+') ?? ''} · until ${c.notAfter?.slice(0, 10) ?? '—'} · #${c.id}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Device
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform)}>
            {PLATFORMS.map((p) => (
              <option value={p} key={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Environment
          <select value={environment} onChange={(e) => setEnvironment(e.currentTarget.value as Environment)}>
            {ENVIRONMENTS.map((p) => (
              <option value={p} key={p}>
                {ENVIRONMENT_WORDS[p]}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.currentTarget.checked)} /> Bind even if it does not match the app
        </label>
        <button type="submit" class="primary" disabled={busy || !certificateId}>
          Bind
        </button>
      </form>
    </section>
  );
}

function ImportForm(props: { projectId: string; appId: string; onDone: (words: string) => void; onError: (err: unknown) => void }) {
  const [password, setPassword] = useState('');
  const [platform, setPlatform] = useState<Platform>('iPhone');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('input[type=file]');
    const file = input?.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const pkcs12 = base64Of(new Uint8Array(await file.arrayBuffer()));
      await api.post('/api/v1/projects/{projectId}/apps/{appId}/certificates/import', { path: { projectId: props.projectId, appId: props.appId }, body: { pkcs12, password, platform } });
      if (input) input.value = '';
      setPassword('');
      props.onDone('Imported and bound for every environment the certificate serves.');
    } catch (err) {
      props.onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="section" aria-labelledby="s-import-app">
      <h2 id="s-import-app">Import an APNs certificate</h2>
      <form class="filters" onSubmit={submit}>
        <label class="grow">
          APNs certificate file (.p12)
          <input type="file" required accept=".p12,.pfx,application/x-pkcs12" />
        </label>
        <label>
          File password
          <input type="password" autoComplete="off" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label>
          For device
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform)}>
            {PLATFORMS.map((p) => (
              <option value={p} key={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Import and bind
        </button>
      </form>
    </section>
  );
}
