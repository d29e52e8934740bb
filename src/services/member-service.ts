import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { Role } from '../domain/role.js';
import type { Clock } from '../ports/clock.js';
import type { Member, MembershipScope } from '../ports/membership-repository.js';
import type { Repositories, Store } from '../ports/store.js';
import type { UserRecord } from '../ports/user-repository.js';
import type { AccessService } from './access-service.js';
import { emailOf, newInvitation, type Invitation } from './account-service.js';
import { actorOf, organizationRole, seesOrganization, type Principal } from './principal.js';
import { accountEvent } from './session-service.js';
import { hashToken } from './session-secret.js';

/** Which members: a project's own, or an organization's organization-wide ones. */
export type MembersOf = { projectId: string } | { organizationId: string };

/** A member added by `addMember`, with the invitation when the email had no usable account yet. */
export interface AddedMember {
  member: Member;
  invitation?: Invitation;
}

/**
 * Members of projects and organizations: users with a role (viewer, editor, admin), meaning what
 * an API key of that role means there. Project admins manage a project's members; organization-
 * wide admins (keys or members) and superusers an organization's. A member's role applies at the
 * member's next request (memberships are read on every request of a session).
 *
 * Adding an email that has no account invites it: an account without a password is made, as a
 * pending member, with a one-time invitation token returned once (the admin shares the link
 * `/invite#TOKEN`; `AccountService.acceptInvitation` sets the password). The member exists at
 * once, so its role can be changed or removed before it is accepted; adding a still-pending
 * account elsewhere returns a new token, which replaces the earlier one. Removing a pending
 * member's last membership deletes the account: the invitation is withdrawn.
 */
export class MemberService {
  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly options: { invitationTtlMs: number },
  ) {}

  async listMembers(principal: Principal, of: MembersOf): Promise<Member[]> {
    return this.store.memberships.listForScope(await this.authorize(principal, of));
  }

  async addMember(principal: Principal, of: MembersOf, emailInput: string, role: Role): Promise<AddedMember> {
    const scope = await this.authorize(principal, of);
    const email = emailOf(emailInput);
    const now = this.clock.now();
    const actor = actorOf(principal);
    return this.store.transaction(async (tx) => {
      let user: UserRecord | undefined = await tx.users.findByEmail(email);
      let invitation: Invitation | undefined;
      if (!user || user.invitationHash !== null) invitation = newInvitation(now, this.options.invitationTtlMs);
      if (!user) {
        user = { id: randomUUID(), email, superuser: false, passwordHash: null, invitationHash: hashToken(invitation!.token), invitationExpiresAt: invitation!.expiresAt, createdAt: now };
        await tx.users.insert(user);
        await tx.events.append(accountEvent(actor, 'user.created', 'user', user.id, { email, superuser: false, invited: true }, now));
      } else if (invitation) {
        await tx.users.setInvitation(user.id, hashToken(invitation.token), invitation.expiresAt);
      }
      await tx.memberships.insert({ userId: user.id, ...scope, role, createdAt: now });
      await tx.events.append(memberEvent(actor, scope, 'member.added', user.id, { email, role, invited: invitation !== undefined }, now));
      return { member: { userId: user.id, ...scope, role, createdAt: now, email, pending: user.invitationHash !== null || invitation !== undefined }, invitation };
    });
  }

  async updateMember(principal: Principal, of: MembersOf, userId: string, role: Role): Promise<Member> {
    const scope = await this.authorize(principal, of);
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const before = await this.member(tx, scope, userId);
      if (before.role !== role) {
        await tx.memberships.setRole(userId, scope, role);
        await tx.events.append(memberEvent(actorOf(principal), scope, 'member.updated', userId, { email: before.email, role: { from: before.role, to: role } }, now));
      }
      return { ...before, role };
    });
  }

  async removeMember(principal: Principal, of: MembersOf, userId: string): Promise<Member> {
    const scope = await this.authorize(principal, of);
    const now = this.clock.now();
    const actor = actorOf(principal);
    return this.store.transaction(async (tx) => {
      const member = await this.member(tx, scope, userId);
      await tx.memberships.delete(userId, scope);
      await tx.events.append(memberEvent(actor, scope, 'member.removed', userId, { email: member.email, role: member.role }, now));
      const user = await tx.users.get(userId);
      if (user && user.invitationHash !== null && !user.superuser && (await tx.memberships.countForUser(userId)) === 0) {
        await tx.users.delete(userId);
        await tx.events.append(accountEvent(actor, 'user.deleted', 'user', userId, { email: user.email, invitationWithdrawn: true }, now));
      }
      return member;
    });
  }

  private async member(repos: Repositories, scope: MembershipScope, userId: string): Promise<Member> {
    const membership = await repos.memberships.get(userId, scope);
    const user = membership && (await repos.users.get(userId));
    if (!membership || !user) throw new AppError('member_not_found', `user ${userId} has no role of their own here`);
    return { ...membership, email: user.email, pending: user.invitationHash !== null };
  }

  /** The scope, if the principal administers it: project admins a project's, organization-wide admins an organization's. */
  private async authorize(principal: Principal, of: MembersOf): Promise<MembershipScope> {
    if ('projectId' in of) {
      const project = await this.access.authorizeProject(principal, of.projectId, 'admin');
      return { organizationId: project.organizationId, projectId: project.id };
    }
    const org = await this.store.organizations.get(of.organizationId);
    if (!org || !seesOrganization(principal, org.id)) throw new AppError('organization_not_found', `organization ${of.organizationId} was not found`);
    if (organizationRole(principal, org.id) !== 'admin') throw new AppError('forbidden', 'an organization\'s members are managed by its organization-wide admins (keys or members) and superusers');
    return { organizationId: org.id, projectId: null };
  }
}

/** A member event: in the project's audit trail, or the organization's. */
function memberEvent(actor: string, scope: MembershipScope, type: string, userId: string, data: Record<string, unknown>, createdAt: Date): NewAuditEvent {
  return { organizationId: scope.organizationId, projectId: scope.projectId, type, actor, objectType: 'member', objectId: userId, data, createdAt };
}
