import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/app-error.js';
import type { Role } from '../../domain/role.js';
import type { Membership, MembershipSource } from '../../domain/user.js';
import type { Member, MembershipRepository, MembershipScope, MembershipView } from '../../ports/membership-repository.js';
import type { Executor, MembershipsTable } from '../database.js';

function toMembership(row: Pick<MembershipsTable, 'user_id' | 'organization_id' | 'project_id' | 'role' | 'created_at' | 'source'>): Membership {
  return { userId: row.user_id, organizationId: row.organization_id, projectId: row.project_id, role: row.role as Role, createdAt: new Date(Number(row.created_at)), source: (row.source ?? 'manual') as MembershipSource };
}

/** Users' roles; a scope is a project, or an organization's every project (project_id null). */
export class KyselyMembershipRepository implements MembershipRepository {
  constructor(private readonly db: Executor) {}

  private inScope(scope: MembershipScope) {
    const base = this.db.selectFrom('memberships').where('organization_id', '=', scope.organizationId);
    return scope.projectId === null ? base.where('project_id', 'is', null) : base.where('project_id', '=', scope.projectId);
  }

  async insert(m: Membership): Promise<Membership> {
    const row = await this.db
      .insertInto('memberships')
      .values({ id: randomUUID(), user_id: m.userId, organization_id: m.organizationId, project_id: m.projectId, role: m.role, created_at: m.createdAt.getTime(), source: m.source ?? 'manual' })
      // Either partial unique index: a concurrent add of the same member loses here, without aborting a PostgreSQL transaction.
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('member_already_exists', `the user already has a role in this ${m.projectId === null ? 'organization' : 'project'}`);
    return { ...m, source: m.source ?? 'manual' };
  }

  async listForUser(userId: string): Promise<Membership[]> {
    const rows = await this.db.selectFrom('memberships').select(['user_id', 'organization_id', 'project_id', 'role', 'created_at', 'source']).where('user_id', '=', userId).execute();
    return rows.map(toMembership);
  }

  async listViewsForUser(userId: string): Promise<MembershipView[]> {
    const rows = await this.db
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .leftJoin('projects as p', 'p.id', 'm.project_id')
      .select(['m.user_id', 'm.organization_id', 'm.project_id', 'm.role', 'm.created_at', 'm.source', 'o.name as organization_name', 'p.name as project_name'])
      .where('m.user_id', '=', userId)
      .execute();
    return rows
      .map((r) => ({ ...toMembership(r), organizationName: r.organization_name, projectName: r.project_name ?? null }))
      .sort((a, b) => cmp(a.organizationName, b.organizationName) || cmp(a.organizationId, b.organizationId) || cmp(a.projectName ?? '', b.projectName ?? '') || cmp(a.projectId ?? '', b.projectId ?? ''));
  }

  async listForScope(scope: MembershipScope): Promise<Member[]> {
    const rows = await this.inScope(scope)
      .innerJoin('users as u', 'u.id', 'memberships.user_id')
      .select(['memberships.user_id', 'memberships.organization_id', 'memberships.project_id', 'memberships.role', 'memberships.created_at', 'memberships.source', 'u.email', 'u.invitation_hash'])
      .orderBy('u.email')
      .execute();
    return rows.map((r) => ({ ...toMembership(r), email: r.email, pending: r.invitation_hash !== null }));
  }

  async get(userId: string, scope: MembershipScope): Promise<Membership | undefined> {
    const row = await this.inScope(scope).select(['user_id', 'organization_id', 'project_id', 'role', 'created_at', 'source']).where('user_id', '=', userId).executeTakeFirst();
    return row && toMembership(row);
  }

  async setRole(userId: string, scope: MembershipScope, role: Role, source: MembershipSource = 'manual'): Promise<boolean> {
    let q = this.db.updateTable('memberships').set({ role, source }).where('user_id', '=', userId).where('organization_id', '=', scope.organizationId);
    q = scope.projectId === null ? q.where('project_id', 'is', null) : q.where('project_id', '=', scope.projectId);
    return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
  }

  async delete(userId: string, scope: MembershipScope): Promise<boolean> {
    let q = this.db.deleteFrom('memberships').where('user_id', '=', userId).where('organization_id', '=', scope.organizationId);
    q = scope.projectId === null ? q.where('project_id', 'is', null) : q.where('project_id', '=', scope.projectId);
    return Number((await q.executeTakeFirst()).numDeletedRows) > 0;
  }

  async countForUser(userId: string): Promise<number> {
    const row = await this.db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** Bytewise, as both databases sort text here. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
