import { sql, type Kysely } from 'kysely';
import type { ClaimedWork, ClaimWindow, LeaseName, Leases, WorkQueue } from '../../ports/leases.js';
import type { Database, Executor } from '../database.js';
import { claimDueEndpoints } from './endpoint-repository.js';
import { claimDueDeliveries } from './notification-repository.js';
import { claimDuePushChecks } from './push-health-repository.js';

type Claim<Q extends WorkQueue> = (db: Executor, window: ClaimWindow, limit: number) => Promise<Array<ClaimedWork[Q]>>;

/** Each queue's claim, next to its table's row mapping. */
const claims: { [Q in WorkQueue]: Claim<Q> } = {
  probe: claimDueEndpoints,
  pushCheck: claimDuePushChecks,
  delivery: claimDueDeliveries,
};

/**
 * Leases over the columns of the rows they guard: `managed_certificates.lease_owner` /
 * `lease_expires_at` (issuance), `sweep_leases` (a project's sweep; the row is made by the
 * first lease), `notification_cursors.owner` / `lease_until` (dispatch: on PostgreSQL the UPDATE
 * keeps the cursor's row locked to the end of the transaction, so one project's dispatches are
 * serialized), `deployment_targets.lease_owner` / `lease_until` (deployment: one server writes to
 * and reloads a target at a time). Claims mark rows with the time they were claimed (`claimed_at`).
 */
export class KyselyLeaseRepository implements Leases {
  private readonly db: Kysely<Database>;

  constructor(db: Executor) {
    this.db = db;
  }

  async acquire(name: LeaseName, owner: string, now: Date, until: Date): Promise<boolean> {
    const t = now.getTime();
    switch (name.kind) {
      case 'issuance': {
        const result = await this.db
          .updateTable('managed_certificates')
          .set({ lease_owner: owner, lease_expires_at: until.getTime() })
          .where('certificate_id', '=', name.certificateId)
          .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', t), eb('lease_owner', '=', owner)]))
          .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      }
      case 'sweep': {
        const rows = await this.db
          .insertInto('sweep_leases')
          .values({ project_id: name.projectId, owner, lease_until: until.getTime(), next_due_at: 0, last_swept_at: null })
          .onConflict((oc) =>
            oc
              .column('project_id')
              .doUpdateSet({ owner, lease_until: until.getTime() })
              .where((eb) => eb.or([eb('sweep_leases.lease_until', '<=', t), eb('sweep_leases.owner', '=', owner), eb('sweep_leases.owner', 'is', null)])),
          )
          .returning('project_id')
          .execute();
        return rows.length === 1;
      }
      case 'dispatch': {
        const result = await sql`
          update notification_cursors set owner = ${owner}, lease_until = ${until.getTime()}
          where project_id = ${name.projectId} and (owner is null or owner = ${owner} or lease_until <= ${t})`.execute(this.db);
        return Number(result.numAffectedRows ?? 0) === 1;
      }
      case 'deployment': {
        const result = await sql`
          update deployment_targets set lease_owner = ${owner}, lease_until = ${until.getTime()}
          where id = ${name.targetId} and (lease_owner is null or lease_owner = ${owner} or lease_until is null or lease_until <= ${t})`.execute(this.db);
        return Number(result.numAffectedRows ?? 0) === 1;
      }
    }
  }

  async release(name: LeaseName, owner: string): Promise<void> {
    switch (name.kind) {
      case 'issuance':
        await this.db
          .updateTable('managed_certificates')
          .set({ lease_owner: null, lease_expires_at: null })
          .where('certificate_id', '=', name.certificateId)
          .where('lease_owner', '=', owner)
          .execute();
        return;
      case 'sweep':
        await this.db.updateTable('sweep_leases').set({ owner: null, lease_until: 0 }).where('project_id', '=', name.projectId).where('owner', '=', owner).execute();
        return;
      case 'dispatch':
        await sql`update notification_cursors set owner = null, lease_until = 0 where project_id = ${name.projectId} and owner = ${owner}`.execute(this.db);
        return;
      case 'deployment':
        await sql`update deployment_targets set lease_owner = null, lease_until = null where id = ${name.targetId} and lease_owner = ${owner}`.execute(this.db);
        return;
    }
  }

  claimDue<Q extends WorkQueue>(queue: Q, window: ClaimWindow, limit: number): Promise<Array<ClaimedWork[Q]>> {
    return (claims[queue] as Claim<Q>)(this.db, window, limit);
  }
}
