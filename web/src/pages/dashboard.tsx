/**
 * A project's dashboard, from one request (GET …/dashboard): counts, the expiry timeline (an SVG
 * bar chart whose bars are links to the certificates they count), what expires next, what
 * needs a person, the latest events.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNote, Expiry, Link, When } from '../components/common.js';
import { ATTENTION_WORDS, attentionHref, bucketHref, bucketLabel, bucketTitle, monthTicks, scaleMax, segmentsOf, type Bucket, type DashboardData, type StackBy } from '../lib/dashboard.js';
import { DEFAULT_VIEW, searchFromView, withFilter } from '../lib/filters.js';
import { useLoad, useTitle } from '../lib/load.js';
import { useProjects } from '../lib/projects.js';
import { navigate } from '../lib/router.js';
import { KIND_WORDS, KINDS, STATUS_FILTER_WORDS, STATUS_FILTERS, urgencyOf } from '../lib/status.js';

/** Set once the figures are drawn: the benchmark reads it (bench/console-bench.ts). */
export const DRAWN_MARK = 'certkeeper:dashboard-drawn';

export function DashboardPage(props: { projectId: string }) {
  const loaded = useLoad(() => api.get('/api/v1/projects/{projectId}/dashboard', { path: { projectId: props.projectId } }).then((a) => a.result), [props.projectId]);
  const project = useProjects().projects.find((p) => p.id === props.projectId);
  useTitle('Dashboard', project?.name);
  const d = loaded.data;
  useEffect(() => {
    if (d && typeof performance !== 'undefined' && performance.getEntriesByName(DRAWN_MARK).length === 0) performance.mark(DRAWN_MARK);
  }, [d]);

  return (
    <section class="page wide dashboard">
      <div class="page-head">
        <h1>Dashboard</h1>
        <p class="muted">{project ? `${project.name} · ` : ''}{d ? `${d.counts.total} ${d.counts.total === 1 ? 'certificate' : 'certificates'}` : '\u00a0'}</p>
      </div>
      {loaded.error ? <ErrorNote error={loaded.error} prefix="The dashboard could not be loaded" /> : null}
      {d ? (
        <>
          <Counts projectId={props.projectId} d={d} />
          <Timeline projectId={props.projectId} buckets={d.timeline} />
          <div class="dash-columns">
            <NeedsPerson projectId={props.projectId} d={d} />
            <ExpiresNext projectId={props.projectId} d={d} />
          </div>
          <RecentEvents projectId={props.projectId} d={d} />
        </>
      ) : loaded.loading ? (
        <p class="muted" aria-busy="true">
          Loading…
        </p>
      ) : null}
    </section>
  );
}

function listHref(projectId: string, change: Parameters<typeof withFilter>[1]): string {
  return `/projects/${encodeURIComponent(projectId)}/certificates${searchFromView(withFilter(DEFAULT_VIEW, change))}`;
}

