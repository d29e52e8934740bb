import { sql, type Generated, type Kysely, type SelectQueryBuilder } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import { pullTargetTypes, type DeploymentError, type DeploymentStatus, type DeploymentTargetType } from '../../domain/deployment.js';
import type {
  AgentVersionRow,
  DeploymentRecord,
  DeploymentRepository,
  DeploymentTargetRecord,
  DeploymentUpdate,
  DeploymentWithCurrent,
  EndpointExpectation,
  NewDeployment,
  NewDeploymentTarget,
} from '../../ports/deployment-repository.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { Database, Executor } from '../database.js';
import { pageWindow } from './paging.js';

/** The tables of migration 0014 as Kysely sees them. */
export interface DeploymentTargetsTable {
  id: Generated<number>;
  project_id: string;
  organization_id: string;
  name: string;
  type: string;
  config: string;
  sealed_secret: Buffer | null;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
  updated_at: number;
}

export interface DeploymentsTable {
  id: Generated<number>;
  project_id: string;
  organization_id: string;
  target_id: number;
  certificate_id: number;
  name: string;
  status: string;
  deployed_material_id: string | null;
  deployed_fingerprint: string | null;
  deployed_at: number | null;
  attempted_material_id: string | null;
  attempts: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_error: string | null;
  requested_at: number | null;
  verified_at: number | null;
  verify_next_at: number | null;
  verify_deadline: number | null;
  created_at: number;
  updated_at: number;
}

export interface DeploymentEndpointsTable {
  deployment_id: number;
  endpoint_id: number;
}

export type DeploymentDatabase = Database & {
  deployment_targets: DeploymentTargetsTable;
  deployments: DeploymentsTable;
  deployment_endpoints: DeploymentEndpointsTable;
  endpoints: { id: number; project_id: string };
};

type TargetRow = Omit<DeploymentTargetsTable, 'id'> & { id: number };
type DeploymentRow = Omit<DeploymentsTable, 'id'> & { id: number };
type JoinedRow = DeploymentRow & { current_material_id: string; current_fingerprint: string };

const date = (v: number | string | null): Date | null => (v === null ? null : new Date(Number(v)));
const ms = (d: Date | null | undefined): number | null => (d ? d.getTime() : null);

