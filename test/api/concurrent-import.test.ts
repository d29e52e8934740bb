import { afterEach, describe, expect, it } from 'vitest';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';

describe.each(dialects)('concurrent imports of the same material on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it('store it once: the duplicate check and the insert run under one lock', async () => {
    t = await createTestApp({ store: await createTestStore(dialect) });
    const base = `/api/v1/projects/${t.project.id}/certificates`;
    const c = aCertificate({ commonName: 'race.example.com' });
    const single = { certificateBody: c.certPem, certificatePrivateKey: c.keyPem, scopeId: 0 };
    const responses = await Promise.all([
      ...Array.from({ length: 6 }, () => t!.call('POST', `${base}/import`, { key: t!.keys.editor, body: single })),
      ...Array.from({ length: 3 }, () => t!.call('POST', `${base}/import-batch?brief=true`, { key: t!.keys.editor, body: { items: [single] } })),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(9).fill(200));
    const ids = responses.map((r) => {
      const result = r.json().result;
      return Array.isArray(result) ? result[0].id : result.id;
    });
    expect(new Set(ids).size).toBe(1);
    expect((await t.call('GET', base, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(1);
    const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.imported`, { key: t.keys.viewer })).json();
    expect(events.resultInfo.totalCount).toBe(1);
  });
});
