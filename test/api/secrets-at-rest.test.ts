import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { aCertificate, toPkcs12, type TestKeyType } from '../support/test-ca.js';
import { createTestApp } from '../support/test-app.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('secrets at rest', () => {
  it('stores no private key in clear: not in the database, its WAL, the data dir, or the logs', async () => {
    const logs: Buffer[] = [];
    const logStream = new Writable({ write: (chunk, _enc, cb) => (logs.push(Buffer.from(chunk)), cb()) });
    const t = await createTestApp({ logStream, logRequests: true });
    const certs = (['rsa-2048', 'ec-p256', 'ec-p384', 'ed25519'] as TestKeyType[]).map((keyType, i) => aCertificate({ commonName: `k${i}.example.com`, keyType }));
    const base = `/api/v1/projects/${t.project.id}/certificates`;
    for (const c of certs.slice(0, 3)) {
      const r = await t.call('POST', `${base}/import`, { key: t.keys.editor, body: { certificateBody: c.certPem, certificatePrivateKey: c.keyPem, scopeId: 0 } });
      expect(r.statusCode).toBe(200);
    }
    const p12 = toPkcs12(certs[3], { password: 'pw', legacy: true });
    expect((await t.call('POST', `${base}/import`, { key: t.keys.editor, body: { pkcs12: p12.toString('base64'), password: 'pw', scopeId: 0 } })).statusCode).toBe(200);
    // A failed import with a key must not leak it either.
    const mismatch = await t.call('POST', `${base}/import`, { key: t.keys.editor, body: { certificateBody: certs[0].certPem, certificatePrivateKey: certs[1].keyPem, scopeId: 0 } });
    expect(mismatch.json().code).toBe('key_mismatch');
    expect(mismatch.body).not.toContain('PRIVATE KEY');

    const needles = certs.flatMap((c) => {
      const pemBody = c.keyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
      return [
        { what: `${c.keyType} PEM text`, bytes: Buffer.from(pemBody.slice(20, 84)) },
        // The secret itself: the private scalar (EC), seed (Ed25519) or a prime (RSA), as raw DER bytes.
        { what: `${c.keyType} private key bytes`, bytes: Buffer.from((c.privateKey.export({ format: 'jwk' }) as { d: string; p?: string }).p ?? (c.privateKey.export({ format: 'jwk' }) as { d: string }).d, 'base64url').subarray(0, 32) },
        { what: `${c.keyType} PKCS#8 DER`, bytes: c.keyDer },
      ];
    });
    const check = () => {
      const files = filesUnder(t.dataDir);
      expect(files.some((f) => f.endsWith('certkeeper.db'))).toBe(true);
      const haystacks = [...files.map((f) => ({ f, data: readFileSync(f) })), { f: 'logs', data: Buffer.concat(logs) }];
      // Positive control: the public certificate is stored in clear, so the search does find what is there.
      expect(haystacks.some((h) => h.data.includes(certs[0].certDer.subarray(100, 160)))).toBe(true);
      for (const n of needles) for (const h of haystacks) expect(h.data.includes(n.bytes), `${n.what} found in ${h.f}`).toBe(false);
    };
    check(); // with the WAL still open
    const exported = await t.call('POST', `${base}/1/export`, { key: t.keys.admin, body: { format: 'pem' } });
    expect(exported.json().result.privateKey).toBe(certs[0].keyPem); // the sealed key opens again
    await t.close({ keepDataDir: true });
    check(); // after the WAL is checkpointed
    t.removeDataDir();
  });
});
