import type { ThrottleState } from '../../domain/sign-in-throttle.js';
import type { SignInThrottleRepository } from '../../ports/sign-in-throttle-repository.js';
import type { Executor, SignInThrottleTable } from '../database.js';

function toState(row: SignInThrottleTable): ThrottleState {
  return { failures: Number(row.failures), lockedUntil: row.locked_until === null ? null : new Date(Number(row.locked_until)), updatedAt: new Date(Number(row.updated_at)) };
}

/**
 * Failed sign-ins by key. Writes are compare-and-set on (failures, updated_at), so that of
 * several servers counting an attempt on the same key at once each count lands exactly once.
 */
export class KyselySignInThrottleRepository implements SignInThrottleRepository {
  constructor(private readonly db: Executor) {}

  async get(key: string): Promise<ThrottleState | undefined> {
    const row = await this.db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    return row && toState(row);
  }

  async compareAndSet(key: string, expected: ThrottleState | undefined, next: ThrottleState): Promise<boolean> {
    const values = { failures: next.failures, locked_until: next.lockedUntil?.getTime() ?? null, updated_at: next.updatedAt.getTime() };
    if (!expected) {
      const row = await this.db
        .insertInto('sign_in_throttle')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      return row !== undefined;
    }
    const result = await this.db
      .updateTable('sign_in_throttle')
      .set(values)
      .where('key', '=', key)
      .where('failures', '=', expected.failures)
      .where('updated_at', '=', expected.updatedAt.getTime())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
  }

  async purge(before: Date, now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('sign_in_throttle')
      .where('updated_at', '<', before.getTime())
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.getTime())]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
