import type { Membership, MembershipSource } from '../domain/user.js';
import type { Role } from '../domain/role.js';

/** Where a membership applies: one project, or every project of an organization (`projectId` null). */
export interface MembershipScope {
  organizationId: string;
  projectId: string | null;
}

/** A membership with the names people read. */
export interface MembershipView extends Membership {
  organizationName: string;
  projectName: string | null;
}

/** A member of a scope, with the account's email. */
export interface Member extends Membership {
  email: string;
  /** The account has not accepted its invitation yet. */
  pending: boolean;
}

/** Users' roles in organizations and projects. */
export interface MembershipRepository {
  /** Inserts it; `member_already_exists` when the user already has a role in the scope. */
  insert(membership: Membership): Promise<Membership>;
  /** Every membership of the user (read on each request a session makes), with its source. */
  listForUser(userId: string): Promise<Membership[]>;
  /** The same, with organization and project names, organizations then projects by name. */
  listViewsForUser(userId: string): Promise<MembershipView[]>;
  /** The members of exactly this scope (a project's own, or an organization's organization-wide ones), by email. */
  listForScope(scope: MembershipScope): Promise<Member[]>;
  get(userId: string, scope: MembershipScope): Promise<Membership | undefined>;
  /**
   * false when the user has no role in the scope. The membership takes `source` (default
   * `manual`: a role changed by hand is no longer the identity provider's to change).
   */
  setRole(userId: string, scope: MembershipScope, role: Role, source?: MembershipSource): Promise<boolean>;
  delete(userId: string, scope: MembershipScope): Promise<boolean>;
  countForUser(userId: string): Promise<number>;
}
