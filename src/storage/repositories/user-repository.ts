import { AppError } from '../../domain/app-error.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { UserRecord, UserRepository } from '../../ports/user-repository.js';
import type { Executor, UsersTable } from '../database.js';
import { pageWindow } from './paging.js';

/** A users row as the record it stores (sessions read it joined). */
export function toUser(row: UsersTable): UserRecord {
  return {
    id: row.id,
    email: row.email,
    superuser: Number(row.superuser) !== 0,
    passwordHash: row.password_hash,
    invitationHash: row.invitation_hash,
    invitationExpiresAt: row.invitation_expires_at === null ? null : new Date(Number(row.invitation_expires_at)),
    createdAt: new Date(Number(row.created_at)),
  };
}

/** User accounts; email unique (stored lower-cased by the service). */
export class KyselyUserRepository implements UserRepository {
  constructor(private readonly db: Executor) {}

  async insert(user: UserRecord): Promise<UserRecord> {
    const row = await this.db
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email,
        password_hash: user.passwordHash,
        superuser: user.superuser ? 1 : 0,
        invitation_hash: user.invitationHash,
        invitation_expires_at: user.invitationExpiresAt?.getTime() ?? null,
        created_at: user.createdAt.getTime(),
      })
      // A concurrent insert of the same email loses here, without aborting a PostgreSQL transaction.
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('user_already_exists', `a user with the email ${user.email} already exists`);
    return { ...user };
  }

  async get(id: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row && toUser(row);
  }

  async findByInvitationHash(invitationHash: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('invitation_hash', '=', invitationHash).executeTakeFirst();
    return row && toUser(row);
  }

  async list(page: Page): Promise<PageResult<UserRecord>> {
    const { limit, offset } = pageWindow(page);
    const [rows, total] = await Promise.all([
      this.db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').limit(limit).offset(offset).execute(),
      this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toUser), totalCount: Number(total.n) };
  }

  async any(): Promise<boolean> {
    return (await this.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async setPassword(id: string, passwordHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, invitation_hash: null, invitation_expires_at: null })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async replacePasswordHash(id: string, expected: string, passwordHash: string): Promise<boolean> {
    const result = await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).where('password_hash', '=', expected).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setInvitation(id: string, invitationHash: string, expiresAt: Date): Promise<void> {
    await this.db.updateTable('users').set({ invitation_hash: invitationHash, invitation_expires_at: expiresAt.getTime() }).where('id', '=', id).execute();
  }

  async acceptInvitation(invitationHash: string, passwordHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, invitation_hash: null, invitation_expires_at: null })
      .where('invitation_hash', '=', invitationHash)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setSuperuser(id: string, superuser: boolean): Promise<void> {
    await this.db.updateTable('users').set({ superuser: superuser ? 1 : 0 }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    // Explicit rather than by cascade, so the outcome does not depend on SQLite's foreign_keys pragma.
    await this.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    await this.db.deleteFrom('memberships').where('user_id', '=', id).execute();
    await this.db.deleteFrom('user_identities').where('user_id', '=', id).execute();
    const result = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async findByIdentity(issuer: string, subject: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('user_identities as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .selectAll('u')
      .where('i.issuer', '=', issuer)
      .where('i.subject', '=', subject)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async linkIdentity(userId: string, issuer: string, subject: string, at: Date): Promise<void> {
    await this.db.insertInto('user_identities').values({ issuer, subject, user_id: userId, created_at: at.getTime() }).execute();
  }
}
