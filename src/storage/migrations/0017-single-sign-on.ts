import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Single sign-on with OpenID Connect.
 *
 * - `memberships.source`: `manual` (given by an administrator, the command line or the API) or
 *   `sso` (derived from the identity provider's claims at sign-in). Each SSO sign-in replaces the
 *   user's `sso` memberships with what the claims say now and leaves `manual` ones alone.
 * - `oidc_logins`: sign-ins started at the provider and not yet back. The browser holds a random
 *   token in a short-lived cookie; the row is found by its SHA-256 (`id`), so any server sharing
 *   the database finishes a sign-in another one started. It keeps the `state` and `nonce` sent to
 *   the provider and the page to return to; the PKCE verifier is derived from the cookie's token
 *   and never stored. `used_at` is set when the callback takes it, so a replay is told apart from
 *   an unknown sign-in.
 */
export function singleSignOn(dialect: SqlDialect): Migration {
  const pg = dialect === 'postgres';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('memberships').addColumn('source', 'text', (c) => c.notNull().defaultTo('manual')).execute();
      await db.schema
        .createTable('oidc_logins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
        .execute();
      await db.schema.createIndex('oidc_logins_expires_idx').on('oidc_logins').column('expires_at').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('oidc_logins').execute();
      await db.schema.alterTable('memberships').dropColumn('source').execute();
    },
  };
}
