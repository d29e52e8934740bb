import type { Kysely } from 'kysely';
import type { RevocationRecord, RevocationRepository } from '../../ports/store.js';
import type { Database, Executor, RevocationCacheTable } from '../database.js';

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));
const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());

function toRecord(r: RevocationCacheTable): RevocationRecord {
  return {
    certificateId: Number(r.certificate_id),
    materialId: r.material_id,
    status: r.status as RevocationRecord['status'],
    method: r.method as RevocationRecord['method'],
    url: r.url,
    reason: r.reason,
    revokedAt: date(r.revoked_at),
    thisUpdate: date(r.this_update),
    nextUpdate: date(r.next_update),
    detail: r.detail,
    checkedAt: new Date(Number(r.checked_at)),
    dueAt: new Date(Number(r.due_at)),
  };
}

/** The last revocation answer per certificate (migration 0008). */
export class KyselyRevocationRepository implements RevocationRepository {
  private readonly db: Kysely<Database>;

  constructor(db: Executor) {
    this.db = db;
  }

  async get(certificateId: number): Promise<RevocationRecord | undefined> {
    const row = await this.db.selectFrom('revocation_cache').selectAll().where('certificate_id', '=', certificateId).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async put(r: RevocationRecord): Promise<void> {
    const values = {
      material_id: r.materialId,
      status: r.status,
      method: r.method,
      url: r.url,
      reason: r.reason,
      revoked_at: ms(r.revokedAt),
      this_update: ms(r.thisUpdate),
      next_update: ms(r.nextUpdate),
      detail: r.detail,
      checked_at: r.checkedAt.getTime(),
      due_at: r.dueAt.getTime(),
    };
    await this.db
      .insertInto('revocation_cache')
      .values({ certificate_id: r.certificateId, ...values })
      .onConflict((oc) => oc.column('certificate_id').doUpdateSet(values))
      .execute();
  }

  async listDue(now: Date, limit: number): Promise<number[]> {
    const t = now.getTime();
    const rows = await this.db
      .selectFrom('certificates as c')
      .innerJoin('certificate_materials as m', 'm.id', 'c.ssl_certificate_id')
      .leftJoin('revocation_cache as r', 'r.certificate_id', 'c.id')
      .select(['c.id', 'r.due_at'])
      .where('c.status', '=', 'issued')
      .where('c.not_after', '>', t)
      .where('m.chain_sha256', 'is not', null)
      .where((eb) => eb.or([eb('r.certificate_id', 'is', null), eb('r.due_at', '<=', t), eb('r.material_id', '!=', eb.ref('c.ssl_certificate_id'))]))
      .orderBy('r.due_at')
      .orderBy('c.id')
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.id));
  }
}