function toTarget(row: TargetRow): DeploymentTargetRecord {
  return {
    id: Number(row.id),
    projectId: row.project_id,
    organizationId: row.organization_id,
    name: row.name,
    type: row.type as DeploymentTargetType,
    config: JSON.parse(row.config) as Record<string, unknown>,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function toDeployment(row: DeploymentRow, endpointIds: number[]): DeploymentRecord {
  return {
    id: Number(row.id),
    projectId: row.project_id,
    organizationId: row.organization_id,
    targetId: Number(row.target_id),
    certificateId: Number(row.certificate_id),
    name: row.name,
    endpointIds,
    status: row.status as DeploymentStatus,
    deployedMaterialId: row.deployed_material_id,
    deployedFingerprintSha256: row.deployed_fingerprint,
    deployedAt: date(row.deployed_at),
    attemptedMaterialId: row.attempted_material_id,
    attempts: Number(row.attempts),
    nextAttemptAt: date(row.next_attempt_at),
    lastAttemptAt: date(row.last_attempt_at),
    lastError: row.last_error === null ? null : (JSON.parse(row.last_error) as DeploymentError),
    requestedAt: date(row.requested_at),
    verifiedAt: date(row.verified_at),
    verifyNextAt: date(row.verify_next_at),
    verifyDeadline: date(row.verify_deadline),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function toWithCurrent(row: JoinedRow, endpointIds: number[]): DeploymentWithCurrent {
  // A managed slot before its first issuance has placeholder facts: no version yet.
  const issued = row.current_fingerprint !== '';
  return { ...toDeployment(row, endpointIds), currentMaterialId: issued ? row.current_material_id : null, currentFingerprintSha256: issued ? row.current_fingerprint : null };
}

/** Deployment targets and deployments (migration 0014). */
export class KyselyDeploymentRepository implements DeploymentRepository {
  private readonly db: Kysely<DeploymentDatabase>;

  constructor(db: Executor) {
    // The 0014 tables are declared here rather than in database.ts: only this repository (and the lease one) reads them.
    this.db = db as unknown as Kysely<DeploymentDatabase>;
  }

  // --- targets ---------------------------------------------------------------------------------

  async insertTarget(t: NewDeploymentTarget, sealedSecret: (id: number) => Buffer | null): Promise<DeploymentTargetRecord> {
    const row = await this.db
      .insertInto('deployment_targets')
      .values({
        project_id: t.projectId,
        organization_id: t.organizationId,
        name: t.name,
        type: t.type,
        config: JSON.stringify(t.config),
        sealed_secret: null,
        lease_owner: null,
        lease_until: null,
        created_at: t.createdAt.getTime(),
        updated_at: t.updatedAt.getTime(),
      })
      // A concurrent create of the same name loses here, without aborting a PostgreSQL transaction.
      .onConflict((oc) => oc.columns(['project_id', 'name']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw targetExists(t.name);
    const id = Number(row.id);
    // The secret's AAD names the target's id, known only now.
    const secret = sealedSecret(id);
    if (secret) await this.db.updateTable('deployment_targets').set({ sealed_secret: secret }).where('id', '=', id).execute();
    return toTarget(row);
  }

  async getTarget(projectId: string, id: number): Promise<{ target: DeploymentTargetRecord; sealedSecret: Buffer | null } | undefined> {
    const row = await this.db.selectFrom('deployment_targets').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    return row && { target: toTarget(row), sealedSecret: row.sealed_secret === null ? null : Buffer.from(row.sealed_secret) };
  }

  async listTargets(projectId: string): Promise<DeploymentTargetRecord[]> {
    const rows = await this.db.selectFrom('deployment_targets').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
    return rows.map(toTarget);
  }

  async updateTarget(t: DeploymentTargetRecord, sealedSecret: Buffer | null): Promise<void> {
    const taken = await this.db.selectFrom('deployment_targets').select('id').where('project_id', '=', t.projectId).where('name', '=', t.name).where('id', '<>', t.id).executeTakeFirst();
    if (taken) throw targetExists(t.name);
    await this.db
      .updateTable('deployment_targets')
      .set({ name: t.name, config: JSON.stringify(t.config), sealed_secret: sealedSecret, updated_at: t.updatedAt.getTime() })
      .where('project_id', '=', t.projectId)
      .where('id', '=', t.id)
      .execute();
  }

  async deleteTarget(projectId: string, id: number): Promise<boolean> {
    const used = await this.db.selectFrom('deployments').select((eb) => eb.fn.countAll<number>().as('n')).where('target_id', '=', id).executeTakeFirstOrThrow();
    if (Number(used.n) > 0) throw new AppError('deployment_target_in_use', `deployment target ${id} still has ${Number(used.n)} deployment(s); delete them first (their files stay where they are)`);
    const result = await this.db.deleteFrom('deployment_targets').where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async requestTarget(targetId: number, at: Date): Promise<void> {
    await this.db.updateTable('deployments').set({ requested_at: at.getTime(), updated_at: at.getTime() }).where('target_id', '=', targetId).execute();
  }

  // --- deployments -----------------------------------------------------------------------------

  async insertDeployment(d: NewDeployment): Promise<DeploymentRecord> {
    const row = await this.db
      .insertInto('deployments')
      .values({
        project_id: d.projectId,
        organization_id: d.organizationId,
        target_id: d.targetId,
        certificate_id: d.certificateId,
        name: d.name,
        status: d.status,
        deployed_material_id: d.deployedMaterialId,
        deployed_fingerprint: d.deployedFingerprintSha256,
        deployed_at: ms(d.deployedAt),
        attempted_material_id: d.attemptedMaterialId,
        attempts: d.attempts,
        next_attempt_at: ms(d.nextAttemptAt),
        last_attempt_at: ms(d.lastAttemptAt),
        last_error: d.lastError === null ? null : JSON.stringify(d.lastError),
        requested_at: ms(d.requestedAt),
        verified_at: ms(d.verifiedAt),
        verify_next_at: ms(d.verifyNextAt),
        verify_deadline: ms(d.verifyDeadline),
        created_at: d.createdAt.getTime(),
        updated_at: d.updatedAt.getTime(),
      })
      .onConflict((oc) => oc.columns(['target_id', 'name']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('deployment_already_exists', `the target already has a deployment named "${d.name}"; give another name`);
    const id = Number(row.id);
    const endpointIds = [...new Set(d.endpointIds)];
    if (endpointIds.length > 0) await this.db.insertInto('deployment_endpoints').values(endpointIds.map((endpoint_id) => ({ deployment_id: id, endpoint_id }))).execute();
    return toDeployment(row, endpointIds);
  }

  async getDeployment(projectId: string, id: number): Promise<DeploymentWithCurrent | undefined> {
    const row = await this.joined().where('d.project_id', '=', projectId).where('d.id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return toWithCurrent(row, (await this.endpointsOf([Number(row.id)])).get(Number(row.id)) ?? []);
  }

  async listDeployments(projectId: string, page: Page, filter: { targetId?: number; certificateId?: number } = {}): Promise<PageResult<DeploymentWithCurrent>> {
    const { limit, offset } = pageWindow(page);
    let rows = this.joined().where('d.project_id', '=', projectId);
    let count = this.db.selectFrom('deployments').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId);
    if (filter.targetId !== undefined) {
      rows = rows.where('d.target_id', '=', filter.targetId);
      count = count.where('target_id', '=', filter.targetId);
    }
    if (filter.certificateId !== undefined) {
      rows = rows.where('d.certificate_id', '=', filter.certificateId);
      count = count.where('certificate_id', '=', filter.certificateId);
    }
    const [found, total] = await Promise.all([rows.orderBy('d.id').limit(limit).offset(offset).execute(), count.executeTakeFirstOrThrow()]);
    return { items: await this.withEndpoints(found), totalCount: Number(total.n) };
  }

  async deleteDeployment(projectId: string, id: number): Promise<boolean> {
    // Its endpoint links go with it (explicitly: SQLite enforces foreign keys only when asked).
    const owned = await this.db.selectFrom('deployments').select('id').where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    if (!owned) return false;
    await this.db.deleteFrom('deployment_endpoints').where('deployment_id', '=', id).execute();
    const result = await this.db.deleteFrom('deployments').where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async updateDeployment(id: number, u: DeploymentUpdate): Promise<void> {
    const set: Partial<Record<keyof DeploymentsTable, unknown>> = { updated_at: u.updatedAt.getTime() };
    if (u.status !== undefined) set.status = u.status;
    if (u.deployedMaterialId !== undefined) set.deployed_material_id = u.deployedMaterialId;
    if (u.deployedFingerprintSha256 !== undefined) set.deployed_fingerprint = u.deployedFingerprintSha256;
    if (u.deployedAt !== undefined) set.deployed_at = ms(u.deployedAt);
    if (u.attemptedMaterialId !== undefined) set.attempted_material_id = u.attemptedMaterialId;
    if (u.attempts !== undefined) set.attempts = u.attempts;
    if (u.nextAttemptAt !== undefined) set.next_attempt_at = ms(u.nextAttemptAt);
    if (u.lastAttemptAt !== undefined) set.last_attempt_at = ms(u.lastAttemptAt);
    if (u.lastError !== undefined) set.last_error = u.lastError === null ? null : JSON.stringify(u.lastError);
    if (u.requestedAt !== undefined) set.requested_at = ms(u.requestedAt);
    if (u.verifiedAt !== undefined) set.verified_at = ms(u.verifiedAt);
    if (u.verifyNextAt !== undefined) set.verify_next_at = ms(u.verifyNextAt);
    if (u.verifyDeadline !== undefined) set.verify_deadline = ms(u.verifyDeadline);
    await this.db.updateTable('deployments').set(set as never).where('id', '=', id).execute();
  }

  // --- due work --------------------------------------------------------------------------------

  async listTargetsWithDueWork(now: Date, limit: number): Promise<number[]> {
    const t = now.getTime();
    const rows = await this.db
      .selectFrom('deployments as d')
      .innerJoin('certificates as c', 'c.id', 'd.certificate_id')
      .innerJoin('deployment_targets as t', 't.id', 'd.target_id')
      .select('d.target_id')
      .distinct()
      .where((eb) => eb.or([eb('t.lease_until', 'is', null), eb('t.lease_until', '<=', t)]))
      // A target whose agent pulls its certificates has nothing for the server to write, only endpoints to verify.
      .where((eb) => eb.or([eb.and([pushed(sql.ref('t.type')), dueToWrite(t)]), eb.and([eb('d.verify_next_at', 'is not', null), eb('d.verify_next_at', '<=', t)])]))
      .orderBy('d.target_id')
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.target_id));
  }

  async listDueDeployments(targetId: number, now: Date, limit: number): Promise<DeploymentWithCurrent[]> {
    const rows = await this.joined()
      .where('d.target_id', '=', targetId)
      .where(pushed(sql`(select type from deployment_targets where id = d.target_id)`))
      .where(dueToWrite(now.getTime()))
      .orderBy('d.id')
      .limit(limit)
      .execute();
    return this.withEndpoints(rows);
  }

  async listDueVerifications(targetId: number, now: Date, limit: number): Promise<DeploymentWithCurrent[]> {
    const rows = await this.joined()
      .where('d.target_id', '=', targetId)
      .where('d.verify_next_at', 'is not', null)
      .where('d.verify_next_at', '<=', now.getTime())
      .orderBy('d.verify_next_at')
      .limit(limit)
      .execute();
    return this.withEndpoints(rows);
  }

  async endpointExpectations(endpointIds: readonly number[]): Promise<EndpointExpectation[]> {
    if (endpointIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('deployment_endpoints as de')
      .innerJoin('deployments as d', 'd.id', 'de.deployment_id')
      .innerJoin('deployment_targets as t', 't.id', 'd.target_id')
      .select(['de.endpoint_id', 'd.id', 'd.name', 't.name as target_name', 'd.certificate_id', 'd.deployed_fingerprint', 'd.verify_deadline'])
      .where('de.endpoint_id', 'in', [...new Set(endpointIds)])
      .where('d.deployed_fingerprint', 'is not', null)
      .where('d.verify_deadline', 'is not', null)
      .orderBy('d.id')
      .execute();
    return rows.map((r) => ({
      endpointId: Number(r.endpoint_id),
      deploymentId: Number(r.id),
      deploymentName: r.name,
      targetName: r.target_name,
      certificateId: Number(r.certificate_id),
      fingerprintSha256: r.deployed_fingerprint!,
      verifyDeadline: new Date(Number(r.verify_deadline)),
    }));
  }

  // --- agents ----------------------------------------------------------------------------------

  async listForTarget(targetId: number, limit: number): Promise<Array<DeploymentWithCurrent & { domainName: string }>> {
    const rows = await this.joined().select('c.domain_name as domain_name').where('d.target_id', '=', targetId).orderBy('d.id').limit(limit).execute();
    const endpoints = await this.endpointsOf(rows.map((r) => Number(r.id)));
    return rows.map((r) => ({ ...toWithCurrent(r, endpoints.get(Number(r.id)) ?? []), domainName: (r as unknown as { domain_name: string }).domain_name }));
  }

  async agentVersions(targetIds: readonly number[]): Promise<AgentVersionRow[]> {
    const out: AgentVersionRow[] = [];
    const ids = [...new Set(targetIds)];
    // In chunks: a thousand waiting agents stay under either database's parameter limit.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('deployments as d')
        .innerJoin('certificates as c', 'c.id', 'd.certificate_id')
        .select(['d.target_id', 'd.id', 'd.name', 'd.requested_at', 'c.ssl_certificate_id', 'c.fingerprint_sha256'])
        .where('d.target_id', 'in', ids.slice(i, i + 500))
        .orderBy('d.target_id')
        .orderBy('d.id')
        .execute();
      for (const r of rows) {
        out.push({
          targetId: Number(r.target_id),
          deploymentId: Number(r.id),
          name: r.name,
          currentMaterialId: r.fingerprint_sha256 === '' ? null : r.ssl_certificate_id,
          requested: r.requested_at !== null,
        });
      }
    }
    return out;
  }

  async findDeployment(id: number): Promise<DeploymentWithCurrent | undefined> {
    const row = await this.joined().where('d.id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return toWithCurrent(row, (await this.endpointsOf([Number(row.id)])).get(Number(row.id)) ?? []);
  }

  // --- keys rotate -----------------------------------------------------------------------------

  async listSealedSecrets(): Promise<Array<{ targetId: number; sealedSecret: Buffer }>> {
    const rows = await this.db.selectFrom('deployment_targets').select(['id', 'sealed_secret']).where('sealed_secret', 'is not', null).orderBy('id').execute();
    return rows.map((r) => ({ targetId: Number(r.id), sealedSecret: Buffer.from(r.sealed_secret!) }));
  }

  async updateSealedSecret(targetId: number, sealedSecret: Buffer): Promise<void> {
    await this.db.updateTable('deployment_targets').set({ sealed_secret: sealedSecret }).where('id', '=', targetId).execute();
  }

  // --- internals -------------------------------------------------------------------------------

  private joined(): SelectQueryBuilder<DeploymentDatabase & { d: DeploymentsTable; c: Database['certificates'] }, 'd' | 'c', JoinedRow> {
    return this.db
      .selectFrom('deployments as d')
      .innerJoin('certificates as c', 'c.id', 'd.certificate_id')
      .selectAll('d')
      .select(['c.ssl_certificate_id as current_material_id', 'c.fingerprint_sha256 as current_fingerprint']) as never;
  }

  private async endpointsOf(ids: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (ids.length === 0) return out;
    // In chunks: a batch of thousands of deployments stays under either database's parameter limit.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db.selectFrom('deployment_endpoints').select(['deployment_id', 'endpoint_id']).where('deployment_id', 'in', ids.slice(i, i + 500)).orderBy('endpoint_id').execute();
      for (const r of rows) {
        const list = out.get(Number(r.deployment_id)) ?? [];
        list.push(Number(r.endpoint_id));
        out.set(Number(r.deployment_id), list);
      }
    }
    return out;
  }

  private async withEndpoints(rows: JoinedRow[]): Promise<DeploymentWithCurrent[]> {
    const endpoints = await this.endpointsOf(rows.map((r) => Number(r.id)));
    return rows.map((r) => toWithCurrent(r, endpoints.get(Number(r.id)) ?? []));
  }
}

/**
 * A deployment with a version to write at `t` (over `d` and `c`): its certificate is issued
 * (not a managed slot before its first issuance, not revoked) and a deploy was asked for, or the
 * current version was never written; and no backoff of failed attempts at that version runs.
 */
function dueToWrite(t: number) {
  return sql<boolean>`(c.status = 'issued' and c.fingerprint_sha256 <> ''
    and (d.requested_at is not null or d.deployed_material_id is null or d.deployed_material_id <> c.ssl_certificate_id)
    and (d.requested_at is not null or d.attempted_material_id is null or d.attempted_material_id <> c.ssl_certificate_id
         or d.next_attempt_at is null or d.next_attempt_at <= ${t}))`;
}

/** The target (its `type`, given as an expression) is one the server writes to: not one whose agent pulls. */
function pushed(type: ReturnType<typeof sql.ref> | ReturnType<typeof sql>) {
  return sql<boolean>`${type} not in (${sql.join(pullTargetTypes.map((t) => sql.lit(t)))})`;
}

function targetExists(name: string): AppError {
  return new AppError('deployment_target_already_exists', `the project already has a deployment target named "${name}"`);
}
