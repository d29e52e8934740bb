/**
 * Asking for a managed certificate (editors): its names, challenge and key type; then, for
 * dns-01, the TXT records to publish (the certificate page's own table, plus zone-file lines)
 * and Validate, with the CA's refusal in words; the status follows the certificate until it is
 * Active. The step is in the URL (?id=), so a reload or a shared link comes back to it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, ApiError, type Certificate } from '../api/client.js';
import { CopyButton, ErrorNote, Expiry, Link, StatusBadge } from '../components/common.js';
import { Refusal } from '../components/refusal.js';
import { acmeProblemWords } from '../lib/error-words.js';
import { useLoad, useTitle } from '../lib/load.js';
import { CHALLENGES, KEY_TYPES, namesProblem, parseNames, zoneLines } from '../lib/managed.js';
import { useProjects } from '../lib/projects.js';
import { atLeast } from '../lib/roles.js';
import { navigate } from '../lib/router.js';
import { useRole } from '../lib/use-role.js';
import { DnsRecords } from './certificate.js';

const POLL_MS = 2000;

export function NewCertificatePage(props: { projectId: string; me: Me; search: string }) {
  const projects = useProjects();
  const project = projects.projects.find((p) => p.id === props.projectId);
  useTitle('New managed certificate', project?.name);
  const role = useRole(props.me, props.projectId);
  const here = `/projects/${encodeURIComponent(props.projectId)}/certificates/new`;
  const id = Number(new URLSearchParams(props.search).get('id'));
  const editor = atLeast(role, 'editor');
  // Nothing until the role is known: a viewer never sees the form, even for a moment.
  if (projects.loading) return <section class="page" aria-busy="true" />;
  if (!editor)
    return (
      <section class="page">
        <h1>New managed certificate</h1>
        <p>Only editors and admins of this project ask for certificates.</p>
      </section>
    );
  return (
    <section class="page">
      <nav aria-label="Breadcrumb" class="crumbs">
        <Link href={`/projects/${encodeURIComponent(props.projectId)}/certificates`}>Certificates</Link>
      </nav>
      <div class="page-head">
        <h1>New managed certificate</h1>
        <p class="muted">issued by the project’s ACME CA and renewed by certkeeper</p>
      </div>
      {Number.isInteger(id) && id > 0 ? (
        <Issuing projectId={props.projectId} id={id} onAnother={() => navigate(here)} />
      ) : (
        <RequestForm projectId={props.projectId} onCreated={(c) => navigate(`${here}?id=${c}`, { replace: true })} />
      )}
    </section>
  );
}

function RequestForm(props: { projectId: string; onCreated: (id: number) => void }) {
  const [names, setNames] = useState('');
  const [challenge, setChallenge] = useState('dns-01');
  const [keyType, setKeyType] = useState('ec-p256');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const list = parseNames(names);
  const submit = async (e: Event) => {
    e.preventDefault();
    const problem = namesProblem(list, challenge);
    if (problem) return setError(new ApiError(400, 'validation_failed', problem, null));
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post('/api/v1/projects/{projectId}/certificates', {
        path: { projectId: props.projectId },
        body: { domainName: list[0], additionalDomainNames: list.slice(1), challengeType: challenge, keyType, scopeId: 0 },
      });
      props.onCreated(res.result.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack narrow-form" onSubmit={submit}>
      <div class="control">
        <label>
          Names (one per line)
          <textarea rows={5} class="mono" spellcheck={false} required aria-describedby="h-names" value={names} onInput={(e) => setNames(e.currentTarget.value)} placeholder={'example.com\n*.example.com'} />
        </label>
        <span class="hint" id="h-names">{list.length === 0 ? 'The first is the certificate’s domain name; wildcards need DNS validation.' : `${list.length} ${list.length === 1 ? 'name' : 'names'}: ${list[0]} first`}</span>
      </div>
      <label>
        Challenge
        <select value={challenge} onChange={(e) => setChallenge(e.currentTarget.value)}>
          {CHALLENGES.map(([v, words]) => (
            <option value={v} key={v}>
              {words}
            </option>
          ))}
        </select>
      </label>
      <label>
        Key type
        <select value={keyType} onChange={(e) => setKeyType(e.currentTarget.value)}>
          {KEY_TYPES.map(([v, words]) => (
            <option value={v} key={v}>
              {words}
            </option>
          ))}
        </select>
      </label>
      {error ? <Refusal error={error} prefix="Not created" /> : null}
      <div>
        <button type="submit" class="primary" disabled={busy}>
          Request certificate
        </button>
      </div>
    </form>
  );
}

const inProgress = (c: Certificate | undefined) => c !== undefined && (c.status === 'pending_validation' || c.status === 'validating');

function Issuing(props: { projectId: string; id: number; onAnother: () => void }) {
  const path = { projectId: props.projectId, id: props.id };
  const cert = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/certificates/{id}', { path })).result, [props.projectId, props.id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState<string>();
  const c = cert.data;

  // Follow the certificate while the CA works (http-01 completes by itself; a DNS provider may validate too).
  useEffect(() => {
    if (!inProgress(c) || busy) return;
    const t = setTimeout(cert.reload, POLL_MS);
    return () => clearTimeout(t);
  }, [c, busy]);

  if (cert.error && !c) return <ErrorNote error={cert.error} prefix="The certificate could not be read" />;
  if (!c) return <div aria-busy="true" />;

  const validate = async () => {
    setBusy(true);
    setError(undefined);
    setNote(undefined);
    try {
      const res = await api.put('/api/v1/projects/{projectId}/certificates/{id}/validate', { path });
      setNote(res.messages.join(' ') || undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      cert.reload();
    }
  };

  const name = c.domainNameUnicode || c.domainName;
  const href = `/projects/${encodeURIComponent(props.projectId)}/certificates/${c.id}`;
  const problem = c.managed?.lastProblem;
  const dns = c.managed?.challengeType === 'dns-01';
  return (
    <>
      <div class="cert-state" aria-live="polite">
        <span class="breakable">
          <strong>{name}</strong>
          {c.sans.length > 1 ? <span class="muted"> and {c.sans.length - 1} more</span> : null}
        </span>
        <StatusBadge status={c.status} daysLeft={c.daysLeft} />
        {c.status === 'issued' ? <Expiry notAfter={c.notAfter} daysLeft={c.daysLeft} /> : null}
      </div>
      {c.status === 'issued' ? (
        <p class="ok-note">
          Issued. <Link href={href}>Open the certificate</Link> to export or deploy it; certkeeper renews it before it expires.
        </p>
      ) : null}
      {c.status !== 'issued' && !dns ? <p class="muted">The CA checks certkeeper’s own answer on port 80 of each name; this page follows it.</p> : null}
      {c.dnsRecords.length > 0 ? (
        <>
          <DnsRecords records={c.dnsRecords} />
          <details class="zone">
            <summary>As zone-file lines</summary>
            <pre class="code">{zoneLines(c.dnsRecords)}</pre>
            <CopyButton value={zoneLines(c.dnsRecords)} label="the records as zone-file lines" />
          </details>
        </>
      ) : null}
      {c.status !== 'issued' && c.status !== 'revoked' ? (
        <div class="actions" role="group" aria-label="Actions">
          {dns || c.status === 'failed' ? (
            <button type="button" class="primary" disabled={busy} onClick={() => void validate()}>
              {busy ? 'Validating…' : 'Validate'}
            </button>
          ) : null}
          <Link href={href}>Open the certificate</Link>
        </div>
      ) : null}
      <div aria-live="polite">
        {error ? <Refusal error={error} prefix="The CA refused" /> : null}
        {note && !error ? <p class="muted">{note}</p> : null}
      </div>
      {problem && c.status === 'failed' ? (
        <div class="problem" role="note">
          <strong>The CA’s answer</strong>: {acmeProblemWords(problem.type) ?? 'the attempt failed'}. <span class="breakable">{problem.detail}</span>
          <span class="muted"> {problem.type}</span>
          <p class="muted">Validate again to start a new order: it comes with new records to publish.</p>
        </div>
      ) : null}
      <p>
        <button type="button" class="quiet" onClick={props.onAnother}>
          Ask for another certificate
        </button>
      </p>
    </>
  );
}
