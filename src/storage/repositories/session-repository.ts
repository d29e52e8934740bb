import type { SessionRecord, SessionRepository } from '../../ports/session-repository.js';
import type { UserRecord } from '../../ports/user-repository.js';
import type { Executor, SessionsTable } from '../database.js';
import { toUser } from './user-repository.js';

function toSession(row: SessionsTable): SessionRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: new Date(Number(row.created_at)),
    lastSeenAt: new Date(Number(row.last_seen_at)),
    expiresAt: new Date(Number(row.expires_at)),
    userAgent: row.user_agent,
    address: row.address,
  };
}

/** Sessions, found by the hash of the token a request presents (unique index). */
export class KyselySessionRepository implements SessionRepository {
  constructor(private readonly db: Executor) {}

  async insert(s: SessionRecord): Promise<SessionRecord> {
    await this.db
      .insertInto('sessions')
      .values({
        id: s.id,
        token_hash: s.tokenHash,
        user_id: s.userId,
        created_at: s.createdAt.getTime(),
        last_seen_at: s.lastSeenAt.getTime(),
        expires_at: s.expiresAt.getTime(),
        user_agent: s.userAgent,
        address: s.address,
      })
      .execute();
    return { ...s };
  }

  async findByTokenHash(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id',
        's.token_hash',
        's.user_id',
        's.created_at',
        's.last_seen_at',
        's.expires_at',
        's.user_agent',
        's.address',
        'u.email',
        'u.password_hash',
        'u.superuser',
        'u.invitation_hash',
        'u.invitation_expires_at',
        'u.created_at as user_created_at',
      ])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      session: toSession(row),
      user: toUser({ ...row, id: row.user_id, created_at: row.user_created_at }),
    };
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at.getTime() }).where('id', '=', id).where('last_seen_at', '<', at.getTime()).execute();
  }

  async listForUser(userId: string): Promise<SessionRecord[]> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toSession);
  }

  async delete(id: string): Promise<boolean> {
    return Number((await this.db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
  }

  async deleteForUser(userId: string, exceptId?: string): Promise<number> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    return Number((await q.executeTakeFirst()).numDeletedRows);
  }

  async purgeExpired(now: Date, idleBefore: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now.getTime()), eb('last_seen_at', '<', idleBefore.getTime())]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
