import type { Kysely } from 'kysely';
import type { ApnsEnvironment } from '../../domain/app.js';
import type { PushCheckOutcome, PushHealthSource, PushHealthStatus } from '../../domain/push-outcome.js';
import type { DuePushCheck, PushHealthKey, PushHealthRecord, PushHealthRepository, PushHealthVerdict } from '../../ports/push-health-repository.js';
import type { ClaimWindow } from '../../ports/leases.js';
import type { Database, Executor, PushHealthTable } from '../database.js';

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));
const keyColumns = (key: PushHealthKey) => ({ app_uuid: key.appUuid, environment: key.environment, certificate_id: key.certificateId });
const envRank = (e: string) => (e === 'production' ? 0 : 1);

function toRecord(r: PushHealthTable): PushHealthRecord {
  return {
    appUuid: r.app_uuid,
    environment: r.environment as ApnsEnvironment,
    certificateId: Number(r.certificate_id),
    status: r.status as PushHealthStatus | null,
    reason: r.reason,
    source: r.source as PushHealthSource | null,
    at: date(r.observed_at),
    checkedAt: date(r.checked_at),
    checkOutcome: r.check_outcome as PushCheckOutcome | null,
    checkDetail: r.check_detail,
  };
}

/** Push health of bound APNs certificates (migration 0005). */
export class KyselyPushHealthRepository implements PushHealthRepository {
  private readonly db: Kysely<Database>;

  constructor(db: Executor) {
    this.db = db;
  }

  async listForApp(appUuid: string): Promise<PushHealthVerdict[]> {
    return (await this.listRecordsForApp(appUuid))
      .filter((r): r is PushHealthRecord & { status: PushHealthStatus; at: Date } => r.status !== null && r.at !== null)
      .map((r) => ({ environment: r.environment, certificateId: r.certificateId, status: r.status, reason: r.reason, at: r.at }));
  }

  async listRecordsForApp(appUuid: string): Promise<PushHealthRecord[]> {
    const rows = await this.db
      .selectFrom('push_health as h')
      .selectAll('h')
      .where('h.app_uuid', '=', appUuid)
      // A verdict belongs to its certificate: only while that certificate is bound there.
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('app_certificate_bindings as b')
            .select('b.app_uuid')
            .whereRef('b.app_uuid', '=', 'h.app_uuid')
            .whereRef('b.environment', '=', 'h.environment')
            .whereRef('b.certificate_id', '=', 'h.certificate_id'),
        ),
      )
      .execute();
    return rows.map(toRecord).sort((a, b) => envRank(a.environment) - envRank(b.environment) || a.certificateId - b.certificateId);
  }

  async find(key: PushHealthKey): Promise<PushHealthRecord | undefined> {
    const row = await this.db
      .selectFrom('push_health')
      .selectAll()
      .where('app_uuid', '=', key.appUuid)
      .where('environment', '=', key.environment)
      .where('certificate_id', '=', key.certificateId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async putVerdict(key: PushHealthKey, v: { status: PushHealthStatus; reason: string | null; source: PushHealthSource; at: Date }): Promise<void> {
    const set = { status: v.status, reason: v.reason, source: v.source, observed_at: v.at.getTime() };
    await this.db
      .insertInto('push_health')
      .values({ ...keyColumns(key), ...set, checked_at: null, check_outcome: null, check_detail: null, check_claimed_at: null })
      .onConflict((oc) => oc.columns(['app_uuid', 'environment', 'certificate_id']).doUpdateSet(set))
      .execute();
  }

  async recordCheck(key: PushHealthKey, c: { checkedAt: Date; outcome: PushCheckOutcome; detail: string | null }): Promise<void> {
    const set = { checked_at: c.checkedAt.getTime(), check_outcome: c.outcome, check_detail: c.detail, check_claimed_at: null };
    await this.db
      .insertInto('push_health')
      .values({ ...keyColumns(key), status: null, reason: null, source: null, observed_at: null, ...set })
      .onConflict((oc) => oc.columns(['app_uuid', 'environment', 'certificate_id']).doUpdateSet(set))
      .execute();
  }

}

/** Leases' `pushCheck` queue: bound certificates last checked at or before `dueBefore` (or never), one conditional UPDATE per row. */
export async function claimDuePushChecks(db: Executor, { now, dueBefore, claimExpiredBefore }: ClaimWindow, limit: number): Promise<DuePushCheck[]> {
  const due = dueBefore.getTime();
  const expired = claimExpiredBefore.getTime();
  const candidates = await db
    .selectFrom('app_certificate_bindings as b')
    .innerJoin('apps as a', 'a.id', 'b.app_uuid')
    .innerJoin('certificates as c', 'c.id', 'b.certificate_id')
    .leftJoin('push_health as h', (j) =>
      j.onRef('h.app_uuid', '=', 'b.app_uuid').onRef('h.environment', '=', 'b.environment').onRef('h.certificate_id', '=', 'b.certificate_id'),
    )
    .select(['b.app_uuid', 'b.environment', 'b.certificate_id', 'a.app_id', 'a.project_id', 'a.organization_id'])
    .distinct()
    .where((eb) => eb.or([eb('h.checked_at', 'is', null), eb('h.checked_at', '<=', due)]))
    .where((eb) => eb.or([eb('h.check_claimed_at', 'is', null), eb('h.check_claimed_at', '<=', expired)]))
    .orderBy('b.app_uuid')
    .orderBy('b.environment')
    .orderBy('b.certificate_id')
    .limit(limit)
    .execute();
  const claimed: DuePushCheck[] = [];
  for (const c of candidates) {
    const key: PushHealthKey = { appUuid: c.app_uuid, environment: c.environment as ApnsEnvironment, certificateId: Number(c.certificate_id) };
    await db
      .insertInto('push_health')
      .values({ ...keyColumns(key), status: null, reason: null, source: null, observed_at: null, checked_at: null, check_outcome: null, check_detail: null, check_claimed_at: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // Lock, then check again: only one server's UPDATE matches the still-due, unclaimed row.
    const result = await db
      .updateTable('push_health')
      .set({ check_claimed_at: now.getTime() })
      .where('app_uuid', '=', key.appUuid)
      .where('environment', '=', key.environment)
      .where('certificate_id', '=', key.certificateId)
      .where((eb) => eb.or([eb('checked_at', 'is', null), eb('checked_at', '<=', due)]))
      .where((eb) => eb.or([eb('check_claimed_at', 'is', null), eb('check_claimed_at', '<=', expired)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push({ ...key, appId: c.app_id, projectId: c.project_id, organizationId: c.organization_id });
  }
  return claimed;
}
