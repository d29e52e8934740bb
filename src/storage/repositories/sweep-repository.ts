import { sql, type RawBuilder } from 'kysely';
import { DAY_MS, LONG_LIFETIME_MS, fractionLabel, policyWindowMs, type NotificationPolicy } from '../../domain/notification-policy.js';
import type { NotificationPolicyRecord, SweepFired, SweepFiredEvent, SweepRepository } from '../../ports/sweep-repository.js';
import type { Atomic } from '../atomic.js';
import type { Executor } from '../database.js';
import type { SqlDialectAdapter } from '../dialect/sql-dialect-adapter.js';

/** A number written into SQL as a literal: validated finite numbers only (never caller text). */
function num(n: number): RawBuilder<number> {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return sql.raw(String(n));
}

/**
 * Sweeps over Kysely. `fire` holds the alert rule, its only copy (its table of cases:
 * test/storage/alert-rule.test.ts). For each issued certificate of the project at `now`:
 *
 * - A certificate living LONG_LIFETIME_MS (90 days) or more crosses the policy's whole days
 *   before notAfter (default 30, 14, 7, 3, 1); a shorter-lived one crosses fractions of its
 *   lifetime remaining (default 1/3, 1/6, 1/12), because fixed days are noise for 45-day and
 *   6-day certificates. A threshold is crossed once the time left is at most its amount; with
 *   no time left every certificate crosses `expired`.
 * - Only the most urgent threshold crossed fires (a certificate imported 5 days before expiry
 *   gets "7 days", not also 30 and 14), once per material (sslCertificateId): a new material
 *   fires again.
 * - A managed certificate whose renewal is scheduled before the crossed threshold's point
 *   (notAfter less its amount) does not alert unless its renewal has failed (failureCount > 0
 *   or a problem is recorded). `expired` always fires.
 * - A muted certificate fires as any other, but to be recorded, never sent: notify = 0, and its
 *   event's data says `muted: true`. Unmuting it re-arms the thresholds it fired while muted
 *   (`setMuted`), but not its expiry: the next sweep fires its most urgent crossed threshold again,
 *   this time to be sent.
 * - The policy's digest changes how events are sent, not which fire.
 *
 * Over the certificates whose notAfter lies before now + the policy's window (read from
 * certificates_sweep_idx alone, migration 0009), in two statements:
 *
 * 1. INSERT INTO notification_fired … SELECT … ON CONFLICT DO NOTHING: the threshold each
 *    certificate fires by the rule above. The primary key (certificate, material, threshold)
 *    makes each fire once, on every server;
 * 2. INSERT INTO events … SELECT over the same range, joined with this run's fired rows, RETURNING.
 *
 * Times are epoch ms integers; day thresholds compare with integer math, lifetime fractions
 * with double precision (the policy's fractions are JavaScript doubles).
 */
export class KyselySweepRepository implements SweepRepository {
  constructor(
    private readonly db: Executor,
    private readonly atomic: Atomic,
    private readonly adapter: SqlDialectAdapter,
  ) {}

  async getPolicy(projectId: string): Promise<NotificationPolicyRecord | undefined> {
    const row = await this.db.selectFrom('notification_policies').selectAll().where('project_id', '=', projectId).executeTakeFirst();
    if (!row) return undefined;
    return {
      projectId: row.project_id,
      thresholdDays: JSON.parse(row.threshold_days) as number[],
      lifetimeFractions: JSON.parse(row.lifetime_fractions) as number[],
      digest: Number(row.digest) === 1,
      updatedAt: new Date(Number(row.updated_at)),
    };
  }

  async putPolicy(record: NotificationPolicyRecord): Promise<void> {
    const values = {
      project_id: record.projectId,
      threshold_days: JSON.stringify(record.thresholdDays),
      lifetime_fractions: JSON.stringify(record.lifetimeFractions),
      digest: record.digest ? 1 : 0,
      updated_at: record.updatedAt.getTime(),
    };
    await this.db
      .insertInto('notification_policies')
      .values(values)
      .onConflict((oc) => oc.column('project_id').doUpdateSet({ threshold_days: values.threshold_days, lifetime_fractions: values.lifetime_fractions, digest: values.digest, updated_at: values.updated_at }))
      .execute();
  }

  async setMuted(certificateId: number, muted: boolean, at: Date): Promise<void> {
    if (muted) {
      await this.db.insertInto('certificate_mutes').values({ certificate_id: certificateId, muted_at: at.getTime() }).onConflict((oc) => oc.column('certificate_id').doNothing()).execute();
    } else {
      await this.db.deleteFrom('certificate_mutes').where('certificate_id', '=', certificateId).execute();
      // The alert rule (above): the thresholds recorded while muted fire again, the expiry does not.
      await this.db.deleteFrom('notification_fired').where('certificate_id', '=', certificateId).where('notify', '=', 0).where('threshold', '<>', 'expired').execute();
    }
  }

