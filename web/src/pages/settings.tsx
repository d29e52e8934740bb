/**
 * Settings a project and its organization have through the API: renewal lead time and the
 * DNS-01 provider (issuance), the expiry notification thresholds (policy), and the
 * organization's ACME directory and contact. Everyone who may read them sees them; only an
 * admin (of the project, or organization-wide for the organization's) gets a form.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api } from '../api/client.js';
import { ErrorNote, Field, Link, When } from '../components/common.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { atLeast, roleIn, type Role } from '../lib/roles.js';
import { parseAcmeDirectoryUrl, parseContactEmail, parseLifetimeFractions, parseRenewBeforeDays, parseThresholdDays } from '../lib/settings-form.js';

/** The organization-wide role (not a project's): what the organization's settings need. */
export function organizationRole(me: Me, organizationId: string | undefined): Role | undefined {
  if (me.user.superuser) return 'admin';
  if (!organizationId) return undefined;
  const own = me.memberships.filter((m) => m.projectId === null && m.organizationId === organizationId).map((m) => m.role as Role);
  return own.includes('admin') ? 'admin' : own.includes('editor') ? 'editor' : own.includes('viewer') ? 'viewer' : undefined;
}

export function SettingsPage(props: { projectId: string; me: Me }) {
  const { projectId } = props;
  const project = useProjects().projects.find((p) => p.id === projectId);
  useTitle('Settings', project?.name);
  const admin = atLeast(roleIn(props.me.memberships, props.me.user.superuser, project?.organizationId, projectId), 'admin');
  const orgRole = organizationRole(props.me, project?.organizationId);
  return (
    <section class="page">
      <div class="page-head">
        <h1>Settings</h1>
        <p class="muted">{project ? `${project.name} · ` : ''}renewal and notification settings{admin ? '' : ' (only an admin changes them)'}</p>
      </div>
      <IssuanceSettings projectId={projectId} admin={admin} />
      <PolicySettings projectId={projectId} admin={admin} />
      {project && orgRole ? <OrganizationSettings organizationId={project.organizationId} admin={orgRole === 'admin'} link /> : null}
    </section>
  );
}

