/**
 * Importing certificates (editors): one certificate pasted as PEM or chosen as a file (PEM, DER
 * or PKCS#12, with its key and password), or many files at once through the batch import, sent
 * in small requests with the progress and each file's outcome shown, and a way to stop.
 */
import { useRef, useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, ApiError } from '../api/client.js';
import { Link } from '../components/common.js';
import { Refusal } from '../components/refusal.js';
import { errorText } from '../lib/error-words.js';
import { chunk, planImport, progressText, readFileBytes, type ImportItem, type PlannedFile, type Progress } from '../lib/import-files.js';
import { useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { atLeast } from '../lib/roles.js';
import { useRole } from '../lib/use-role.js';

const certificateHref = (projectId: string, id: number) => `/projects/${encodeURIComponent(projectId)}/certificates/${id}`;

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function ImportPage(props: { projectId: string; me: Me }) {
  const projects = useProjects();
  const project = projects.projects.find((p) => p.id === props.projectId);
  useTitle('Import', project?.name);
  const role = useRole(props.me, props.projectId);
  // Nothing until the role is known: a viewer never sees the form, even for a moment.
  if (projects.loading) return <section class="page" aria-busy="true" />;
  if (!atLeast(role, 'editor'))
    return (
      <section class="page">
        <h1>Import</h1>
        <p>Only editors and admins of this project import certificates. You can read them in the certificates list.</p>
      </section>
    );
  return (
    <section class="page">
      <div class="page-head">
        <h1>Import</h1>
        <p class="muted">{project ? `${project.name} · ` : ''}certificates you already have, to watch their expiry and serve them</p>
      </div>
      <SingleImport projectId={props.projectId} />
      <BulkImport projectId={props.projectId} />
    </section>
  );
}

function SingleImport(props: { projectId: string }) {
  const [certText, setCertText] = useState('');
  const [keyText, setKeyText] = useState('');
  const [password, setPassword] = useState('');
  const [scopeId, setScopeId] = useState(0);
  const certFile = useRef<HTMLInputElement>(null);
  const keyFile = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ id: number; name: string; messages: string[] } | undefined>();

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const body: ImportItem & { scopeId: number } = { scopeId };
      const cf = certFile.current?.files?.[0];
      const read = cf ? readFileBytes(cf.name, await bytesOf(cf)) : certText.trim() ? readFileBytes('pasted', new TextEncoder().encode(certText)) : undefined;
      if (!read) throw new Error('Paste a certificate or choose its file.');
      if (read.kind === 'unreadable') throw new ApiError(400, 'certificate_invalid', read.reason, null);
      if (read.kind === 'key') throw new ApiError(400, 'private_key_in_certificate_field', 'The certificate field holds a private key only.', null);
      if (read.kind === 'pkcs12') Object.assign(body, { pkcs12: read.pkcs12, password });
      else {
        body.certificateBody = read.body;
        const kf = keyFile.current?.files?.[0];
        const key = kf ? new TextDecoder().decode(await bytesOf(kf)) : keyText.trim() ? keyText : read.key;
        if (key) body.certificatePrivateKey = key;
      }
      const res = await api.post('/api/v1/projects/{projectId}/certificates/import', { path: { projectId: props.projectId }, body });
      setDone({ id: res.result.id, name: res.result.domainNameUnicode || res.result.subject || `#${res.result.id}`, messages: res.messages });
      setCertText('');
      setKeyText('');
      setPassword('');
      if (certFile.current) certFile.current.value = '';
      if (keyFile.current) keyFile.current.value = '';
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section" aria-labelledby="s-one">
      <h2 id="s-one">One certificate</h2>
      <form class="stack import-form" onSubmit={submit}>
        <div class="two">
          <label>
            Certificate (PEM)
            <textarea rows={6} class="mono" spellcheck={false} value={certText} onInput={(e) => setCertText(e.currentTarget.value)} placeholder="-----BEGIN CERTIFICATE-----" />
          </label>
          <label>
            Private key (PEM)
            <textarea rows={6} class="mono" spellcheck={false} autoComplete="off" value={keyText} onInput={(e) => setKeyText(e.currentTarget.value)} placeholder="optional: without it the certificate is watched only" />
          </label>
        </div>
        <p class="muted">Or choose files:</p>
        <div class="two">
          <div class="control">
            <label>
              Certificate file
              <input type="file" ref={certFile} aria-describedby="h-cert-file" accept=".pem,.crt,.cer,.der,.p12,.pfx,application/x-pem-file,application/x-pkcs12" />
            </label>
            <span class="hint" id="h-cert-file">PEM, DER or PKCS#12 (.p12, .pfx)</span>
          </div>
          <div class="control">
            <label>
              Private key file
              <input type="file" ref={keyFile} aria-describedby="h-key-file" accept=".pem,.key" />
            </label>
            <span class="hint" id="h-key-file">PEM, when not in the certificate file</span>
          </div>
        </div>
        <div class="two">
          <div class="control">
            <label>
              Password
              <input type="password" autoComplete="off" aria-describedby="h-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </label>
            <span class="hint" id="h-password">of a PKCS#12 file</span>
          </div>
          <label>
            Visible to
            <select value={scopeId} onChange={(e) => setScopeId(Number(e.currentTarget.value))}>
              <option value={0}>This project</option>
              <option value={1}>Every project of the organization</option>
            </select>
          </label>
        </div>
        <div>
          <button type="submit" class="primary" disabled={busy}>
            Import
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {error ? <Refusal error={error} prefix="Not imported" /> : null}
        {done ? (
          <p class="ok-note">
            Imported: <Link href={certificateHref(props.projectId, done.id)}>{done.name}</Link>
            {done.messages.length ? <span class="muted"> · {done.messages.join(' ')}</span> : null}
          </p>
        ) : null}
      </div>
    </section>
  );
}

