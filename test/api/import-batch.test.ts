import { afterEach, describe, expect, it } from 'vitest';
import type { CertificateRepository } from '../../src/ports/certificate-repository.js';
import type { Repositories, Store } from '../../src/ports/store.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';

/** The most items one import-batch request takes (docs/api.md: up to 500 per request). */
const MAX_ITEMS = 500;

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const batch = (app: TestApp, items: unknown[]) => app.call('POST', `/api/v1/projects/${app.project.id}/certificates/import-batch?brief=true`, { key: app.keys.editor, body: { items } });
const inventorySize = async (app: TestApp) => (await app.call('GET', `/api/v1/projects/${app.project.id}/certificates`, { key: app.keys.viewer })).json().resultInfo.totalCount as number;

describe.each(dialects)('import-batch: the cap on %s', (dialect) => {
  it(`takes ${MAX_ITEMS} items and refuses ${MAX_ITEMS + 1} with validation_failed, importing none of them`, async () => {
    t = await createTestApp({ dialect });
    const item = { certificateBody: aCertificate({ commonName: 'capped.example.com' }).certPem };
    const tooMany = await batch(t, Array.from({ length: MAX_ITEMS + 1 }, () => item));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ success: false, code: 'validation_failed', result: null });
    expect(tooMany.json().errors.join(' ')).toMatch(new RegExp(`\\b${MAX_ITEMS}\\b`));
    expect(await inventorySize(t)).toBe(0);

    const full = await batch(t, Array.from({ length: MAX_ITEMS }, () => item));
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json().result).toHaveLength(MAX_ITEMS);
    expect(full.json().messages).toEqual([`imported 1, duplicate ${MAX_ITEMS - 1}, failed 0`]);
    expect(await inventorySize(t)).toBe(1);
  });
});

/**
 * A real store whose certificate insert fails at item `failAt` (1-based) of a call: the items
 * before it are really inserted (in the caller's transaction, if any), then it throws, as a
 * database failing mid-statement would. Both the store's own repository and the transaction's
 * are wrapped, so an import that bypassed the transaction would fail the same way.
 */
function failingAt(store: Store, failAt: number): Store & { armed: boolean; inserted: number[] } {
  const state = { armed: true, inserted: [] as number[] };
  const wrap = (certificates: CertificateRepository): CertificateRepository =>
    new Proxy(certificates, {
      get(target, property) {
        if (property === 'insertMany') {
          return async (items: Parameters<CertificateRepository['insertMany']>[0]) => {
            if (!state.armed || items.length < failAt) return target.insertMany(items);
            const done = await target.insertMany(items.slice(0, failAt - 1));
            state.inserted.push(done.length);
            throw new Error(`simulated storage failure at item ${failAt}`);
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(store, {
    get(target, property) {
      if (property === 'armed') return state.armed;
      if (property === 'inserted') return state.inserted;
      if (property === 'certificates') return wrap(target.certificates);
      if (property === 'transaction') return <T>(fn: (repos: Repositories) => Promise<T>) => target.transaction((tx) => fn({ ...tx, certificates: wrap(tx.certificates) }));
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, property, value) {
      if (property === 'armed') {
        state.armed = value as boolean;
        return true;
      }
      return Reflect.set(target, property, value, target);
    },
  }) as Store & { armed: boolean; inserted: number[] };
}

/** Every row of every table, for "nothing changed". */
async function everyRow(store: Store): Promise<Record<string, unknown[]>> {
  const { db } = storeInternals(store);
  const out: Record<string, unknown[]> = {};
  for (const table of await db.introspection.getTables()) {
    const rows = await db.selectFrom(table.name as never).selectAll().execute();
    out[table.name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describe.each(dialects)('import-batch on %s: a transaction that fails midway', (dialect) => {
  it('commits nothing: no certificate, material, name, tally or event of the batch, and the answer is a failure', async () => {
    const real = await createTestStore(dialect);
    // Past the repository's insert chunk (200 rows), so whole statements ran before the failure.
    const items = Array.from({ length: 260 }, (_, i) => ({ certificateBody: aCertificate({ commonName: `batch-${i}.example.com`, keySlot: 'batch' }).certPem }));
    const store = failingAt(real, 240);
    t = await createTestApp({ store });
    const existing = aCertificate({ commonName: 'existing.example.com' });
    expect((await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: existing.certPem } })).statusCode).toBe(200);
    const before = await everyRow(real);

    const res = await batch(t, [...items, { certificateBody: existing.certPem }, { certificateBody: 'garbage' }]);
    expect(store.inserted).toEqual([239]);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ success: false, code: 'internal_error', result: null });
    expect(res.body).not.toContain('simulated storage failure');
    expect(await everyRow(real)).toEqual(before);
    expect(await inventorySize(t)).toBe(1);

    // The same batch once the store works: all of it goes in.
    store.armed = false;
    const again = await batch(t, items);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().messages).toEqual(['imported 260, duplicate 0, failed 0']);
    expect(await inventorySize(t)).toBe(261);
  });
});
