import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { aCertificate, toPkcs12, type TestKeyType } from '../support/test-ca.js';
import { createTestApp } from '../support/test-app.js';
import { createTestDatabase, dialects } from '../support/test-store.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * Every table of a PostgreSQL database, one haystack each: the bytes of every value of every
 * row (bytea as stored, text as UTF-8), as the server's files are the cluster's, not the test's.
 */
async function tablesOf(url: string): Promise<Array<{ f: string; data: Buffer }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    expect(tables.rows.map((r) => r.name)).toContain('certificate_materials');
    const out: Array<{ f: string; data: Buffer }> = [];
    for (const { name } of tables.rows) {
      const rows = await client.query<Record<string, unknown>>(`SELECT * FROM "${name}"`);
      const values = rows.rows.flatMap((row) => Object.values(row).map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(typeof v === 'string' ? v : JSON.stringify(v) ?? ''))));
      out.push({ f: `table ${name}`, data: Buffer.concat(values) });
    }
    return out;
  } finally {
    await client.end();
  }
}

describe.each(dialects)('secrets at rest on %s', (dialect) => {
  it('stores no private key in clear: not in the database (SQLite: its file and WAL; PostgreSQL: its tables), the data dir, or the logs', async () => {
    const logs: Buffer[] = [];
    const logStream = new Writable({ write: (chunk, _enc, cb) => (logs.push(Buffer.from(chunk)), cb()) });
    // A database of the test's own on PostgreSQL, so that its tables can still be read once the app closed.
    const database = dialect === 'postgres' ? await createTestDatabase() : undefined;
    const store = database ? await createStore({ databaseUrl: database.url, sqlitePath: ':memory:' }) : undefined;
    const t = await createTestApp({ store, logStream, logRequests: true });
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
    const check = async () => {
      const files = filesUnder(t.dataDir);
      expect(files.some((f) => f.endsWith('certkeeper.db'))).toBe(dialect === 'sqlite');
      const haystacks = [...files.map((f) => ({ f, data: readFileSync(f) })), { f: 'logs', data: Buffer.concat(logs) }, ...(database ? await tablesOf(database.url) : [])];
      // Positive control: the public certificate is stored in clear, so the search does find what is there.
      expect(haystacks.some((h) => h.data.includes(certs[0].certDer.subarray(100, 160)))).toBe(true);
      for (const n of needles) for (const h of haystacks) expect(h.data.includes(n.bytes), `${n.what} found in ${h.f}`).toBe(false);
    };
    await check(); // with the WAL still open
    const exported = await t.call('POST', `${base}/1/export`, { key: t.keys.admin, body: { format: 'pem' } });
    expect(exported.json().result.privateKey).toBe(certs[0].keyPem); // the sealed key opens again
    await t.close({ keepDataDir: true });
    await check(); // after the WAL is checkpointed (SQLite), with every connection closed (PostgreSQL)
    t.removeDataDir();
    await database?.drop();
  });
});
