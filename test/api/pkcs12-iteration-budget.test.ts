import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pfxWithKeyInEncryptedContents } from '../support/crafted-pkcs12.js';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

describe.each(dialects)('the iteration budget of a request’s PKCS#12 files on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    base = `/api/v1/projects/${t.project.id}/certificates`;
  });
  afterAll(async () => t.close());

  it('refuses a batch whose files declare more than 10,000,000 iterations, before reading any of them', async () => {
    // 900,000 iterations each (MAC, certificates, key): allowed alone, 10,800,000 for twelve
    const file = toPkcs12(aCertificate({ commonName: 'costly.p12.example' }), { password: 'pw', iterations: 300_000 }).toString('base64');
    const reads = vi.spyOn(t.services.pkcs12, 'read');
    try {
      const res = await t.call('POST', `${base}/import-batch`, { key: t.keys.editor, body: { items: Array.from({ length: 12 }, () => ({ pkcs12: file, password: 'pw' })) } });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe('pkcs12_iteration_budget_exceeded');
      expect(body.errors[0]).toMatch(/10,800,000 key-derivation iterations in all, over the limit of 10,000,000 per request/);
      expect(reads).not.toHaveBeenCalled();

      const one = await t.call('POST', `${base}/import`, { key: t.keys.editor, body: { pkcs12: file, password: 'pw' } });
      expect(one.statusCode).toBe(200);
      expect(one.json().result).toMatchObject({ domainName: 'costly.p12.example', hasPrivateKey: true });
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('fails alone a file that needs more than its share: derivations hidden in encrypted contents count too', async () => {
    // Each file declares 4,096 iterations (MAC and contents); its key, inside the encrypted
    // contents, asks for 950,000 more: eleven of them would spend 10.5 million.
    const c = aCertificate({ commonName: 'hidden.p12.example' });
    const file = pfxWithKeyInEncryptedContents(c, { password: 'pw', macIterations: 2048, contentsIterations: 2048, keyIterations: 950_000 }).toString('base64');
    const res = await t.call('POST', `${base}/import-batch`, { key: t.keys.editor, body: { items: Array.from({ length: 11 }, () => ({ pkcs12: file, password: 'pw' })) } });
    expect(res.statusCode).toBe(200);
    const result = res.json().result as Array<{ success: boolean; code: string | null; errors: string[] }>;
    expect(result.map((i) => i.code)).toEqual(Array(11).fill('pkcs12_iteration_budget_exceeded'));
    expect(result[0].errors[0]).toMatch(/needs more key-derivation iterations than the request has left for it/);

    // alone, the request's budget is its own
    const one = await t.call('POST', `${base}/import`, { key: t.keys.editor, body: { pkcs12: file, password: 'pw' } });
    expect(one.statusCode).toBe(200);
    expect(one.json().result).toMatchObject({ domainName: 'hidden.p12.example', hasPrivateKey: true });
  });
});
