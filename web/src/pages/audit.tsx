/**
 * The audit trail: a project's (who changed what, when), or for superusers the deployment's
 * (sign-ins, users, organizations); filtered by type, object and time window, server-paged,
 * the view in the URL (lib/audit-view.ts). Read only.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNote, Link, When } from '../components/common.js';
import { auditApiQuery, auditViewFromSearch, eventTypeWords, instantOfLocalInput, isAuditFiltered, localInputOf, searchFromAuditView, type AuditView } from '../lib/audit-view.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { navigate } from '../lib/router.js';

interface Row {
  id: number;
  type: string;
  actor: string;
  objectType: string;
  objectId: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/** The browser's offset from UTC in minutes, for the date-time fields. */
const offset = () => -new Date().getTimezoneOffset();

export function AuditPage(props: { projectId?: string; search: string }) {
  const { projectId } = props;
  const view = auditViewFromSearch(props.search);
  const project = useProjects().projects.find((p) => p.id === projectId);
  useTitle(projectId ? 'Audit log' : 'Deployment audit log', project?.name);
  const base = projectId ? `/projects/${encodeURIComponent(projectId)}/audit` : '/audit';
  const go = (next: AuditView) => navigate(base + searchFromAuditView(next));
  const list = useLoad(
    async () =>
      projectId
        ? ((await api.get('/api/v1/projects/{projectId}/events', { path: { projectId }, query: auditApiQuery(view, 'project') })) as { result: Row[]; resultInfo: PageLike | null })
        : ((await api.get('/api/v1/events', { query: auditApiQuery(view, 'deployment') })) as { result: Row[]; resultInfo: PageLike | null }),
    [projectId, props.search],
  );
  const rows = list.data?.result ?? [];
  const info = list.data?.resultInfo;
  const total = info?.totalCount ?? 0;
  const first = total === 0 ? 0 : (view.page - 1) * (info?.pageSize ?? 50) + 1;
  const last = first === 0 ? 0 : first + rows.length - 1;

  return (
    <section class="page wide">
      <div class="page-head">
        <h1>{projectId ? 'Audit log' : 'Deployment audit log'}</h1>
        <p class="muted">
          {projectId ? `${project ? `${project.name} · ` : ''}who changed what in this project, newest first` : 'sign-ins, sessions, users and organizations, newest first'}
          {list.data ? ` · ${total} ${total === 1 ? 'event' : 'events'}${isAuditFiltered(view) ? ' match' : ''}` : ''}
        </p>
      </div>
      <AuditFilters view={view} objectFilter={projectId !== undefined} onApply={go} clearHref={base} />
      {list.error ? <ErrorNote error={list.error} prefix="The events could not be listed" /> : null}
      {list.data && rows.length === 0 ? <p class="empty">{isAuditFiltered(view) ? 'No event matches these filters.' : 'No event yet.'}</p> : null}
      {rows.length > 0 ? (
        <div class="table-wrap" aria-busy={list.loading}>
          <table class="grid compact">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">By</th>
                <th scope="col">Object</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td class="nowrap">
                    <When at={e.createdAt} />
                  </td>
                  <td>
                    <span title={e.type}>{eventTypeWords(e.type)}</span>
                    <div class="muted mono">{e.type}</div>
                  </td>
                  <td class="mono breakable">{e.actor}</td>
                  <td class="mono breakable">
                    {projectId ? (
                      <a
                        href={base + searchFromAuditView({ objectType: e.objectType, objectId: e.objectId, page: 1 })}
                        onClick={(ev) => {
                          ev.preventDefault();
                          go({ objectType: e.objectType, objectId: e.objectId, page: 1 });
                        }}
                        title="Only this object's events"
                      >
                        {e.objectType}:{e.objectId}
                      </a>
                    ) : (
                      `${e.objectType}:${e.objectId}`
                    )}
                  </td>
                  <td class="mono breakable">{detailsText(e.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {info && info.totalPages > 1 ? (
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

interface PageLike {
  totalCount: number;
  pageSize: number;
  totalPages: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** An event's data on one line, as text ("name=ci role=editor"). */
function detailsText(data: Record<string, unknown>): string {
  const parts = Object.entries(data).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const text = parts.join(' ');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function AuditFilters(props: { view: AuditView; objectFilter: boolean; onApply: (view: AuditView) => void; clearHref: string }) {
  const { view } = props;
  const [type, setType] = useState(view.type ?? '');
  const [objectType, setObjectType] = useState(view.objectType ?? '');
  const [objectId, setObjectId] = useState(view.objectId ?? '');
  const [since, setSince] = useState(localInputOf(view.since, offset()));
  const [until, setUntil] = useState(localInputOf(view.until, offset()));
  const [problem, setProblem] = useState<string | undefined>();
  // The URL is the truth: back/forward or a shared link updates the boxes.
  useEffect(() => {
    setType(view.type ?? '');
    setObjectType(view.objectType ?? '');
    setObjectId(view.objectId ?? '');
    setSince(localInputOf(view.since, offset()));
    setUntil(localInputOf(view.until, offset()));
  }, [view.type, view.objectType, view.objectId, view.since, view.until]);

  const apply = (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    if ((objectType.trim() === '') !== (objectId.trim() === '')) return setProblem('Give both the object type and the object id, or neither.');
    const s = since ? instantOfLocalInput(since, offset()) : undefined;
    const u = until ? instantOfLocalInput(until, offset()) : undefined;
    if (s && u && u <= s) return setProblem('"Until" must be after "From".');
    const next: AuditView = { page: 1 };
    if (type.trim()) next.type = type.trim();
    if (props.objectFilter && objectType.trim() && objectId.trim()) {
      next.objectType = objectType.trim();
      next.objectId = objectId.trim();
    }
    if (s) next.since = s;
    if (u) next.until = u;
    props.onApply(next);
  };

  return (
    <form class="filters" onSubmit={apply} aria-label="Filter events">
      <label>
        Event type
        <input value={type} onInput={(e) => setType(e.currentTarget.value)} placeholder="api_key.created" maxLength={100} list="event-types" />
        <datalist id="event-types">
          {(props.objectFilter ? PROJECT_TYPES : DEPLOYMENT_TYPES).map((t) => (
            <option value={t} key={t} />
          ))}
        </datalist>
      </label>
      {props.objectFilter ? (
        <>
          <label>
            Object type
            <input value={objectType} onInput={(e) => setObjectType(e.currentTarget.value)} placeholder="certificate" maxLength={40} />
          </label>
          <label>
            Object id
            <input value={objectId} onInput={(e) => setObjectId(e.currentTarget.value)} maxLength={100} />
          </label>
        </>
      ) : null}
      <label>
        From
        <input type="datetime-local" value={since} onInput={(e) => setSince(e.currentTarget.value)} />
      </label>
      <label>
        Until
        <input type="datetime-local" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        Apply filters
      </button>
      <Link href={props.clearHref}>Clear</Link>
      {problem ? (
        <p class="error-note" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

const PROJECT_TYPES = [
  'api_key.created',
  'api_key.revoked',
  'certificate.created',
  'certificate.imported',
  'certificate.updated',
  'certificate.deleted',
  'certificate.exported',
  'certificate.expiring',
  'certificate.expired',
  'certificate.revoked',
  'certificate.renewed',
  'certificate.renewal_failed',
  'member.added',
  'member.updated',
  'member.removed',
];
const DEPLOYMENT_TYPES = ['auth.signed_in', 'auth.sign_in_failed', 'auth.locked', 'auth.signed_out', 'auth.session_revoked', 'user.created', 'user.deleted', 'user.password_changed'];