/** The organization's settings on a page of their own (from the organization's menu). */
export function OrganizationSettingsPage(props: { organizationId: string; me: Me }) {
  const org = useProjects().organizations.find((o) => o.id === props.organizationId);
  useTitle('Organization settings', org?.name);
  const role = organizationRole(props.me, props.organizationId);
  return (
    <section class="page">
      <div class="page-head">
        <h1>Organization settings</h1>
        <p class="muted">{org ? org.name : ''}</p>
      </div>
      {role ? <OrganizationSettings organizationId={props.organizationId} admin={role === 'admin'} /> : <p>Only organization-wide members see this organization's settings.</p>}
    </section>
  );
}

/** A form field with its problem said next to it (and announced). */
function Input(props: { id: string; label: string; value: string; onInput: (v: string) => void; problem?: string; hint?: string; inputMode?: 'numeric' | 'decimal' | 'url' | 'email' }) {
  const described = [props.hint ? `${props.id}-hint` : '', props.problem ? `${props.id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <label for={props.id}>
      {props.label}
      <input id={props.id} value={props.value} inputMode={props.inputMode} onInput={(e) => props.onInput(e.currentTarget.value)} aria-invalid={props.problem ? true : undefined} aria-describedby={described} autoComplete="off" />
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.problem ? (
        <span class="error-note" id={`${props.id}-problem`} role="alert">
          {props.problem}
        </span>
      ) : null}
    </label>
  );
}

function Saved(props: { at: string | null | undefined; saved: boolean }) {
  return (
    <>
      {props.saved ? (
        <span class="ok-note" role="status">
          Saved.
        </span>
      ) : null}
      <span class="muted">
        {' '}
        Last changed <When at={props.at} empty="never (defaults)" />
      </span>
    </>
  );
}

function IssuanceSettings(props: { projectId: string; admin: boolean }) {
  const path = { projectId: props.projectId };
  const loaded = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/settings', { path })).result, [props.projectId]);
  const [renew, setRenew] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => setRenew(loaded.data?.renewBeforeDays?.toString() ?? ''), [loaded.data]);
  const s = loaded.data;
  const provider = s?.dnsProvider ? `${String(s.dnsProvider.type)}${typeof s.dnsProvider.server === 'string' ? ` · ${s.dnsProvider.server}` : ''}${typeof s.dnsProvider.hook === 'string' ? ` · ${s.dnsProvider.hook}` : ''}` : 'none (dns-01 records published by hand)';
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(undefined);
    const parsed = parseRenewBeforeDays(renew);
    if ('problem' in parsed) return setProblem(parsed.problem);
    setProblem(undefined);
    try {
      await api.put('/api/v1/projects/{projectId}/settings', { path, body: { renewBeforeDays: parsed.value } });
      setSaved(true);
      loaded.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="section" aria-labelledby="issuance-title">
      <h2 id="issuance-title">Issuance</h2>
      {loaded.error ? <ErrorNote error={loaded.error} prefix="The settings could not be read" /> : null}
      {s && !props.admin ? (
        <dl>
          <Field label="Renew before expiry">{s.renewBeforeDays === null ? 'the default' : `${s.renewBeforeDays} days`}</Field>
          <Field label="DNS-01 provider">{provider}</Field>
        </dl>
      ) : null}
      {s && props.admin ? (
        <form class="stack narrow-form" onSubmit={submit} noValidate aria-label="Issuance settings">
          <Input id="renew-before" label="Renew before expiry (days)" value={renew} onInput={setRenew} problem={problem} inputMode="numeric" hint="1 to 365; empty for the server's default" />
          <p class="muted">DNS-01 provider: {provider} (changed through the API).</p>
          {error ? <ErrorNote error={error} /> : null}
          <div>
            <button type="submit" class="primary">
              Save issuance settings
            </button>{' '}
            <Saved at={s.updatedAt} saved={saved} />
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** Fractions to read: four decimals at most (1/3 → 0.3333). */
const fractionsText = (fractions: readonly number[]) => fractions.map((x) => String(Number(x.toFixed(4)))).join(', ');

function PolicySettings(props: { projectId: string; admin: boolean }) {
  const path = { projectId: props.projectId };
  const loaded = useLoad(async () => (await api.get('/api/v1/projects/{projectId}/notification-policy', { path })).result, [props.projectId]);
  const [days, setDays] = useState('');
  const [fractions, setFractions] = useState('');
  const [digest, setDigest] = useState(false);
  const [problems, setProblems] = useState<{ days?: string; fractions?: string }>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!loaded.data) return;
    setDays(loaded.data.thresholdDays.join(', '));
    setFractions(fractionsText(loaded.data.lifetimeFractions));
    setDigest(loaded.data.digest);
  }, [loaded.data]);
  const p = loaded.data;
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(undefined);
    const d = parseThresholdDays(days);
    const f = parseLifetimeFractions(fractions);
    const next = { days: 'problem' in d ? d.problem : undefined, fractions: 'problem' in f ? f.problem : undefined };
    setProblems(next);
    if ('problem' in d || 'problem' in f) return;
    // Fractions are shown rounded (1/3 as 0.3333): unchanged text keeps the stored exact values.
    const fractionsChanged = !p || fractions !== fractionsText(p.lifetimeFractions);
    try {
      await api.put('/api/v1/projects/{projectId}/notification-policy', { path, body: { thresholdDays: d.value, ...(fractionsChanged ? { lifetimeFractions: f.value } : {}), digest } });
      setSaved(true);
      loaded.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="section" aria-labelledby="policy-title">
      <h2 id="policy-title">Expiry notifications</h2>
      {loaded.error ? <ErrorNote error={loaded.error} prefix="The notification policy could not be read" /> : null}
      {p && !props.admin ? (
        <dl>
          <Field label="Thresholds (days before expiry)">{p.thresholdDays.join(', ') || 'none'}</Field>
          <Field label="Lifetime fractions (short-lived certificates)">{fractionsText(p.lifetimeFractions) || 'none'}</Field>
          <Field label="Digest">{p.digest ? 'one message per channel per sweep' : 'one message per event'}</Field>
        </dl>
      ) : null}
      {p && props.admin ? (
        <form class="stack narrow-form" onSubmit={submit} noValidate aria-label="Expiry notification settings">
          <Input id="threshold-days" label="Thresholds (days before expiry)" value={days} onInput={setDays} problem={problems.days} hint="for certificates that live 90 days or more, such as 30, 14, 7, 3, 1" />
          <Input id="lifetime-fractions" label="Lifetime fractions" value={fractions} onInput={setFractions} problem={problems.fractions} inputMode="decimal" hint="for shorter-lived certificates: fractions of the lifetime left, such as 0.33, 0.17" />
          <label class="check">
            <input type="checkbox" checked={digest} onChange={(e) => setDigest(e.currentTarget.checked)} /> Send one digest per channel per sweep
          </label>
          {error ? <ErrorNote error={error} /> : null}
          <div>
            <button type="submit" class="primary">
              Save notification settings
            </button>{' '}
            <Saved at={p.updatedAt} saved={saved} />
          </div>
        </form>
      ) : null}
    </section>
  );
}

function OrganizationSettings(props: { organizationId: string; admin: boolean; link?: boolean }) {
  const path = { organizationId: props.organizationId };
  const loaded = useLoad(async () => (await api.get('/api/v1/organizations/{organizationId}/settings', { path })).result, [props.organizationId]);
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<{ url?: string; email?: string }>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setUrl(loaded.data?.acmeDirectoryUrl ?? '');
    setEmail(loaded.data?.acmeContactEmail ?? '');
  }, [loaded.data]);
  const s = loaded.data;
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(undefined);
    const u = parseAcmeDirectoryUrl(url);
    const m = parseContactEmail(email);
    setProblems({ url: 'problem' in u ? u.problem : undefined, email: 'problem' in m ? m.problem : undefined });
    if ('problem' in u || 'problem' in m) return;
    try {
      await api.put('/api/v1/organizations/{organizationId}/settings', { path, body: { acmeDirectoryUrl: u.value, acmeContactEmail: m.value } });
      setSaved(true);
      loaded.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="section" aria-labelledby="org-title">
      <h2 id="org-title">Organization: ACME</h2>
      {props.link ? (
        <p class="muted">
          Shared by every project of the organization; also on <Link href={`/organizations/${encodeURIComponent(props.organizationId)}/settings`}>the organization's settings page</Link>.
        </p>
      ) : null}
      {loaded.error ? <ErrorNote error={loaded.error} prefix="The organization's settings could not be read" /> : null}
      {s && !props.admin ? (
        <dl>
          <Field label="ACME directory">{s.acmeDirectoryUrl ?? "the server's default"}</Field>
          <Field label="ACME contact">{s.acmeContactEmail ?? 'none'}</Field>
        </dl>
      ) : null}
      {s && props.admin ? (
        <form class="stack narrow-form" onSubmit={submit} noValidate aria-label="Organization ACME settings">
          <Input id="acme-directory" label="ACME directory URL" value={url} onInput={setUrl} problem={problems.url} inputMode="url" hint="https://…; empty for the server's default; applies from the next issuance" />
          <Input id="acme-contact" label="ACME contact email" value={email} onInput={setEmail} problem={problems.email} inputMode="email" />
          {error ? <ErrorNote error={error} /> : null}
          <div>
            <button type="submit" class="primary">
              Save organization settings
            </button>{' '}
            <Saved at={s.updatedAt} saved={saved} />
          </div>
        </form>
      ) : null}
    </section>
  );
}
