import type { OidcLoginRecord, OidcLoginRepository, OidcLoginTaken } from '../../ports/oidc-login-repository.js';
import type { Executor } from '../database.js';

/** Started OpenID Connect sign-ins (migration 0017). */
export class KyselyOidcLoginRepository implements OidcLoginRepository {
  constructor(private readonly db: Executor) {}

  async insert(l: OidcLoginRecord): Promise<void> {
    await this.db
      .insertInto('oidc_logins')
      .values({ id: l.id, state: l.state, nonce: l.nonce, return_to: l.returnTo, created_at: l.createdAt.getTime(), expires_at: l.expiresAt.getTime(), used_at: null })
      .execute();
  }

  async take(id: string, at: Date): Promise<OidcLoginTaken> {
    // One conditional update decides between two servers handling the same callback at once.
    const row = await this.db
      .updateTable('oidc_logins')
      .set({ used_at: at.getTime() })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .returning(['id', 'state', 'nonce', 'return_to', 'created_at', 'expires_at'])
      .executeTakeFirst();
    if (row) {
      return {
        kind: 'taken',
        login: { id: row.id, state: row.state, nonce: row.nonce, returnTo: row.return_to, createdAt: new Date(Number(row.created_at)), expiresAt: new Date(Number(row.expires_at)) },
      };
    }
    const seen = await this.db.selectFrom('oidc_logins').select('id').where('id', '=', id).executeTakeFirst();
    return seen ? { kind: 'used' } : { kind: 'unknown' };
  }

  async purgeEnded(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('oidc_logins').where('expires_at', '<', before.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
