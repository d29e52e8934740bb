import { sql, type RawBuilder } from 'kysely';
import { DAY_MS, LONG_LIFETIME_MS, fractionLabel, policyWindowMs, type NotificationPolicy } from '../../domain/notification-policy.js';
import type { NotificationPolicyRecord, SweepChunking, SweepFired, SweepFiredEvent, SweepRepository } from '../../ports/sweep-repository.js';
import type { Atomic, ScanSession } from '../atomic.js';
import type { Executor } from '../database.js';
import type { ChunkFiredRow, SqlDialectAdapter } from '../dialect/sql-dialect-adapter.js';
import { UNNAMED } from '../pg-prepared.js';

/** A number written into SQL as a literal: validated finite numbers only (never caller text). */
function num(n: number): RawBuilder<number> {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return sql.raw(String(n));
}

/** This sweep's SQL (KyselySweepRepository.statements). */
interface SweepStatements {
  projectId: string;
  runId: string;
  /** now, epoch ms. */
  t: number;
  /** The candidates' notAfter is at most this (now + the policy's window). */
  windowEnd: number;
  /** The threshold a certificate `c` crosses, or null. */
  label: RawBuilder<unknown>;
  /** The crossed threshold's point in time (notAfter less its amount). */
  point: RawBuilder<unknown>;
  /** An event's data from its certificate `c` and fired row `f`, as JSON text. */
  eventData: RawBuilder<unknown>;
}

/** Where a sweep's next chunk starts, in notAfter order (see `nextChunk`). */
interface ChunkStart {
  /** Every candidate whose notAfter is at most this one is swept (undefined: none yet). */
  after?: number;
  /** Set while the candidates sharing this notAfter are taken by id… */
  notAfter?: number;
  /** …those up to this id being swept (undefined: none yet). */
  afterId?: number;
}

/**
 * One chunk's candidates: notAfter in (after, through] or (after, before), or, for a notAfter
 * many share, ids in (afterId, throughId] of that notAfter (an absent bound does not bound);
 * and where the next chunk starts (absent: this one ends the sweep).
 */
interface Chunk {
  after?: number;
  through?: number;
  before?: number;
  notAfter?: number;
  afterId?: number;
  throughId?: number;
  next?: ChunkStart;
}

/**
 * Candidates in a sweep's first chunk: on SQLite a first sweep over a freshly loaded inventory
 * fires nearly every candidate (about 10 µs each with its event), so 256 take about 3 ms.
 */
const FIRST_CHUNK = 256;
/** Below this a chunk's own statements (about 0.2 ms) would cost more than its candidates. */
const MIN_CHUNK = 64;
const MAX_CHUNK = 16_384;

/** The next chunk's size after one of `size` took `ms`: towards `aimMs`, growing at most twofold. */
function nextChunkSize(size: number, ms: number, aimMs: number): number {
  const fit = Math.round((size * aimMs) / Math.max(ms, 0.1));
  return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, 2 * size, fit));
}

interface FirstEvent {
  id: number;
  type: string;
  certificateId: number;
  notify: boolean;
  /** The event's data, JSON text. */
  data: string;
}

/** An event a chunk recorded; its data only while the sweep's tally keeps events (`keepsMore`). */
interface ChunkEvent {
  id: number;
  object_id: string;
  type: string;
  data?: string;
}

/** What a sweep's chunks fired, added up: every event counted, the first `limit` by id kept. */
class FiredTally {
  private expiring = 0;
  private expired = 0;
  private muted = 0;
  private first: FirstEvent[] = [];

  constructor(private readonly limit: number) {}

  /**
   * Whether the next chunk's events may be kept, so it returns their data too. Ids grow from
   * chunk to chunk: once `limit` are kept, later chunks add none, and return their ids only
   * (the data of 100,000s of events would only fill the heap).
   */
  get keepsMore(): boolean {
    return this.first.length < this.limit;
  }