type Outcome = { names: string[]; state: 'waiting' | 'imported' | 'duplicate' | 'failed' | 'not sent'; id?: number; code?: string | null; message?: string };

function BulkImport(props: { projectId: string }) {
  const [files, setFiles] = useState<File[]>([]);
  const [password, setPassword] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<unknown>();
  const stop = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = (list: FileList | null | undefined) => {
    setFiles(list ? [...list] : []);
    setProgress(undefined);
    setOutcomes([]);
  };

  const run = async () => {
    stop.current = false;
    setRunning(true);
    setError(undefined);
    try {
      const read = await Promise.all(files.map(async (f) => readFileBytes(f.name, await bytesOf(f))));
      const plan = planImport(read, password);
      const list: Outcome[] = plan.map((p) => (p.item ? { names: p.names, state: 'waiting' } : { names: p.names, state: 'failed', message: p.refused }));
      const p: Progress = { total: plan.length, done: 0, imported: 0, duplicates: 0, failed: 0, cancelled: false };
      const tally = () => {
        setOutcomes([...list]);
        setProgress({ ...p });
      };
      for (const o of list) if (o.state === 'failed') (p.done++, p.failed++);
      tally();
      const sendable = plan.map((x, i) => [x, i] as [PlannedFile, number]).filter(([x]) => x.item);
      for (const part of chunk(sendable, ([x]) => Math.ceil(x.size * 1.4) + 256)) {
        if (stop.current) break;
        try {
          const res = await api.post('/api/v1/projects/{projectId}/certificates/import-batch', { path: { projectId: props.projectId }, query: { brief: true }, body: { items: part.map(([x]) => x.item!) } });
          for (const r of res.result) {
            const i = part[r.index][1];
            p.done++;
            if (!r.success) {
              p.failed++;
              list[i] = { ...list[i], state: 'failed', code: r.code, message: r.errors.join('; ') };
            } else if (r.duplicate) {
              p.duplicates++;
              list[i] = { ...list[i], state: 'duplicate', id: r.id ?? undefined };
            } else {
              p.imported++;
              list[i] = { ...list[i], state: 'imported', id: r.id ?? undefined };
            }
          }
        } catch (err) {
          // The whole request was refused (too large, a budget, signed out): each of its files says why.
          const code = err instanceof ApiError ? err.code : null;
          const message = err instanceof Error ? err.message : String(err);
          for (const [, i] of part) {
            p.done++;
            p.failed++;
            list[i] = { ...list[i], state: 'failed', code, message };
          }
        }
        tally();
      }
      if (stop.current) {
        p.cancelled = true;
        for (let i = 0; i < list.length; i++) if (list[i].state === 'waiting') list[i] = { ...list[i], state: 'not sent' };
        tally();
      }
    } catch (err) {
      setError(err);
    } finally {
      setRunning(false);
    }
  };

  const label = (o: Outcome) => o.names.join(' + ');
  return (
    <section class="section" aria-labelledby="s-many">
      <h2 id="s-many">Many files</h2>
      <div
        class={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!running) choose(e.dataTransfer?.files);
        }}
      >
        <label>
          Certificate files
          <input type="file" multiple ref={input} disabled={running} onChange={(e) => choose(e.currentTarget.files)} accept=".pem,.crt,.cer,.der,.key,.p12,.pfx" />
        </label>
        <p class="muted">
          Or drop them here. PEM, DER and PKCS#12 files; a key file joins the certificate file of the same name (<span class="mono">site.crt</span> + <span class="mono">site.key</span>).
        </p>
        {files.length > 0 ? <p>{files.length === 1 ? '1 file chosen' : `${files.length} files chosen`}</p> : null}
      </div>
      <div class="filters">
        <label>
          PKCS#12 password for these files
          <input type="password" autoComplete="off" value={password} disabled={running} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <button type="button" class="primary" disabled={running || files.length === 0} onClick={() => void run()}>
          Import all
        </button>
        {running ? (
          <button
            type="button"
            onClick={() => {
              stop.current = true;
            }}
          >
            Cancel
          </button>
        ) : null}
      </div>
      {error ? <Refusal error={error} prefix="The files could not be read" /> : null}
      {progress ? (
        <div class="bulk-progress">
          <progress max={progress.total} value={progress.done} aria-label="Import progress" />
          <p role="status">{progressText(progress)}</p>
        </div>
      ) : null}
      {outcomes.length > 0 ? (
        <table class="grid compact">
          <caption class="visually-hidden">Each file’s outcome</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o, i) => (
              <tr key={i}>
                <td class="mono breakable">{label(o)}</td>
                <td>
                  <OutcomeText o={o} projectId={props.projectId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function OutcomeText(props: { o: Outcome; projectId: string }) {
  const { o } = props;
  if (o.state === 'waiting') return <span class="muted">waiting</span>;
  if (o.state === 'not sent') return <span class="muted">not sent (cancelled)</span>;
  if (o.state === 'imported' || o.state === 'duplicate')
    return (
      <span>
        <span class="good">{o.state === 'imported' ? 'Imported' : 'Already in the inventory'}</span>
        {o.id !== undefined ? (
          <>
            {' · '}
            <Link href={certificateHref(props.projectId, o.id)}>certificate #{o.id}</Link>
          </>
        ) : null}
      </span>
    );
  const t = errorText(o.code, o.message);
  return (
    <span class="u-critical-text">
      Failed: {t.words}
      {t.detail ? <span class="muted"> {t.detail}</span> : null}
    </span>
  );
}
