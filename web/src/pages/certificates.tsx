/**
 * A project's certificates: one server-paged table, soonest expiry first, its filters and
 * sort in the URL (lib/filters.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNote, Expiry, Link, StatusBadge } from '../components/common.js';
import { apiQueryOf, isFiltered, searchFromView, viewFromSearch, withFilter, type CertificateListView } from '../lib/filters.js';
import { useLoad, useTitle } from '../lib/load.js';
import { navigate } from '../lib/router.js';
import { KIND_WORDS, KINDS, SOURCE_WORDS, SOURCES, STATUS_FILTER_WORDS, STATUS_FILTERS, urgencyOf } from '../lib/status.js';
import { useProjects } from '../lib/projects.js';
import { shortName } from '../lib/names.js';

const EXPIRING_CHOICES = [7, 14, 30, 60, 90];

export function CertificatesPage(props: { projectId: string; search: string }) {
  const view = viewFromSearch(props.search);
  const base = `/projects/${encodeURIComponent(props.projectId)}/certificates`;
  const go = (next: CertificateListView, replace = false) => navigate(base + searchFromView(next), { replace });
  const list = useLoad(() => api.get('/api/v1/projects/{projectId}/certificates', { path: { projectId: props.projectId }, query: apiQueryOf(view) }), [props.projectId, props.search]);
  const project = useProjects().projects.find((p) => p.id === props.projectId);
  useTitle('Certificates', project?.name);

  const rows = list.data?.result ?? [];
  const info = list.data?.resultInfo;
  const total = info?.totalCount ?? 0;
  const first = total === 0 ? 0 : (view.page - 1) * (info?.pageSize ?? 50) + 1;
  const last = first === 0 ? 0 : first + rows.length - 1;

  const sortBy = (sort: CertificateListView['sort']) => {
    const order = view.sort === sort && view.order === 'asc' ? 'desc' : 'asc';
    go({ ...view, sort, order, page: 1 });
  };
  const ariaSort = (sort: CertificateListView['sort']) => (view.sort === sort ? (view.order === 'asc' ? 'ascending' : 'descending') : undefined);
  const arrow = (sort: CertificateListView['sort']) => (view.sort === sort ? (view.order === 'asc' ? ' ↑' : ' ↓') : '');

  return (
    <section class="page wide">
      <div class="page-head">
        <h1>Certificates</h1>
        <p class="muted">
          {project ? `${project.name} · ` : ''}
          {list.data ? `${total} ${total === 1 ? 'certificate' : 'certificates'}${isFiltered(view) ? ' match' : ''}` : '\u00a0'}
        </p>
      </div>
      <Filters view={view} onChange={(change, replace) => go(withFilter(view, change), replace)} />
      {list.error ? <ErrorNote error={list.error} prefix="The certificates could not be listed" /> : null}
      {list.data && rows.length === 0 ? (
        isFiltered(view) ? (
          <div class="empty">
            <p>No certificate matches these filters.</p>
            <Link href={base}>Clear the filters</Link>
          </div>
        ) : (
          <EmptyProject projectId={props.projectId} />
        )
      ) : null}
      {rows.length > 0 ? (
        <div class="table-wrap" aria-busy={list.loading}>
          <table class="grid">
            <caption class="visually-hidden">Certificates, {view.sort === 'notAfter' ? 'by expiry' : 'by domain'}</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort('domainName')}>
                  <button type="button" class="th-sort" onClick={() => sortBy('domainName')}>
                    Domain{arrow('domainName')}
                  </button>
                </th>
                <th scope="col">Kind</th>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">Issuer</th>
                <th scope="col" aria-sort={ariaSort('notAfter')}>
                  <button type="button" class="th-sort" onClick={() => sortBy('notAfter')}>
                    Expires{arrow('notAfter')}
                  </button>
                </th>
                <th scope="col">Scope</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const others = c.sans.filter((s) => s !== c.domainName).length;
                return (
                  <tr key={c.id}>
                    <td class="domain">
                      <Link href={`${base}/${c.id}`} title={[c.domainNameUnicode, ...c.sansUnicode.filter((s) => s !== c.domainNameUnicode)].join('\n')}>
                        {c.domainNameUnicode || c.subject || `#${c.id}`}
                      </Link>
                      {others > 0 ? <span class="muted small"> +{others}</span> : null}
                    </td>
                    <td>{KIND_WORDS[c.kind] ?? c.kind}</td>
                    <td>{SOURCE_WORDS[c.source] ?? c.source}</td>
                    <td>
                      <StatusBadge status={c.status} daysLeft={c.daysLeft} />
                    </td>
                    <td class="elide" title={c.issuer}>
                      {shortName(c.issuer)}
                    </td>
                    <td class="nowrap">
                      <Expiry notAfter={c.notAfter} urgency={urgencyOf(c.status, c.daysLeft)} />
                    </td>
                    <td>{c.projectId === props.projectId ? c.scope : `${c.scope} (shared)`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {info && total > 0 ? (
        <nav class="pager" aria-label="Pages">
          <span class="muted">
            {first}–{last} of {total}
          </span>
          <button type="button" disabled={!info.hasPreviousPage} onClick={() => go({ ...view, page: view.page - 1 })}>
            Previous
          </button>
          <button type="button" disabled={!info.hasNextPage} onClick={() => go({ ...view, page: view.page + 1 })}>
            Next
          </button>
        </nav>
      ) : null}
    </section>
  );
}

/** The filters the list API has, each a labelled control; text filters apply as one types, after a pause. */
function Filters(props: { view: CertificateListView; onChange: (change: Partial<CertificateListView>, replace?: boolean) => void }) {
  const { view, onChange } = props;
  const searchRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState(view.search ?? '');
  const [covers, setCovers] = useState(view.covers ?? '');
  // The URL is the truth: back/forward or a shared link updates the boxes.
  useEffect(() => setSearch(view.search ?? ''), [view.search]);
  useEffect(() => setCovers(view.covers ?? ''), [view.covers]);
  useEffect(() => {
    if (search.trim() === (view.search ?? '')) return;
    const t = setTimeout(() => onChange({ search: search.trim() || undefined }, true), 300);
    return () => clearTimeout(t);
  }, [search]);
  // `/` jumps to the search box, as in most consoles.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const select = (key: 'status' | 'kind' | 'source') => (e: Event) => onChange({ [key]: (e.currentTarget as HTMLSelectElement).value || undefined });
  const expiringValue = view.expiringWithinDays === undefined ? '' : String(view.expiringWithinDays);
  const expiringChoices = view.expiringWithinDays !== undefined && !EXPIRING_CHOICES.includes(view.expiringWithinDays) ? [...EXPIRING_CHOICES, view.expiringWithinDays].sort((a, b) => a - b) : EXPIRING_CHOICES;

  return (
    <form class="filters" role="search" onSubmit={(e) => (e.preventDefault(), onChange({ search: search.trim() || undefined, covers: covers.trim() || undefined }))}>
      <label class="grow">
        Search
        <input ref={searchRef} type="search" name="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} placeholder="domain or name  ( / )" autoComplete="off" spellcheck={false} />
      </label>
      <label>
        Covers host
        <input
          type="search"
          name="covers"
          value={covers}
          onInput={(e) => setCovers(e.currentTarget.value)}
          onChange={(e) => onChange({ covers: e.currentTarget.value.trim() || undefined })}
          placeholder="www.example.com"
          autoComplete="off"
          spellcheck={false}
        />
      </label>
      <label>
        Status
        <select name="status" value={view.status ?? ''} onChange={select('status')}>
          <option value="">Any</option>
          {STATUS_FILTERS.map((s) => (
            <option value={s} key={s}>
              {STATUS_FILTER_WORDS[s]}
            </option>
          ))}
          {view.status && !(STATUS_FILTERS as readonly string[]).includes(view.status) ? <option value={view.status}>{view.status}</option> : null}
        </select>
      </label>
      <label>
        Kind
        <select name="kind" value={view.kind ?? ''} onChange={select('kind')}>
          <option value="">Any</option>
          {KINDS.map((k) => (
            <option value={k} key={k}>
              {KIND_WORDS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Source
        <select name="source" value={view.source ?? ''} onChange={select('source')}>
          <option value="">Any</option>
          {SOURCES.map((s) => (
            <option value={s} key={s}>
              {SOURCE_WORDS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Expiring within
        <select name="expiringWithinDays" value={expiringValue} onChange={(e) => onChange({ expiringWithinDays: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })}>
          <option value="">Any time</option>
          {expiringChoices.map((d) => (
            <option value={String(d)} key={d}>
              {d} days
            </option>
          ))}
        </select>
      </label>
      {view.expiringAfter || view.expiringBefore ? (
        <p class="window-filter">
          <span>{windowWords(view.expiringAfter, view.expiringBefore)}</span>{' '}
          <button type="button" class="quiet" onClick={() => onChange({ expiringAfter: undefined, expiringBefore: undefined })}>
            Clear expiry window
          </button>
        </p>
      ) : null}
      <button type="submit" class="visually-hidden" tabIndex={-1}>
        Apply filters
      </button>
    </form>
  );
}

/** The window a dashboard bar links to, in words: "Expiring from 14 Dec 2026 to 21 Dec 2026 (UTC)". */
function windowWords(after: string | undefined, before: string | undefined): string {
  const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const last = (iso: string) => day(new Date(Date.parse(iso) - 1).toISOString());
  if (after && before) return `Expiring from ${day(after)} to ${last(before)} (UTC)`;
  if (after) return `Expiring from ${day(after)} (UTC)`;
  return `Expiring by ${last(before!)} (UTC)`;
}

/** A project with nothing yet: what to do, with the one command for it. */
function EmptyProject(props: { projectId: string }) {
  const origin = location.origin;
  return (
    <div class="empty teach">
      <h2>No certificates in this project yet</h2>
      <p>Bring in what you already have, and certkeeper watches its expiry, revocation and where it is served:</p>
      <ul>
        <li>
          <strong>Import PEM, DER or PKCS#12 files</strong> from a folder, with the command line and an editor API key of this project:
          <pre class="code">{`CERTKEEPER_TOKEN=<key> npx certkeeper import ./certs \\
  --url ${origin} --project ${props.projectId}`}</pre>
        </li>
        <li>
          <strong>Or with the API</strong> (an editor key of this project):
          <pre class="code">{`jq -n --rawfile c cert.pem '{certificateBody:$c}' |
  curl -s -X POST ${origin}/api/v1/projects/${props.projectId}/certificates/import \\
    -H "X-API-Key: $KEY" -H 'content-type: application/json' -d @-`}</pre>
        </li>
        <li>
          <strong>Have certkeeper issue one</strong> through ACME, or <strong>watch an endpoint</strong> to discover what a server serves: see the{' '}
          <a href="/docs">API documentation</a>.
        </li>
      </ul>
    </div>
  );
}
