import { sql, type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { AuditEvent } from '../../domain/audit-event.js';
import type { CertificateKind, EffectiveStatus, LifecycleStatus } from '../../domain/certificate.js';
import type { AttentionGroup, AttentionKind, AttentionRow, DashboardRepository, DashboardScope, StatusKindCount, WeekCount } from '../../ports/dashboard-repository.js';
import { DAY_MS, type Executor } from '../database.js';
import type { DeploymentDatabase } from './deployment-repository.js';
import type { EndpointsTable } from './endpoint-repository.js';
import { toEvent, type EventRow } from './event-repository.js';

type DashboardDatabase = Omit<DeploymentDatabase, 'endpoints'> & { endpoints: EndpointsTable };
/** The counter tables and certificates share the visibility columns. */
type Visible = 'certificates' | 'certificate_tallies' | 'certificate_expiry_days';

const num = (v: unknown): number => Number(v ?? 0);
const dateOf = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(Number(v)));
const json = <T>(text: unknown, fallback: T): T => {
  if (typeof text !== 'string' || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/**
 * The dashboard's figures. Counts come from the certificate counters kept exact with every write
 * (`certificate_tallies` by status and kind, `certificate_expiry_days` by UTC day of notAfter),
 * so a million certificates cost a few thousand counter rows; only the day `now` falls in is
 * counted from the certificates themselves, over the (project, not_after) index. Weeks are a
 * GROUP BY on an expression of the day. Visibility as in the certificate list: the project's own
 * rows, plus other projects' Organization-scoped rows of its organization, read as two branches
 * so each uses its index.
 */
export class KyselyDashboardRepository implements DashboardRepository {
  private readonly db: Kysely<DashboardDatabase>;

  constructor(db: Executor) {
    // The deployment and endpoint tables are declared by their repositories (deployment-repository.ts, endpoint-repository.ts).
    this.db = db as unknown as Kysely<DashboardDatabase>;
  }

  /** The branch's visibility terms: own rows, or shared rows of the organization's other projects. */
  private branch<T extends Visible>(eb: ExpressionBuilder<DashboardDatabase, T>, own: boolean, s: DashboardScope): Expression<SqlBool> {
    const e = eb as unknown as ExpressionBuilder<DashboardDatabase, 'certificates'>;
    if (own) return e('project_id', '=', s.projectId);
    // The literal 1 (not a parameter) lets both planners use the partial indexes.
    return e.and([e('scope_id', '=', sql.lit(1)), e('organization_id', '=', s.organizationId), e('project_id', '<>', s.projectId)]);
  }

  private async bothBranches<R>(run: (own: boolean) => Promise<R[]>): Promise<R[]> {
    const [a, b] = await Promise.all([run(true), run(false)]);
    return [...a, ...b];
  }

  async countByStatusAndKind(s: DashboardScope): Promise<StatusKindCount[]> {
    const now = s.now.getTime();
    const today = Math.floor(now / DAY_MS);
    const stored = await this.bothBranches((own) =>
      this.db
        .selectFrom('certificate_tallies')
        .select(['status', 'kind', (eb) => eb.fn.sum<number>('count').as('n')])
        .where((eb) => this.branch(eb, own, s))
        .groupBy(['status', 'kind'])
        .execute(),
    );
    // Expired = issued with notAfter ≤ now: whole days before today from the day counters, today's part from the rows.
    const pastDays = await this.bothBranches((own) =>
      this.db
        .selectFrom('certificate_expiry_days')
        .select(['kind', (eb) => eb.fn.sum<number>('count').as('n')])
        .where((eb) => eb.and([this.branch(eb, own, s), eb('status', '=', 'issued'), eb('day', '<', today)]))
        .groupBy('kind')
        .execute(),
    );
    const earlierToday = await this.bothBranches((own) =>
      this.db
        .selectFrom('certificates')
        .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
        .where((eb) => eb.and([this.branch(eb, own, s), eb('not_after', '>=', today * DAY_MS), eb('not_after', '<=', now), eb('status', '=', 'issued')]))
        .groupBy('kind')
        .execute(),
    );
    const counts = new Map<string, StatusKindCount>();
    const add = (status: EffectiveStatus, kind: string, n: number) => {
      const key = `${status}|${kind}`;
      const c = counts.get(key) ?? { status, kind: kind as CertificateKind, count: 0 };
      c.count += n;
      counts.set(key, c);
    };
    for (const r of stored) add(r.status as EffectiveStatus, r.kind, num(r.n));
    for (const r of [...pastDays, ...earlierToday]) {
      add('expired', r.kind, num(r.n));
      add('issued', r.kind, -num(r.n));
    }
    return [...counts.values()].filter((c) => c.count !== 0);
  }

  async countByWeek(s: DashboardScope, weekStart: number, weeks: number): Promise<WeekCount[]> {
    const now = s.now.getTime();
    const today = Math.floor(now / DAY_MS);
    const startDay = Math.floor(weekStart / DAY_MS);
    const endDay = startDay + weeks * 7; // exclusive
    // Whole days after today: the week is an expression of the day (integer division; the cast keeps
    // it one on both). The start is a literal (an integer this code computed), not a parameter, so
    // PostgreSQL sees the GROUP BY expression as the selected one; it changes once a week.
    const week = sql<number>`cast((${sql.ref('day')} - ${sql.lit(startDay)}) / 7 as integer)`;
    const days = await this.bothBranches((own) =>
      this.db
        .selectFrom('certificate_expiry_days')
        .select([week.as('week'), 'status', 'kind', (eb) => eb.fn.sum<number>('count').as('n')])
        .where((eb) => eb.and([this.branch(eb, own, s), eb('day', '>', today), eb('day', '<', endDay)]))
        .groupBy([week, 'status', 'kind'])
        .execute(),
    );
    // The rest of today, from the rows.
    const rest = await this.bothBranches((own) =>
      this.db
        .selectFrom('certificates')
        .select(['status', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
        .where((eb) => eb.and([this.branch(eb, own, s), eb('not_after', '>', now), eb('not_after', '<', (today + 1) * DAY_MS)]))
        .groupBy(['status', 'kind'])
        .execute(),
    );
    const todayWeek = Math.floor((today - startDay) / 7);
    const out = new Map<string, WeekCount>();
    const add = (w: number, status: string, kind: string, n: number) => {
      if (w < 0 || w >= weeks || n === 0) return;
      const key = `${w}|${status}|${kind}`;
      const c = out.get(key) ?? { week: w, status: status as LifecycleStatus, kind: kind as CertificateKind, count: 0 };
      c.count += n;
      out.set(key, c);
    };
    for (const r of days) add(num(r.week), r.status, r.kind, num(r.n));
    for (const r of rest) add(todayWeek, r.status, r.kind, num(r.n));
    return [...out.values()].sort((a, b) => a.week - b.week || a.status.localeCompare(b.status) || a.kind.localeCompare(b.kind));
  }

  async attention(s: DashboardScope, limit: number, cap: number): Promise<AttentionGroup[]> {
    const groups: AttentionGroup[] = [];
    for (const [kind, query] of this.attentionQueries(s)) {
      const items = await query.limit(limit).execute();
      // Fewer than a page: that is the count. Else count, up to the cap, in SQL.
      let count = items.length;
      if (items.length >= limit) {
        const counted = await this.db
          .selectFrom(query.clearSelect().clearOrderBy().select(sql.lit(1).as('one')).limit(cap + 1).as('x'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        count = num(counted.n);
      }
      groups.push({ kind, count: Math.min(count, cap), capped: count > cap, items: items.map((r) => this.attentionRow(kind, r as Record<string, unknown>)) });
    }
    return groups;
  }

  /** Each kind's rows, newest first (its `since`), with the columns attentionRow reads. */
  private attentionQueries(s: DashboardScope): Array<[AttentionKind, SelectQueryBuilder<DashboardDatabase, any, Record<string, unknown>>]> {
    const db = this.db;
    const now = s.now.getTime();
    // Driven from the few managed certificates in trouble (partial indexes of migration 0018),
    // never from the project's certificates: a project may hold a million.
    const managed = () =>
      db
        .selectFrom('managed_certificates as mc')
        .innerJoin('certificates as c', 'c.id', 'mc.certificate_id')
        .where('c.project_id', '=', s.projectId);
    return [
      [
        'renewal_failed',
        // A failed attempt counts (failure_count), and a failed issuance sets the status with it.
        managed()
          .where('mc.failure_count', '>', sql.lit(0))
          .select(['c.id as id', 'c.domain_name as name', 'c.status as status', 'mc.failure_count as failures', 'mc.last_problem as problem', 'mc.next_attempt_at as next_at', 'mc.updated_at as since'])
          .orderBy('mc.updated_at', 'desc')
          .orderBy('c.id', 'desc'),
      ],
      [
        'dns_records_pending',
        managed()
          .where('mc.dns_records', '<>', sql.lit('[]'))
          .where('c.status', '=', 'validating')
          .where('mc.challenge_type', '=', 'dns-01')
          .select(['c.id as id', 'c.domain_name as name', 'mc.dns_records as records', (eb) => eb.fn.coalesce('mc.order_created_at', 'mc.updated_at').as('since')])
          .orderBy('since', 'desc')
          .orderBy('c.id', 'desc'),
      ],
      [
        'push_certificate_revoked',
        db
          .selectFrom('push_health as ph')
          .innerJoin('apps as a', 'a.id', 'ph.app_uuid')
          .innerJoin('certificates as c', 'c.id', 'ph.certificate_id')
          .where('a.project_id', '=', s.projectId)
          .where('ph.status', '=', 'revoked')
          // Only the certificate still bound in that environment: binding another one clears the verdict.
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('app_certificate_bindings as b')
                .select(sql.lit(1).as('one'))
                .whereRef('b.app_uuid', '=', 'ph.app_uuid')
                .whereRef('b.environment', '=', 'ph.environment')
                .whereRef('b.certificate_id', '=', 'ph.certificate_id'),
            ),
          )
          .select(['a.id as id', 'a.name as name', 'c.id as certificate_id', 'c.domain_name as domain', 'ph.environment as environment', 'ph.reason as reason', 'ph.observed_at as since'])
          .orderBy('ph.observed_at', 'desc')
          .orderBy('c.id', 'desc'),
      ],
      [
        'deployment_failed',
        db
          .selectFrom('deployments as d')
          .innerJoin('certificates as c', 'c.id', 'd.certificate_id')
          .where('d.project_id', '=', s.projectId)
          .where('d.status', '=', 'failed')
          // A failure at an earlier version is no longer the deployment's state (domain/deployment.ts).
          .whereRef('d.attempted_material_id', '=', 'c.ssl_certificate_id')
          .select(['d.id as id', 'd.name as name', 'c.id as certificate_id', 'd.attempts as attempts', 'd.last_error as error', 'd.last_attempt_at as since'])
          .orderBy('d.last_attempt_at', 'desc')
          .orderBy('d.id', 'desc'),
      ],
      [
        'deployment_stale',
        db
          .selectFrom('deployments as d')
          .innerJoin('certificates as c', 'c.id', 'd.certificate_id')
          .where('d.project_id', '=', s.projectId)
          .where('d.status', '=', 'deployed')
          .where('d.requested_at', 'is', null)
          .where('d.verified_at', 'is', null)
          .where('d.verify_deadline', '<=', now)
          .whereRef('d.deployed_material_id', '=', 'c.ssl_certificate_id')
          .select(['d.id as id', 'd.name as name', 'c.id as certificate_id', 'd.verify_deadline as since'])
          .orderBy('d.verify_deadline', 'desc')
          .orderBy('d.id', 'desc'),
      ],
      [
        'endpoint_unreachable',
        db
          .selectFrom('endpoints as e')
          .where('e.project_id', '=', s.projectId)
          .where('e.probe_error', 'is not', null)
          .select(['e.id as id', 'e.host as host', 'e.port as port', 'e.probe_error as error', 'e.certificate_id as certificate_id', 'e.probed_at as since'])
          .orderBy('e.probed_at', 'desc')
          .orderBy('e.id', 'desc'),
      ],
      [
        'channel_failing',
        db
          .selectFrom('notification_channels as ch')
          .innerJoin(
            (eb) =>
              eb
                .selectFrom('notification_deliveries as d')
                .select(['d.channel_id', (e) => e.fn.countAll<number>().as('failing'), (e) => e.fn.min('d.last_attempt_at').as('first_at')])
                .where('d.project_id', '=', s.projectId)
                .where('d.last_attempt_at', 'is not', null)
                .where((e) => e.or([e('d.status', '=', 'failed'), e.and([e('d.status', '=', 'pending'), e('d.attempts', '>', 0)])]))
                // Failures since the channel last delivered something: earlier ones are over.
                .where((e) =>
                  e(
                    'd.last_attempt_at',
                    '>',
                    e.fn.coalesce(
                      e.selectFrom('notification_deliveries as ok').select((o) => o.fn.max('ok.delivered_at').as('at')).whereRef('ok.channel_id', '=', 'd.channel_id').where('ok.status', '=', 'delivered'),
                      sql.lit(0),
                    ),
                  ),
                )
                .groupBy('d.channel_id')
                .as('f'),
            (join) => join.onRef('f.channel_id', '=', 'ch.id'),
          )
          .where('ch.project_id', '=', s.projectId)
          .select(['ch.id as id', 'ch.name as name', 'ch.type as type', 'f.failing as failing', 'f.first_at as since'])
          .orderBy('f.first_at', 'desc')
          .orderBy('ch.id', 'desc'),
      ],
    ] as Array<[AttentionKind, SelectQueryBuilder<DashboardDatabase, any, Record<string, unknown>>]>;
  }

  private attentionRow(kind: AttentionKind, r: Record<string, unknown>): AttentionRow {
    const since = dateOf(r.since);
    const certificateId = r.certificate_id === null || r.certificate_id === undefined ? null : Number(r.certificate_id);
    switch (kind) {
      case 'renewal_failed': {
        const problem = json<{ type?: string; detail?: string } | null>(r.problem, null);
        // Only the CA's detail: a DNS hook's stderr (hookStderr) is for admins on the certificate's page.
        return { kind, objectType: 'certificate', objectId: String(r.id), certificateId: Number(r.id), name: String(r.name), since, facts: { status: r.status, failures: num(r.failures), problem: problem?.detail ?? null, problemType: problem?.type ?? null, nextAttemptAt: dateOf(r.next_at)?.toISOString() ?? null } };
      }
      case 'dns_records_pending':
        return { kind, objectType: 'certificate', objectId: String(r.id), certificateId: Number(r.id), name: String(r.name), since, facts: { records: json<unknown[]>(r.records, []).length } };
      case 'push_certificate_revoked':
        return { kind, objectType: 'app', objectId: String(r.id), certificateId, name: String(r.name), since, facts: { environment: r.environment, reason: r.reason ?? null, domain: r.domain } };
      case 'deployment_failed': {
        const error = json<{ code?: string; message?: string } | null>(r.error, null);
        // Never the hook's stderr (admins only, on the deployment).
        return { kind, objectType: 'deployment', objectId: String(r.id), certificateId, name: String(r.name), since, facts: { attempts: num(r.attempts), code: error?.code ?? null, message: error?.message ?? null } };
      }
      case 'deployment_stale':
        return { kind, objectType: 'deployment', objectId: String(r.id), certificateId, name: String(r.name), since, facts: {} };
      case 'endpoint_unreachable':
        return { kind, objectType: 'endpoint', objectId: String(r.id), certificateId, name: `${String(r.host)}:${num(r.port)}`, since, facts: { code: r.error } };
      case 'channel_failing':
        return { kind, objectType: 'notification_channel', objectId: String(r.id), certificateId: null, name: String(r.name), since, facts: { type: r.type, failing: num(r.failing) } };
    }
  }

  async recentEvents(projectId: string, limit: number): Promise<AuditEvent[]> {
    // events_project_idx (project_id, id): the last `limit` entries of one index range.
    const rows = await this.db.selectFrom('events').selectAll().where('project_id', '=', projectId).orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => toEvent(r as EventRow));
  }
}