  async isMuted(certificateId: number): Promise<boolean> {
    const row = await this.db.selectFrom('certificate_mutes').select('certificate_id').where('certificate_id', '=', certificateId).executeTakeFirst();
    return row !== undefined;
  }

  async listMuted(projectId: string, certificateIds: readonly number[]): Promise<number[]> {
    const ids = [...new Set(certificateIds)];
    const muted: number[] = [];
    for (let from = 0; from < ids.length; from += 500) {
      const rows = await this.db
        .selectFrom('certificate_mutes as m')
        .innerJoin('certificates as c', 'c.id', 'm.certificate_id')
        .select('m.certificate_id')
        .where('m.certificate_id', 'in', ids.slice(from, from + 500))
        .where('c.project_id', '=', projectId)
        .execute();
      for (const r of rows) muted.push(Number(r.certificate_id));
    }
    return muted;
  }

  async fire(projectId: string, policy: NotificationPolicy, now: Date, runId: string, detailLimit = 1000): Promise<SweepFired> {
    // Its own transaction reads the project's whole range of the sweep index: a scan.
    return this.atomic((db) => this.fireIn(db, projectId, policy, now, runId, detailLimit), { scan: true });
  }

  private async fireIn(db: Executor, projectId: string, policy: NotificationPolicy, now: Date, runId: string, detailLimit: number): Promise<SweepFired> {
    const none: SweepFired = { expiring: 0, expired: 0, muted: 0, events: [] };
    const t = now.getTime();
    const remaining = sql`(c.not_after - ${num(t)})`;
    const lifetime = sql`(c.not_after - c.not_before)`;
    const double = this.adapter.doubleType;
    const days = [...policy.thresholdDays].sort((a, b) => a - b);
    const fractions = [...policy.lifetimeFractions].sort((a, b) => a - b);
    // Most urgent first: the first WHEN that matches is the threshold crossed.
    // An empty list: a CASE that never matches, typed (PostgreSQL types a bare NULL CASE as text).
    const noText = sql`when 1 = 0 then cast(null as text)`;
    const noPoint = sql`when 1 = 0 then cast(null as ${sql.raw(double)})`;
    const dayLabel = days.length ? sql.join(days.map((d) => sql`when ${remaining} <= ${num(d * DAY_MS)} then ${sql.lit(`days:${d}`)}`), sql` `) : noText;
    const dayPoint = days.length ? sql.join(days.map((d) => sql`when ${remaining} <= ${num(d * DAY_MS)} then c.not_after - ${num(d * DAY_MS)}`), sql` `) : noPoint;
    const fracOf = (f: number) => sql`cast(${lifetime} as ${sql.raw(double)}) * ${num(f)}`;
    const fracLabel = fractions.length ? sql.join(fractions.map((f) => sql`when ${remaining} <= ${fracOf(f)} then ${sql.lit(`fraction:${fractionLabel(f)}`)}`), sql` `) : noText;
    const fracPoint = fractions.length ? sql.join(fractions.map((f) => sql`when ${remaining} <= ${fracOf(f)} then c.not_after - ${fracOf(f)}`), sql` `) : noPoint;
    const long = sql`${lifetime} >= ${num(LONG_LIFETIME_MS)}`;
    const label = sql`case when ${remaining} <= 0 then 'expired' when ${long} then (case ${dayLabel} end) else (case ${fracLabel} end) end`;
    const point = sql`case when ${remaining} <= 0 then c.not_after when ${long} then (case ${dayPoint} end) else (case ${fracPoint} end) end`;
    const windowEnd = t + policyWindowMs(policy);

    // Already fired rows conflict and do nothing. Measured on 1M certificates (SQLite): sorting
    // by id or filtering with NOT EXISTS first made the steady-state sweep 2x slower for no gain.
    const fired = await sql`
      insert into notification_fired (certificate_id, ssl_certificate_id, threshold, project_id, run_id, notify, fired_at)
      select s.id, s.ssl_certificate_id, s.th, s.project_id, ${runId}, case when s.muted = 1 then 0 else 1 end, ${num(t)}
      from (
        select c.id, c.ssl_certificate_id, c.project_id, ${label} as th, ${point} as pt,
          case when exists (select 1 from certificate_mutes m where m.certificate_id = c.id) then 1 else 0 end as muted,
          mc.renew_at, mc.failure_count, mc.last_problem
        from certificates c
        left join managed_certificates mc on mc.certificate_id = c.id
        where c.project_id = ${projectId} and c.status = 'issued' and c.not_after <= ${num(windowEnd)}
      ) s
      where s.th is not null
        and (s.th = 'expired' or not (s.renew_at is not null and s.renew_at < s.pt and s.failure_count = 0 and s.last_problem is null))
      on conflict (certificate_id, ssl_certificate_id, threshold) do nothing`.execute(db);
    // Nothing new (the steady state): no second pass.
    if (Number(fired.numAffectedRows ?? 0) === 0) return none;

    // The events from this run's fired rows, walking the same index range as above (the
    // certificates_sweep_idx covers every column read: no table access) and probing the fired
    // table by its key; the project's organization is the certificates' (a certificate belongs to
    // its project's organization).
    const project = await db.selectFrom('projects').select('organization_id').where('id', '=', projectId).executeTakeFirst();
    const organizationId = project?.organization_id ?? null;
    // The run_id index stays out of this plan: it walks certificates_sweep_idx (see above).
    const runIdRef = this.adapter.withoutIndex('f.run_id');
    const iso = this.adapter.isoUtc(sql`c.not_after`);
    // Whole days left, rounded down (negative once expired), as domain/certificate.ts daysLeft.
    const daysLeft = sql`case when c.not_after >= ${num(t)} then (c.not_after - ${num(t)}) / ${num(DAY_MS)} else -((${num(t)} - c.not_after + ${num(DAY_MS - 1)}) / ${num(DAY_MS)}) end`;
    const facts = sql`'threshold', f.threshold, 'sslCertificateId', c.ssl_certificate_id, 'domainName', c.domain_name, 'notAfter', ${iso}, 'daysLeft', ${daysLeft}`;
    // A muted certificate's event says so: recorded, never sent (the dispatch leaves it out).
    const json = sql`case when f.notify = 0 then ${this.adapter.jsonObjectText(sql`${facts}, 'muted', ${this.adapter.jsonTrue}`)} else ${this.adapter.jsonObjectText(facts)} end`;
    // RETURNING the ids only: the data of 100,000s of events would only fill the heap.
    const result = await sql<{ id: number; object_id: string; type: string }>`
      insert into events (organization_id, project_id, type, actor, object_type, object_id, data, created_at)
      select ${organizationId}, c.project_id,
        case when f.threshold = 'expired' then 'certificate.expired' else 'certificate.expiring' end,
        'system', 'certificate', cast(c.id as text), ${json}, ${num(t)}
      from certificates c
      join notification_fired f on f.certificate_id = c.id and f.ssl_certificate_id = c.ssl_certificate_id
      where c.project_id = ${projectId} and c.status = 'issued' and c.not_after <= ${num(windowEnd)} and ${runIdRef} = ${runId}
      returning id, object_id, type`.execute(db);
    if (result.rows.length === 0) return none;
    const muted = await db.selectFrom('notification_fired').select('certificate_id').where('run_id', '=', runId).where('notify', '=', 0).execute();
    const silent = new Set(muted.map((m) => Number(m.certificate_id)));
    let expiring = 0;
    let mutedEvents = 0;
    for (const r of result.rows) {
      if (r.type === 'certificate.expiring') expiring++;
      if (silent.has(Number(r.object_id))) mutedEvents++;
    }
    const first = result.rows.sort((a, b) => Number(a.id) - Number(b.id)).slice(0, Math.max(0, detailLimit));
    const data = new Map<number, string>();
    for (let from = 0; from < first.length; from += 500) {
      const ids = first.slice(from, from + 500).map((r) => Number(r.id));
      for (const row of await db.selectFrom('events').select(['id', 'data']).where('id', 'in', ids).execute()) data.set(Number(row.id), row.data);
    }
    return {
      expiring,
      expired: result.rows.length - expiring,
      muted: mutedEvents,
      events: first.map(
        (r): SweepFiredEvent => ({
          eventId: Number(r.id),
          type: r.type,
          certificateId: Number(r.object_id),
          notify: !silent.has(Number(r.object_id)),
          data: JSON.parse(data.get(Number(r.id)) ?? '{}') as Record<string, unknown>,
          createdAt: now,
        }),
      ),
    };
  }

  async nextSweepDue(projectId: string): Promise<Date | undefined> {
    const row = await this.db.selectFrom('sweep_leases').select('next_due_at').where('project_id', '=', projectId).executeTakeFirst();
    return row && new Date(Number(row.next_due_at));
  }

  async recordSwept(projectId: string, sweptAt: Date, nextDueAt: Date): Promise<void> {
    await this.db.updateTable('sweep_leases').set({ next_due_at: nextDueAt.getTime(), last_swept_at: sweptAt.getTime() }).where('project_id', '=', projectId).execute();
  }

  async listDueProjects(now: Date, limit: number): Promise<string[]> {
    const t = now.getTime();
    const rows = await this.db
      .selectFrom('projects as p')
      .leftJoin('sweep_leases as l', 'l.project_id', 'p.id')
      .select(['p.id', 'l.next_due_at'])
      .where((eb) => eb.or([eb('l.project_id', 'is', null), eb.and([eb('l.next_due_at', '<=', t), eb.or([eb('l.owner', 'is', null), eb('l.lease_until', '<=', t)])])]))
      .orderBy(sql`coalesce(l.next_due_at, 0)`)
      .orderBy('p.id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