function Counts(props: { projectId: string; d: DashboardData }) {
  const { byStatus, byKind } = props.d.counts;
  return (
    <div class="dash-counts">
      <section aria-labelledby="by-status">
        <h2 id="by-status">By status</h2>
        <ul class="tiles">
          {STATUS_FILTERS.map((s) => (
            <li key={s} class={`tile u-${urgencyOf(s === 'Active' ? 'issued' : s === 'PendingValidation' ? 'pending_validation' : s.toLowerCase(), null)}`}>
              <Link href={listHref(props.projectId, { status: s })}>
                <span class="n" data-status={s}>
                  {byStatus[s]}
                </span>
                <span class="w">{STATUS_FILTER_WORDS[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="by-kind">
        <h2 id="by-kind">By kind</h2>
        <ul class="tiles">
          {KINDS.map((k) => (
            <li key={k} class="tile">
              <Link href={listHref(props.projectId, { kind: k })}>
                <span class="n" data-kind={k}>
                  {byKind[k]}
                </span>
                <span class="w">{KIND_WORDS[k]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

const BAR = 12;
const GAP = 4;
const HEIGHT = 150;
const TOP = 8;
const AXIS = 22;

/** An SVG link navigates in place, as the console's other links (a plain click only). */
function followSvgLink(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = (event.currentTarget as Element).getAttribute('href');
  if (!href || !href.startsWith('/')) return;
  event.preventDefault();
  navigate(href);
}

function Timeline(props: { projectId: string; buckets: Bucket[] }) {
  const [by, setBy] = useState<StackBy>('kind');
  const max = scaleMax(props.buckets);
  const width = props.buckets.length * (BAR + GAP) + 40;
  const y = (n: number) => TOP + HEIGHT - (n / max) * HEIGHT;
  const keys = by === 'kind' ? KINDS.map((k) => [k, KIND_WORDS[k]] as const) : STATUS_FILTERS.map((s) => [s, STATUS_FILTER_WORDS[s]] as const);
  const used = new Set(props.buckets.flatMap((b) => segmentsOf(b, by).map((s) => s.key)));
  return (
    <section class="section timeline" aria-labelledby="timeline-title">
      <div class="timeline-head">
        <h2 id="timeline-title">Expiry timeline</h2>
        <fieldset class="toggle">
          <legend class="visually-hidden">Stack the bars</legend>
          <label>
            <input type="radio" name="stack" value="kind" checked={by === 'kind'} onChange={() => setBy('kind')} /> by kind
          </label>
          <label>
            <input type="radio" name="stack" value="status" checked={by === 'status'} onChange={() => setBy('status')} /> by status
          </label>
        </fieldset>
      </div>
      <p class="muted small">Certificates already expired, then by week of expiry (weeks start on Monday, UTC) for the next 52 weeks. Each bar opens the certificates it counts.</p>
      <div class="chart-wrap">
        <svg class="chart" viewBox={`0 0 ${width} ${TOP + HEIGHT + AXIS}`} width={width} height={TOP + HEIGHT + AXIS} role="group" aria-labelledby="timeline-title">
          <g aria-hidden="true" class="grid-lines">
            {[0, 0.5, 1].map((f) => (
              <g key={f}>
                <line x1={34} x2={width} y1={y(max * f)} y2={y(max * f)} />
                <text x={30} y={y(max * f) + 4} text-anchor="end">
                  {Number.isInteger(max * f) ? max * f : (max * f).toFixed(1)}
                </text>
              </g>
            ))}
          </g>
          {props.buckets.map((b, i) => {
            const x = 40 + i * (BAR + GAP);
            let base = 0;
            return (
              <a key={b.key} href={bucketHref(props.projectId, b)} onClick={followSvgLink} aria-label={bucketLabel(b, by)} class={`bar${b.weekStart === null ? ' expired' : ''}`} data-key={b.key} data-total={b.total}>
                <title>{bucketLabel(b, by)}</title>
                {/* The whole column takes the pointer and shows the focus, even for an empty week. */}
                <rect class="hit" x={x - GAP / 2} y={TOP} width={BAR + GAP} height={HEIGHT} />
                {segmentsOf(b, by).map((s) => {
                  const top = y(base + s.count);
                  const h = y(base) - top;
                  base += s.count;
                  return <rect key={s.key} class={`seg s-${s.key}`} x={x} y={top} width={BAR} height={Math.max(h, 1)} />;
                })}
              </a>
            );
          })}
          <g aria-hidden="true" class="axis">
            <text x={40 + BAR / 2} y={TOP + HEIGHT + 15} text-anchor="middle">
              expired
            </text>
            {monthTicks(props.buckets)
              .filter((t) => t.index >= 4)
              .map((t) => (
              <text key={t.index} x={40 + t.index * (BAR + GAP)} y={TOP + HEIGHT + 15}>
                {t.text}
              </text>
            ))}
          </g>
        </svg>
      </div>
      <ul class="legend" aria-label={`Colours, by ${by}`}>
        {keys
          .filter(([k]) => used.has(k))
          .map(([k, words]) => (
            <li key={k}>
              <svg width="12" height="12" aria-hidden="true">
                <rect class={`seg s-${k}`} width="12" height="12" />
              </svg>
              {words}
            </li>
          ))}
      </ul>
    </section>
  );
}

function NeedsPerson(props: { projectId: string; d: DashboardData }) {
  const { total, groups } = props.d.needsAttention;
  const present = groups.filter((g) => g.count > 0);
  return (
    <section class="section" aria-labelledby="needs-title">
      <h2 id="needs-title">
        Needs a person now <span class="muted">({total})</span>
      </h2>
      {present.length === 0 ? <p class="ok-note">Nothing needs a person now.</p> : null}
      {present.map((g) => (
        <div key={g.kind} class="needs-group">
          <h3>
            {ATTENTION_WORDS[g.kind] ?? g.kind} <span class="muted">({g.capped ? `more than ${g.count}` : g.count})</span>
          </h3>
          <ul class="needs">
            {g.items.map((item) => (
              <li key={`${item.objectType}:${item.objectId}`} data-kind={item.kind}>
                <Link href={attentionHref(props.projectId, item)}>{item.name}</Link>
                <span class="reason">{item.reason}</span>
                <span class="muted small">
                  since <When at={item.since} />
                </span>
              </li>
            ))}
          </ul>
          {g.count > g.items.length ? <p class="muted small">and {g.capped ? 'more than ' : ''}{g.count - g.items.length} more</p> : null}
        </div>
      ))}
    </section>
  );
}

function ExpiresNext(props: { projectId: string; d: DashboardData }) {
  const base = `/projects/${encodeURIComponent(props.projectId)}/certificates`;
  return (
    <section class="section" aria-labelledby="next-title">
      <h2 id="next-title">Expires next</h2>
      {props.d.expiringNext.length === 0 ? <p class="muted">No active certificate.</p> : null}
      <ol class="next">
        {props.d.expiringNext.map((c) => (
          <li key={c.id}>
            <Link href={`${base}/${c.id}`}>{c.domainName || `#${c.id}`}</Link>
            <span class="muted small">{KIND_WORDS[c.kind] ?? c.kind}</span>
            <Expiry notAfter={c.notAfter} daysLeft={c.daysLeft} />
          </li>
        ))}
      </ol>
      <Link href={`${base}${searchFromView(withFilter(DEFAULT_VIEW, { status: 'Active' }))}`}>All active certificates, soonest expiry first</Link>
    </section>
  );
}

function RecentEvents(props: { projectId: string; d: DashboardData }) {
  const base = `/projects/${encodeURIComponent(props.projectId)}/certificates`;
  return (
    <section class="section" aria-labelledby="events-title">
      <h2 id="events-title">Recent events</h2>
      {props.d.recentEvents.length === 0 ? <p class="muted">No event yet.</p> : null}
      <ul class="events">
        {props.d.recentEvents.map((e) => (
          <li key={e.id}>
            <When at={e.createdAt} /> <code>{e.type}</code>{' '}
            {e.objectType === 'certificate' && /^\d+$/.test(e.objectId) ? <Link href={`${base}/${e.objectId}`}>certificate {e.objectId}</Link> : <span>{`${e.objectType} ${e.objectId}`}</span>}{' '}
            <span class="muted small">by {e.actor}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
