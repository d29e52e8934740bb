import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * People and sign-in: user accounts, their memberships in organizations and projects, their
 * server-side sessions and the throttle of failed sign-ins.
 *
 * - `users`: `email` lower-cased, unique. `password_hash` is a self-describing scrypt hash
 *   (`secrets/scrypt-password-hasher.ts`), null while an invitation is outstanding (or for an
 *   account that signs in only through an external identity). `invitation_hash` is the
 *   SHA-256 of the one invitation token outstanding, if any.
 * - `user_identities`: the accounts of external identity providers (OpenID Connect) a user
 *   signs in with, by the provider's issuer and subject. Nothing writes it yet.
 * - `memberships`: a role (viewer, editor, admin) in one project, or in every project of an
 *   organization (`project_id` null). At most one per user and project, and one
 *   organization-wide per user and organization (two partial unique indexes, since a unique
 *   index counts nulls as distinct on both databases).
 * - `sessions`: only the SHA-256 of a session's token is stored. A session ends at
 *   `expires_at` (absolute) or when it was not seen for the idle time (configuration), or when
 *   its row is deleted (sign-out, revocation, user deleted): every server reads the row on each
 *   request, so a deleted session is refused everywhere at once.
 * - `sign_in_throttle`: consecutive failed sign-ins per account (SHA-256 of the email) and per
 *   client address, and the lock they caused; `updated_at` doubles as the row's version for
 *   compare-and-set between servers.
 */
export function accounts(dialect: SqlDialect): Migration {
  const pg = dialect === 'postgres';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('superuser', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('invitation_hash', 'text')
        .addColumn('invitation_expires_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_email_unique').on('users').column('email').unique().execute();
      await db.schema.createIndex('users_invitation_unique').on('users').column('invitation_hash').unique().where(sql.ref('invitation_hash'), 'is not', sql.lit(null)).execute();
      await db.schema.createIndex('users_created_idx').on('users').columns(['created_at', 'id']).execute();

      await db.schema
        .createTable('user_identities')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
        .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
        .execute();
      await db.schema.createIndex('user_identities_user_idx').on('user_identities').column('user_id').execute();

      await db.schema
        .createTable('memberships')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('memberships_project_unique')
        .on('memberships')
        .columns(['project_id', 'user_id'])
        .unique()
        .where(sql.ref('project_id'), 'is not', sql.lit(null))
        .execute();
      await db.schema
        .createIndex('memberships_organization_unique')
        .on('memberships')
        .columns(['organization_id', 'user_id'])
        .unique()
        .where(sql.ref('project_id'), 'is', sql.lit(null))
        .execute();
      await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('user_agent', 'text')
        .addColumn('address', 'text')
        .execute();
      await db.schema.createIndex('sessions_token_unique').on('sessions').column('token_hash').unique().execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id', 'created_at']).execute();
      await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();
      await db.schema.createIndex('sessions_last_seen_idx').on('sessions').column('last_seen_at').execute();

      await db.schema
        .createTable('sign_in_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_throttle_updated_idx').on('sign_in_throttle').column('updated_at').execute();

      // The deployment-wide audit trail (sign-ins, users, organizations) is the events without a project.
      await db.schema.createIndex('events_unscoped_idx').on('events').column('id').where(sql.ref('project_id'), 'is', sql.lit(null)).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('events_unscoped_idx').execute();
      for (const table of ['sign_in_throttle', 'sessions', 'memberships', 'user_identities', 'users']) await db.schema.dropTable(table).execute();
    },
  };
}
