/**
 * One certificate: its state and expiry first, what to do about it (only what the role
 * allows), then its fields, names, validation records, chain, versions, where it is served,
 * revocation and history. Every value from the certificate is rendered as text.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, ApiError, type Certificate } from '../api/client.js';
import { CertificateDeployments } from '../components/certificate-deployments.js';
import { CopyButton, Dialog, ErrorNote, Expiry, Field, Link, StatusBadge, When } from '../components/common.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { atLeast, roleIn, type Role } from '../lib/roles.js';
import { navigate } from '../lib/router.js';
import { KIND_WORDS, SOURCE_WORDS, urgencyOf } from '../lib/status.js';

const REVOKE_REASONS: [string, string][] = [
  ['unspecified', 'Unspecified'],
  ['keyCompromise', 'Key compromise'],
  ['affiliationChanged', 'Affiliation changed'],
  ['superseded', 'Superseded'],
  ['cessationOfOperation', 'Cessation of operation'],
];

type ActionName = 'revoke' | 'delete' | 'scope' | 'export';

export function CertificatePage(props: { projectId: string; id: string; me: Me }) {
  const { projectId } = props;
  const id = Number(props.id);
  const valid = Number.isInteger(id) && id > 0 && id <= 2147483647;
  const path = { projectId, id };
  const cert = useLoad(async () => (valid ? (await api.get('/api/v1/projects/{projectId}/certificates/{id}', { path })).result : undefined), [projectId, id]);
  const project = useProjects().projects.find((p) => p.id === projectId);
  const role = roleIn(props.me.memberships, props.me.user.superuser, project?.organizationId, projectId);
  const list = `/projects/${encodeURIComponent(projectId)}/certificates`;

  if (!valid || (cert.error instanceof ApiError && cert.error.status === 404))
    return (
      <section class="page">
        <Crumbs list={list} />
        <h1>Certificate not found</h1>
        <p>
          It may have been deleted, or it belongs to a project you cannot see. <Link href={list}>Back to the certificates</Link>.
        </p>
      </section>
    );
  if (cert.error && !cert.data) return <ErrorNote error={cert.error} prefix="The certificate could not be read" />;
  const c = cert.data;
  if (!c) return <section class="page" aria-busy="true" />;
  return <CertificateView c={c} role={role} projectId={projectId} list={list} reload={cert.reload} />;
}

function Crumbs(props: { list: string; name?: string }) {
  return (
    <nav aria-label="Breadcrumb" class="crumbs">
      <Link href={props.list}>Certificates</Link>
      {props.name ? (
        <>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{props.name}</span>
        </>
      ) : null}
    </nav>
  );
}

function CertificateView(props: { c: Certificate; role: Role | undefined; projectId: string; list: string; reload: () => void }) {
  const { c, role, projectId } = props;
  const path = { projectId, id: c.id };
  const own = c.projectId === projectId;
  const editor = own && atLeast(role, 'editor');
  const admin = own && atLeast(role, 'admin');
  const managed = c.source === 'acme';
  const [dialog, setDialog] = useState<ActionName | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState<string | undefined>();
  const mute = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/certificates/{id}/mute', { path })).result.muted, [projectId, c.id]);

  /** Runs an action, then reads the certificate again; a failure is shown above the fields. */
  const act = async (what: string, run: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    setNote(undefined);
    try {
      await run();
      setNote(what);
      props.reload();
      mute.reload();
    } catch (err) {
      setError(err);
      // A failed attempt changes the certificate too (its problem, its status).
      props.reload();
    } finally {
      setBusy(false);
    }
  };

  const name = c.domainNameUnicode || c.subject || `#${c.id}`;
  useTitle(name, 'Certificates');
  const canRenew = editor && managed && c.status !== 'pending_validation' && c.status !== 'validating' && c.status !== 'revoked';
  const canValidate = editor && managed && (c.status === 'pending_validation' || c.status === 'failed' || c.dnsRecords.length > 0);
  const canRevoke = editor && managed && c.status === 'issued';
  const canCheck = atLeast(role, 'editor') && c.notAfter !== null;

  return (
    <section class="page">
      <Crumbs list={props.list} name={name} />
      <header class="cert-head">
        <h1 class="breakable">{name}</h1>
        <div class="cert-state">
          <StatusBadge status={c.status} daysLeft={c.daysLeft} />
          <Expiry notAfter={c.notAfter} urgency={urgencyOf(c.status, c.daysLeft)} />
          {mute.data ? <span class="tag">alerts muted</span> : null}
        </div>
      </header>

      {!own ? (
        <p class="notice">
          Shared with this project by its organization. It is changed through the project that owns it.
        </p>
      ) : null}

      <div class="actions" role="group" aria-label="Actions">
        {canRenew ? (
          <button type="button" disabled={busy} onClick={() => act('Renewed.', () => api.post('/api/v1/projects/{projectId}/certificates/{id}/renew', { path }))}>
            Renew now
          </button>
        ) : null}
        {canValidate ? (
          <button type="button" disabled={busy} onClick={() => act('Validation finished.', () => api.put('/api/v1/projects/{projectId}/certificates/{id}/validate', { path }))}>
            Validate
          </button>
        ) : null}
        {canCheck ? (
          <button type="button" disabled={busy} onClick={() => act('Revocation checked.', () => api.post('/api/v1/projects/{projectId}/certificates/{id}/revocation-check', { path, body: { force: true } }))}>
            Check revocation
          </button>
        ) : null}
        {editor ? (
          <button type="button" disabled={busy} onClick={() => setDialog('scope')}>
            Change scope
          </button>
        ) : null}
        {editor && mute.data !== undefined ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => act(mute.data ? 'Alerts unmuted.' : 'Alerts muted.', () => api.put('/api/v1/projects/{projectId}/certificates/{id}/mute', { path, body: { muted: !mute.data } }))}
          >
            {mute.data ? 'Unmute alerts' : 'Mute alerts'}
          </button>
        ) : null}
        {admin ? (
          <button type="button" disabled={busy} onClick={() => setDialog('export')}>
            Export
          </button>
        ) : null}
        {canRevoke ? (
          <button type="button" class="danger" disabled={busy} onClick={() => setDialog('revoke')}>
            Revoke
          </button>
        ) : null}
        {editor ? (
          <button type="button" class="danger" disabled={busy} onClick={() => setDialog('delete')}>
            Delete
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {note ? <p class="ok-note">{note}</p> : null}
        {error ? <ErrorNote error={error} /> : null}
      </div>

      {c.managed?.lastProblem ? (
        <div class="problem" role="note">
          <strong>Last attempt failed</strong>
          {c.managed.failureCount > 0 ? ` (${c.managed.failureCount} in a row)` : ''}: <span class="breakable">{c.managed.lastProblem.detail}</span>
          <span class="muted"> {c.managed.lastProblem.type}</span>
          {c.managed.lastProblem.hookStderr ? <pre class="code">{c.managed.lastProblem.hookStderr}</pre> : null}
        </div>
      ) : null}

      {c.dnsRecords.length > 0 ? <DnsRecords records={c.dnsRecords} /> : null}

      <Section title="Certificate">
        <dl class="fields">
          <Field label="Subject">
            <span class="breakable">{c.subject}</span>
          </Field>
          <Field label="Issuer">
            <span class="breakable">{c.issuer}</span>
          </Field>
          <Field label="Kind">{KIND_WORDS[c.kind] ?? c.kind}</Field>
          <Field label="Source">{SOURCE_WORDS[c.source] ?? c.source}</Field>
          <Field label="Scope">{own ? c.scope : `${c.scope} (owned by another project)`}</Field>
          <Field label="Valid from">
            <When at={c.notBefore} empty="not issued yet" />
          </Field>
          <Field label="Valid until">
            <When at={c.notAfter} empty="not issued yet" />
          </Field>
          <Field label="Serial number" mono>
            {c.serialNumber}
          </Field>
          <Field label="Public key">{c.publicKeyInfo}</Field>
          <Field label="Signature">{c.signatureAlgorithm}</Field>
          <Field label="SHA-256 fingerprint" mono>
            <span class="breakable">{c.fingerprintSha256}</span>
          </Field>
          <Field label="SHA-1 fingerprint" mono>
            <span class="breakable">{c.fingerprintSha1}</span>
          </Field>
          <Field label="Private key">{c.hasPrivateKey ? 'stored (encrypted)' : 'not stored'}</Field>
          {c.keyUsage.length ? <Field label="Key usage">{c.keyUsage.join(', ')}</Field> : null}
          {c.extendedKeyUsage.length ? <Field label="Extended key usage">{c.extendedKeyUsage.join(', ')}</Field> : null}
          {c.apple?.bundleId ? <Field label="Bundle id">{c.apple.bundleId}</Field> : null}
          {c.apple?.environments?.length ? <Field label="APNs environments">{c.apple.environments.join(', ')}</Field> : null}
          {c.apple?.passTypeIdentifier ? <Field label="Pass type">{c.apple.passTypeIdentifier}</Field> : null}
          {c.apple?.teamId || c.apple?.passTeamIdentifier ? <Field label="Team id">{c.apple.teamId ?? c.apple.passTeamIdentifier}</Field> : null}
          {c.managed ? (
            <>
              <Field label="Renewal">
                {c.managed.renewAt ? <When at={c.managed.renewAt} /> : <span class="muted">not scheduled</span>}
              </Field>
              {c.managed.nextAttemptAt ? (
                <Field label="Next attempt">
                  <When at={c.managed.nextAttemptAt} />
                </Field>
              ) : null}
              <Field label="Challenge and key">
                {c.managed.challengeType} · {c.managed.keyType}
              </Field>
              {c.managed.revokeReason ? <Field label="Revoked for">{c.managed.revokeReason}</Field> : null}
            </>
          ) : null}
          <Field label="Id">
            {c.id} <span class="muted">· uid {c.uid}</span>
          </Field>
        </dl>
      </Section>

      <Section title={`Names (${c.sans.length})`}>
        {c.sans.length === 0 ? (
          <p class="muted">The certificate names no DNS name or address.</p>
        ) : (
          <ul class="names">
            {c.sansUnicode.map((n, i) => (
              <li key={i} class="breakable">
                {n}
                {n !== c.sans[i] ? <span class="muted"> ({c.sans[i]})</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Revocation path={path} />
      <Endpoints projectId={projectId} certificateId={c.id} />
      <CertificateDeployments projectId={projectId} certificateId={c.id} editor={editor} admin={admin} hasKey={c.hasPrivateKey} />
      <Versions path={path} />
      <Chain path={path} />
      <Events projectId={projectId} certificateId={c.id} own={own} />

      {dialog === 'revoke' ? (
        <RevokeDialog
          name={name}
          onClose={() => setDialog(undefined)}
          onRevoke={(reason) => {
            setDialog(undefined);
            void act('Revoked.', () => api.post('/api/v1/projects/{projectId}/certificates/{id}/revoke', { path, body: { reason } }));
          }}
        />
      ) : null}
      {dialog === 'delete' ? (
        <Dialog title="Delete this certificate?" onClose={() => setDialog(undefined)}>
          <p>
            <strong class="breakable">{name}</strong> leaves the inventory with its versions and stored key. Endpoints serving it are not changed. This cannot be undone.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setDialog(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                setDialog(undefined);
                await act('Deleted.', async () => {
                  await api.delete('/api/v1/projects/{projectId}/certificates/{id}', { path });
                  navigate(props.list);
                });
              }}
            >
              Delete certificate
            </button>
          </div>
        </Dialog>
      ) : null}
      {dialog === 'scope' ? (
        <Dialog title="Change scope" onClose={() => setDialog(undefined)}>
          <p>
            {c.scopeId === 0
              ? 'Share it with the organization: every project of the organization sees it and may attach it; only this project changes it.'
              : 'Keep it to this project: the other projects of the organization no longer see it.'}
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setDialog(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              class="primary"
              onClick={() => {
                setDialog(undefined);
                void act('Scope changed.', () => api.put('/api/v1/projects/{projectId}/certificates/{id}', { path, body: { scopeId: c.scopeId === 0 ? 1 : 0 } }));
              }}
            >
              {c.scopeId === 0 ? 'Share with the organization' : 'Keep to this project'}
            </button>
          </div>
        </Dialog>
      ) : null}
      {dialog === 'export' ? <ExportDialog path={path} name={name} hasKey={c.hasPrivateKey} onClose={() => setDialog(undefined)} /> : null}
    </section>
  );
}

function Section(props: { title: string; children: ComponentChildren; id?: string }) {
  const id = props.id ?? `s-${props.title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section class="section" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function DnsRecords(props: { records: { key: string; value: string }[] }) {
  return (
    <Section title="Publish these DNS records" id="s-dns">
      <p class="muted">Create each TXT record at your DNS provider, wait until it resolves, then choose Validate.</p>
      <table class="grid compact">
        <thead>
          <tr>
            <th scope="col">Name (TXT)</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((r, i) => (
            <tr key={i}>
              <td class="mono breakable">
                {r.key} <CopyButton value={r.key} label={`record name ${r.key}`} />
              </td>
              <td class="mono breakable">
                {r.value} <CopyButton value={r.value} label={`record value for ${r.key}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

type CertPath = { projectId: string; id: number };

function Revocation(props: { path: CertPath }) {
  const r = useLoad(async () => {
    try {
      return (await api.get('/api/v1/projects/{projectId}/certificates/{id}/revocation', { path: props.path })).result;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404 && err.code !== 'certificate_not_found') return null;
      throw err;
    }
  }, [props.path.projectId, props.path.id]);
  return (
    <Section title="Revocation">
      {r.error ? <ErrorNote error={r.error} /> : null}
      {r.data === null ? <p class="muted">Not checked yet: certkeeper asks the CA (CRL, then OCSP) on a schedule for certificates imported with their chain.</p> : null}
      {r.data ? (
        <dl class="fields">
          <Field label="Answer">
            <span class={r.data.status === 'revoked' ? 'u-critical-text' : undefined}>{r.data.status}</span>
            {r.data.method ? <span class="muted"> by {r.data.method.toUpperCase()}</span> : null}
          </Field>
          {r.data.reason ? <Field label="Reason">{r.data.reason}</Field> : null}
          {r.data.revokedAt ? (
            <Field label="Revoked at">
              <When at={r.data.revokedAt} />
            </Field>
          ) : null}
          <Field label="Checked">
            <When at={r.data.checkedAt} />
          </Field>
          {r.data.nextUpdate ? (
            <Field label="Next update">
              <When at={r.data.nextUpdate} />
            </Field>
          ) : null}
          {r.data.url ? (
            <Field label="Source" mono>
              <span class="breakable">{r.data.url}</span>
            </Field>
          ) : null}
          {r.data.error ? <Field label="Problem">{r.data.error}</Field> : null}
        </dl>
      ) : null}
    </Section>
  );
}

function Endpoints(props: { projectId: string; certificateId: number }) {
  const e = useLoad(
    async () => (await api.get('/api/v1/projects/{projectId}/endpoints', { path: { projectId: props.projectId }, query: { certificateId: props.certificateId, pageSize: 100 } })).result,
    [props.projectId, props.certificateId],
  );
  return (
    <Section title="Served by">
      {e.error ? <ErrorNote error={e.error} /> : null}
      {e.data && e.data.length === 0 ? <p class="muted">No watched endpoint of this project serves it.</p> : null}
      {e.data && e.data.length > 0 ? (
        <table class="grid compact">
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Protocol</th>
              <th scope="col">Last probe</th>
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {e.data.map((x) => (
              <tr key={x.id}>
                <td class="mono breakable">
                  {x.host}:{x.port}
                </td>
                <td>{x.protocol}</td>
                <td>
                  <When at={x.lastProbe?.probedAt} empty="not probed yet" />
                </td>
                <td>{x.lastProbe?.findings.length ? x.lastProbe.findings.map((f) => f.message).join('; ') : <span class="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}

function Versions(props: { path: CertPath }) {
  const v = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/certificates/{id}/versions', { path: props.path })).result, [props.path.projectId, props.path.id]);
  return (
    <Section title="Versions">
      {v.error ? <ErrorNote error={v.error} /> : null}
      {v.data ? (
        <table class="grid compact">
          <thead>
            <tr>
              <th scope="col">Valid from</th>
              <th scope="col">Valid until</th>
              <th scope="col">SHA-256</th>
              <th scope="col">Key</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {v.data.map((x) => (
              <tr key={x.sslCertificateId}>
                <td>
                  <When at={x.notBefore} />
                </td>
                <td>
                  <When at={x.notAfter} />
                </td>
                <td class="mono elide" title={x.fingerprintSha256}>
                  {x.fingerprintSha256.slice(0, 23)}…{x.current ? <span class="tag">current</span> : null}
                </td>
                <td>{x.hasPrivateKey ? 'stored' : '—'}</td>
                <td>
                  <When at={x.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}

function Chain(props: { path: CertPath }) {
  const [open, setOpen] = useState(false);
  const chain = useLoad(async () => (open ? (await api.get('/api/v1/projects/{projectId}/certificates/{id}/chain', { path: props.path })).result : undefined), [open, props.path.projectId, props.path.id]);
  const text = typeof chain.data === 'string' ? chain.data : '';
  const count = (text.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;
  return (
    <Section title="Chain">
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Show the PEM chain
        </button>
      ) : null}
      {chain.error ? <ErrorNote error={chain.error} /> : null}
      {open && chain.data !== undefined ? (
        <>
          <p class="muted">
            {count} {count === 1 ? 'certificate' : 'certificates'}, leaf first. <CopyButton value={text} label="the PEM chain" />
          </p>
          <pre class="code pem">{text}</pre>
        </>
      ) : null}
    </Section>
  );
}

function Events(props: { projectId: string; certificateId: number; own: boolean }) {
  const ev = useLoad(
    async () => (await api.get('/api/v1/projects/{projectId}/events', { path: { projectId: props.projectId }, query: { objectType: 'certificate', objectId: String(props.certificateId), pageSize: 50 } })).result,
    [props.projectId, props.certificateId],
  );
  return (
    <Section title="History">
      {ev.error ? <ErrorNote error={ev.error} /> : null}
      {ev.data && ev.data.length === 0 ? <p class="muted">{props.own ? 'No event about this certificate yet.' : 'Its history is in the audit trail of the project that owns it.'}</p> : null}
      {ev.data && ev.data.length > 0 ? (
        <table class="grid compact">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {ev.data.map((x) => (
              <tr key={x.id}>
                <td class="nowrap">
                  <When at={x.createdAt} />
                </td>
                <td>{x.type.replace(/^certificate\./, '').replace(/_/g, ' ')}</td>
                <td class="elide" title={x.actor}>
                  {x.actor}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}

function RevokeDialog(props: { name: string; onClose: () => void; onRevoke: (reason: string) => void }) {
  const [reason, setReason] = useState('unspecified');
  return (
    <Dialog title="Revoke this certificate?" onClose={props.onClose}>
      <p>
        The CA is asked to revoke <strong class="breakable">{props.name}</strong>. Clients that check revocation refuse it from then on. This cannot be undone.
      </p>
      <label>
        Reason
        <select value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
          {REVOKE_REASONS.map(([v, label]) => (
            <option value={v} key={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div class="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" class="danger" onClick={() => props.onRevoke(reason)}>
          Revoke certificate
        </button>
      </div>
    </Dialog>
  );
}

/** Export (admins): the files are made in the browser from the answer, nothing is kept. */
function ExportDialog(props: { path: CertPath; name: string; hasKey: boolean; onClose: () => void }) {
  const [format, setFormat] = useState<'pem' | 'pkcs12'>('pem');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [files, setFiles] = useState<{ name: string; url: string }[]>([]);
  const base = props.name.replace(/[^A-Za-z0-9.-]+/g, '_') || String(props.path.id);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const r = (await api.post('/api/v1/projects/{projectId}/certificates/{id}/export', { path: props.path, body: format === 'pkcs12' ? { format, password } : { format } })).result;
      const out: { name: string; url: string }[] = [];
      const add = (name: string, data: BlobPart, type: string) => out.push({ name, url: URL.createObjectURL(new Blob([data], { type })) });
      if (r.certificate) add(`${base}.crt.pem`, r.certificate, 'application/x-pem-file');
      if (r.chain) add(`${base}.chain.pem`, r.chain, 'application/x-pem-file');
      if (r.fullChain) add(`${base}.fullchain.pem`, r.fullChain, 'application/x-pem-file');
      if (r.privateKey) add(`${base}.key.pem`, r.privateKey, 'application/x-pem-file');
      if (r.pkcs12) add(`${base}.p12`, Uint8Array.from(atob(r.pkcs12), (ch) => ch.charCodeAt(0)), 'application/x-pkcs12');
      setFiles(out);
    } catch (err) {
      setError(err);
    }
  };
  const close = () => {
    for (const f of files) URL.revokeObjectURL(f.url);
    props.onClose();
  };
  return (
    <Dialog title="Export" onClose={close}>
      <p class="muted">{props.hasKey ? 'The export holds the private key. It is recorded in the audit trail.' : 'No private key is stored: the export holds the certificate and its chain.'}</p>
      {files.length === 0 ? (
        <form class="stack" onSubmit={submit}>
          <label>
            Format
            <select value={format} onChange={(e) => setFormat(e.currentTarget.value as 'pem' | 'pkcs12')}>
              <option value="pem">PEM files</option>
              <option value="pkcs12">PKCS#12 (.p12)</option>
            </select>
          </label>
          {format === 'pkcs12' ? (
            <label>
              Password for the file
              <input type="password" autoComplete="new-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </label>
          ) : null}
          {error ? <ErrorNote error={error} /> : null}
          <div class="dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" class="primary">
              Export
            </button>
          </div>
        </form>
      ) : (
        <>
          <ul class="files">
            {files.map((f) => (
              <li key={f.name}>
                <a href={f.url} download={f.name}>
                  {f.name}
                </a>
              </li>
            ))}
          </ul>
          <div class="dialog-actions">
            <button type="button" class="primary" onClick={close}>
              Done
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
