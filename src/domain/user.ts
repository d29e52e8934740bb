import type { Role } from './role.js';

/** A person who signs in to the console (and, through their session, to the API). */
export interface User {
  id: string;
  /** Lower-cased; unique in the deployment. */
  email: string;
  /** May do everything, in every organization, as a superuser API key may. */
  superuser: boolean;
  /** An invitation is outstanding: the account has no password of its own yet. */
  pending: boolean;
  createdAt: Date;
}

/**
 * A user's role in one project, or in every project of an organization (`projectId` null), with
 * the same meaning as an API key's.
 */
export interface Membership {
  userId: string;
  organizationId: string;
  projectId: string | null;
  role: Role;
  createdAt: Date;
  /** Who gave it: by hand (`manual`, the default), or the identity provider's claims at a single sign-on (`sso`). */
  source?: MembershipSource;
}

/** `sso` memberships follow the identity provider at each sign-in; `manual` ones are never touched by it. */
export type MembershipSource = 'manual' | 'sso';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}$/;

/**
 * The stored form of an email address: trimmed and lower-cased (addresses are matched without
 * regard to case, as people type them); undefined when it is not one local part, `@`, one domain.
 */
export function normalizeEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : undefined;
}