  /** One chunk's fired rows and their events (a chunk's events are those of its own fired rows). */
  add(fired: readonly ChunkFiredRow[], events: readonly ChunkEvent[]): void {
    // The certificates fired for muted: recorded, not to be sent.
    const silent = new Set(fired.filter((f) => Number(f.notify) === 0).map((f) => Number(f.certificate_id)));
    const rows = events.map((r): FirstEvent => ({ id: Number(r.id), type: r.type, certificateId: Number(r.object_id), notify: !silent.has(Number(r.object_id)), data: r.data ?? '{}' }));
    for (const r of rows) {
      if (r.type === 'certificate.expiring') this.expiring++;
      else this.expired++;
      if (!r.notify) this.muted++;
    }
    if (this.limit <= 0 || rows.length === 0) return;
    rows.sort((a, b) => a.id - b.id);
    // Ids grow from chunk to chunk: once `limit` are kept, later chunks add none.
    if (this.first.length >= this.limit && rows[0].id > this.first[this.first.length - 1].id) return;
    this.first = [...this.first, ...rows].sort((a, b) => a.id - b.id).slice(0, this.limit);
  }

  /** The sweep's result. */
  result(now: Date): SweepFired {
    return {
      expiring: this.expiring,
      expired: this.expired,
      muted: this.muted,
      events: this.first.map(
        (r): SweepFiredEvent => ({
          eventId: r.id,
          type: r.type,
          certificateId: r.certificateId,
          notify: r.notify,
          data: JSON.parse(r.data) as Record<string, unknown>,
          createdAt: now,
        }),
      ),
    };
  }
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
 * certificates_sweep_idx alone, migration 0009), taken in chunks of consecutive notAfter values
 * (`nextChunk`), each in its own transaction with two statements:
 *
 * 1. INSERT INTO notification_fired … SELECT … ON CONFLICT DO NOTHING: the threshold each
 *    certificate fires by the rule above. The primary key (certificate, material, threshold)
 *    makes each fire once, on every server;
 * 2. INSERT INTO events … SELECT over the same range, joined with the rows 1 fired (the dialect
 *    says how: SqlDialectAdapter.joinChunkFired), RETURNING.
 *
 * A chunk is a range of notAfter, and a certificate's notAfter changes only with its material
 * (sslCertificateId, part of the join in 2): so the events of a chunk are those of the rows it
 * fired, even though the certificates change between chunks.
 *
 * Times are epoch ms integers; day thresholds compare with integer math, lifetime fractions
 * with double precision (the policy's fractions are JavaScript doubles).
 */
export class KyselySweepRepository implements SweepRepository {
  constructor(
    private readonly db: Executor,
    private readonly atomic: Atomic,
    private readonly adapter: SqlDialectAdapter,
    private readonly scan: ScanSession,
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

  async fire(projectId: string, policy: NotificationPolicy, now: Date, runId: string, detailLimit = 1000, chunking: SweepChunking = {}): Promise<SweepFired> {
    const statements = this.statements(projectId, policy, now, runId);
    // The project's organization is its certificates' (a certificate belongs to its project's organization).
    const project = await this.db.selectFrom('projects').select('organization_id').where('id', '=', projectId).executeTakeFirst();
    const organizationId = project?.organization_id ?? null;
    const fixed = chunking.candidates;
    if (fixed !== undefined && !(Number.isInteger(fixed) && fixed >= 1)) throw new Error(`not a chunk size: ${fixed}`);
    const tally = new FiredTally(detailLimit);
    await this.scan(async () => {
      let size = fixed ?? FIRST_CHUNK;
      for (let from: ChunkStart | undefined = {}; from; ) {
        const start: ChunkStart = from;
        // Timed from inside the transaction: waiting for the connection is not the chunk's work.
        let started = 0;
        const done = await this.atomic(async (db) => {
          started = performance.now();
          const chunk = await this.nextChunk(db, statements, start, size);
          return { next: chunk.next, ...(await this.fireChunk(db, statements, organizationId, chunk, tally.keepsMore)) };
        }, { scan: true });
        tally.add(done.fired, done.events);
        from = done.next;
        if (!from) break;
        if (fixed === undefined) size = nextChunkSize(size, performance.now() - started, this.adapter.sweepChunkMs);
        // The event loop is free between chunks: requests waiting on it run now.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await chunking.between?.();
      }
    });
    return tally.result(now);
  }

  /** This sweep's SQL: the rule's CASE expressions at `now`, and the candidates' window. */
  private statements(projectId: string, policy: NotificationPolicy, now: Date, runId: string): SweepStatements {
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
    const iso = this.adapter.isoUtc(sql`c.not_after`);
    // Whole days left, rounded down (negative once expired), as domain/certificate.ts daysLeft.
    const daysLeft = sql`case when c.not_after >= ${num(t)} then (c.not_after - ${num(t)}) / ${num(DAY_MS)} else -((${num(t)} - c.not_after + ${num(DAY_MS - 1)}) / ${num(DAY_MS)}) end`;
    const facts = sql`'threshold', f.threshold, 'sslCertificateId', c.ssl_certificate_id, 'domainName', c.domain_name, 'notAfter', ${iso}, 'daysLeft', ${daysLeft}`;
    return {
      projectId,
      runId,
      t,
      windowEnd: t + policyWindowMs(policy),
      label: sql`case when ${remaining} <= 0 then 'expired' when ${long} then (case ${dayLabel} end) else (case ${fracLabel} end) end`,
      point: sql`case when ${remaining} <= 0 then c.not_after when ${long} then (case ${dayPoint} end) else (case ${fracPoint} end) end`,
      // A muted certificate's event says so: recorded, never sent (the dispatch leaves it out).
      eventData: sql`case when f.notify = 0 then ${this.adapter.jsonObjectText(sql`${facts}, 'muted', ${this.adapter.jsonTrue}`)} else ${this.adapter.jsonObjectText(facts)} end`,
    };
  }

  /**
   * The chunk starting at `from`: the next `size` candidates in notAfter order (read from the
   * sweep index alone), up to the end of their last notAfter; where `size` or more candidates
   * share one notAfter (a batch of certificates minted alike), that notAfter's candidates are
   * taken `size` at a time by id instead, so no chunk grows past about twice `size`.
   */
  private async nextChunk(db: Executor, s: SweepStatements, from: ChunkStart, size: number): Promise<Chunk> {
    const candidates = db.selectFrom('certificates').where('project_id', '=', s.projectId).where('status', '=', 'issued').where('not_after', '<=', s.windowEnd);
    if (from.notAfter !== undefined) {
      const tied = candidates.where('not_after', '=', from.notAfter);
      const last = await (from.afterId === undefined ? tied : tied.where('id', '>', from.afterId)).select('id').orderBy('id').limit(1).offset(size - 1).executeTakeFirst();
      if (last) return { notAfter: from.notAfter, afterId: from.afterId, throughId: Number(last.id), next: { notAfter: from.notAfter, afterId: Number(last.id) } };
      return { notAfter: from.notAfter, afterId: from.afterId, next: { after: from.notAfter } };
    }
    const after = from.after === undefined ? candidates : candidates.where('not_after', '>', from.after);
    const last = await after.select('not_after').orderBy('not_after').limit(1).offset(size - 1).executeTakeFirst();
    // The last chunk: the rest of the window.
    if (!last) return { after: from.after };
    const notAfter = Number(last.not_after);
    const tied = await db
      .selectFrom(candidates.where('not_after', '=', notAfter).select('id').limit(size).as('t'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(tied.n) < size) return { after: from.after, through: notAfter, next: { after: notAfter } };
    return { after: from.after, before: notAfter, next: { notAfter } };
  }

  /**
   * The chunk's candidates, as a condition on the certificates `c`, its bounds as parameters (one
   * statement text per shape): the window's end only where the chunk has no upper bound of its
   * own. A second upper bound made SQLite's planner skip-scan the sweep index (`ANY(project_id)`)
   * instead of seeking the project: 18 ms instead of 0.2 for the first chunk over 1M certificates.
   */
  private inChunk(s: SweepStatements, chunk: Chunk): RawBuilder<unknown> {
    const parts: RawBuilder<unknown>[] = [sql`c.project_id = ${s.projectId}`, sql`c.status = 'issued'`];
    if (chunk.notAfter !== undefined) {
      parts.push(sql`c.not_after = ${chunk.notAfter}`);
      if (chunk.afterId !== undefined) parts.push(sql`c.id > ${chunk.afterId}`);
      if (chunk.throughId !== undefined) parts.push(sql`c.id <= ${chunk.throughId}`);
    } else {
      if (chunk.after !== undefined) parts.push(sql`c.not_after > ${chunk.after}`);
      if (chunk.through !== undefined) parts.push(sql`c.not_after <= ${chunk.through}`);
      else if (chunk.before !== undefined) parts.push(sql`c.not_after < ${chunk.before}`);
      else parts.push(sql`c.not_after <= ${num(s.windowEnd)}`);
    }
    return sql.join(parts, sql` and `);
  }

  /** The rule over one chunk's candidates: its new fired rows and their events. */
  private async fireChunk(db: Executor, s: SweepStatements, organizationId: string | null, chunk: Chunk, withData: boolean): Promise<{ fired: ChunkFiredRow[]; events: ChunkEvent[] }> {
    const inChunk = this.inChunk(s, chunk);
    // Already fired rows conflict and do nothing. Measured on 1M certificates (SQLite): sorting
    // by id or filtering with NOT EXISTS first made the steady-state sweep 2x slower for no gain.
    const fired = await sql<ChunkFiredRow>`${sql.raw(UNNAMED)}
      insert into notification_fired (certificate_id, ssl_certificate_id, threshold, project_id, run_id, notify, fired_at)
      select s.id, s.ssl_certificate_id, s.th, s.project_id, ${s.runId}, case when s.muted = 1 then 0 else 1 end, ${num(s.t)}
      from (
        select c.id, c.ssl_certificate_id, c.project_id, ${s.label} as th, ${s.point} as pt,
          case when exists (select 1 from certificate_mutes m where m.certificate_id = c.id) then 1 else 0 end as muted,
          mc.renew_at, mc.failure_count, mc.last_problem
        from certificates c
        left join managed_certificates mc on mc.certificate_id = c.id
        where ${inChunk}
      ) s
      where s.th is not null
        and (s.th = 'expired' or not (s.renew_at is not null and s.renew_at < s.pt and s.failure_count = 0 and s.last_problem is null))
      on conflict (certificate_id, ssl_certificate_id, threshold) do nothing
      returning certificate_id, ssl_certificate_id, threshold, notify`.execute(db);
    // Nothing new (the steady state): no second pass.
    if (fired.rows.length === 0) return { fired: [], events: [] };

    // The events of the rows fired, over the same range of certificates, with their data while
    // the sweep's result still keeps events (read back afterwards, the first 1,000 took 40 ms
    // on the event loop: the planner statistics of a table that just grew from nothing say
    // "scan it").
    const events = await sql<ChunkEvent>`${sql.raw(UNNAMED)}
      insert into events (organization_id, project_id, type, actor, object_type, object_id, data, created_at)
      select ${organizationId}, c.project_id,
        case when f.threshold = 'expired' then 'certificate.expired' else 'certificate.expiring' end,
        'system', 'certificate', cast(c.id as text), ${s.eventData}, ${num(s.t)}
      from certificates c
      ${this.adapter.joinChunkFired(fired.rows, s.runId)}
      where ${inChunk}
      returning id, object_id, type${withData ? sql`, data` : sql``}`.execute(db);
    return { fired: fired.rows, events: events.rows };
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
