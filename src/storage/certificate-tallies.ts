import { sql } from 'kysely';
import { DAY_MS, type Executor } from './database.js';

/** The dimensions a certificate is counted under. */
export interface TallyKey {
  projectId: string;
  organizationId: string;
  scopeId: number;
  status: string;
  kind: string;
  source: string;
}

export interface TallyDelta extends TallyKey {
  /** Epoch ms; selects the day bucket. */
  notAfter: number;
  delta: number;
}

export function expiryDay(notAfterMs: number): number {
  return Math.floor(notAfterMs / DAY_MS);
}

/**
 * Applies count changes to `certificate_tallies` and `certificate_expiry_days`. Must run in the
 * transaction that changes the certificates, so the counts are exact. Deltas are merged and
 * applied in one fixed order, so two transactions touching the same counters lock them in the
 * same order (no deadlock on PostgreSQL).
 */
export async function applyTallyDeltas(db: Executor, deltas: readonly TallyDelta[]): Promise<void> {
  const tallies = new Map<string, { key: TallyKey; delta: number }>();
  const days = new Map<string, { key: TallyKey; day: number; delta: number }>();
  for (const d of deltas) {
    const key: TallyKey = { projectId: d.projectId, organizationId: d.organizationId, scopeId: d.scopeId, status: d.status, kind: d.kind, source: d.source };
    const k = JSON.stringify([d.projectId, d.scopeId, d.status, d.kind, d.source]);
    const t = tallies.get(k) ?? { key, delta: 0 };
    t.delta += d.delta;
    tallies.set(k, t);
    const day = expiryDay(d.notAfter);
    const dk = JSON.stringify([d.projectId, day, d.scopeId, d.status, d.kind, d.source]);
    const e = days.get(dk) ?? { key, day, delta: 0 };
    e.delta += d.delta;
    days.set(dk, e);
  }
  for (const k of [...tallies.keys()].sort()) {
    const { key, delta } = tallies.get(k)!;
    if (delta === 0) continue;
    await db
      .insertInto('certificate_tallies')
      .values({ project_id: key.projectId, organization_id: key.organizationId, scope_id: key.scopeId, status: key.status, kind: key.kind, source: key.source, count: delta })
      .onConflict((oc) =>
        oc.columns(['project_id', 'scope_id', 'status', 'kind', 'source']).doUpdateSet({ count: sql<number>`certificate_tallies.count + excluded.count` }),
      )
      .execute();
  }
  for (const k of [...days.keys()].sort()) {
    const { key, day, delta } = days.get(k)!;
    if (delta === 0) continue;
    await db
      .insertInto('certificate_expiry_days')
      .values({ project_id: key.projectId, organization_id: key.organizationId, scope_id: key.scopeId, status: key.status, kind: key.kind, source: key.source, day, count: delta })
      .onConflict((oc) =>
        oc.columns(['project_id', 'day', 'scope_id', 'status', 'kind', 'source']).doUpdateSet({ count: sql<number>`certificate_expiry_days.count + excluded.count` }),
      )
      .execute();
  }
}
