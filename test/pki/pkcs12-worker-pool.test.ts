import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/app-error.js';
import { der } from '../../src/pki/der.js';
import { Pkcs12WorkerPool } from '../../src/pki/pkcs12-worker-pool.js';
import { readPkcs12 } from '../../src/pki/read-pkcs12.js';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';
import { createTestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { appErrorOf } from './app-error-of.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const c = aCertificate({ keyType: 'ec-p256', commonName: 'pool.p12.example' });
const modern = toPkcs12(c, { password: 'pw' });
const legacy = toPkcs12(c, { password: 'pw', legacy: true });
/** 450,000 iterations in all (MAC, certificates, key): a good part of a second of derivations. */
const slow = toPkcs12(c, { password: 'pw', iterations: 150_000 });
const dying = new URL('../support/dying-pkcs12-worker.ts', import.meta.url);

/** A PFX whose MacData claims 10^9 iterations (refused before any derivation). */
const hugeMac = der.sequence(
  der.integer(3),
  der.sequence(der.oid('1.2.840.113549.1.7.1'), der.explicit(0, der.octetString(der.sequence()))),
  der.sequence(der.sequence(der.sequence(der.oid('1.3.14.3.2.26'), der.null()), der.octetString(Buffer.alloc(20))), der.octetString(Buffer.alloc(8, 1)), der.integer(1_000_000_000)),
);

async function rejectionOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

const hex = (bs: Buffer[]) => bs.map((b) => b.toString('hex'));

describe('Pkcs12WorkerPool', () => {
  const pools: Pkcs12WorkerPool[] = [];
  const aPool = (options?: ConstructorParameters<typeof Pkcs12WorkerPool>[0]) => {
    const pool = new Pkcs12WorkerPool(options);
    pools.push(pool);
    return pool;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it('reads what readPkcs12 reads, and fails with its codes and messages', async () => {
    const pool = aPool();
    for (const file of [modern, legacy]) {
      const read = await pool.read(file, 'pw');
      const direct = readPkcs12(file, 'pw');
      expect(hex(read.certificates)).toEqual(hex(direct.certificates));
      expect(Buffer.isBuffer(read.certificates[0])).toBe(true);
      expect(read.privateKeyPkcs8?.equals(direct.privateKeyPkcs8 as Buffer)).toBe(true);
    }
    const keyOnly = toPkcs12(c, { password: 'pw', includeCertificates: false });
    const failing: Array<[Buffer, string, string]> = [
      [modern, 'wrong', 'pkcs12_bad_password'],
      [Buffer.from('not a pfx'), 'pw', 'pkcs12_invalid'],
      [hugeMac, 'pw', 'pkcs12_invalid'],
      [keyOnly, 'pw', 'pkcs12_no_certificate'],
    ];
    for (const [file, password, code] of failing) {
      const err = await rejectionOf(pool.read(file, password));
      const direct = appErrorOf(() => readPkcs12(file, password));
      expect(err).toBeInstanceOf(AppError);
      expect([(err as AppError).code, err.message]).toEqual([code, direct.message]);
    }
    const overBudget = (await rejectionOf(pool.read(modern, 'pw', { maxIterations: 4000 }))) as AppError;
    expect([overBudget.code, overBudget.details]).toEqual(['pkcs12_iteration_budget_exceeded', { maxIterations: 4000 }]);
    expect((await pool.read(modern, 'pw', { maxIterations: 3 * 2048 })).certificates).toHaveLength(3);
  });

  it('leaves the event loop free while it derives', async () => {
    const pool = aPool({ size: 1 });
    await pool.read(modern, 'pw'); // the thread is up
    let turns = 0;
    let reading = true;
    const spin = () => {
      turns++;
      if (reading) setImmediate(spin);
    };
    setImmediate(spin);
    const read = await pool.read(slow, 'pw').finally(() => (reading = false));
    expect(read.certificates).toHaveLength(3);
    // the loop turns all the while (a read on this thread would let it turn once at most)
    expect(turns).toBeGreaterThan(100);
  });

  it('starts threads on need, up to its size, and runs reads side by side', async () => {
    const pool = aPool({ size: 2 });
    expect(pool.threadCount).toBe(0);
    const reads = [pool.read(modern, 'pw'), pool.read(legacy, 'pw'), pool.read(modern, 'pw')];
    expect(pool.threadCount).toBe(2);
    expect((await Promise.all(reads)).map((r) => r.certificates.length)).toEqual([3, 3, 3]);
    expect(pool.threadCount).toBe(2);
    await pool.close();
    expect(pool.threadCount).toBe(0);
    expect((await rejectionOf(pool.read(modern, 'pw'))).message).toMatch(/closed/);
  });

  it.each([
    ['exits', 'exit', /stopped \(exit code 3\)/],
    ['throws where nothing catches it', 'throw', /stopped \(exit code 1\): the worker blew up/],
  ])('fails the read of a thread that %s, and replaces the thread for the reads queued behind it', async (_name, password, message) => {
    const pool = aPool({ size: 1, workerUrl: dying });
    const first = pool.read(modern, password);
    const queued = [pool.read(modern, 'pw'), pool.read(legacy, 'wrong')];
    const err = await rejectionOf(first);
    expect(err).not.toBeInstanceOf(AppError);
    expect(err.message).toMatch(message);
    expect((await queued[0]).certificates).toHaveLength(3);
    expect(((await rejectionOf(queued[1])) as AppError).code).toBe('pkcs12_bad_password');
    expect(pool.threadCount).toBe(1);
    expect((await pool.read(legacy, 'pw')).certificates).toHaveLength(3);
  });

  it('fails the reads running and queued when closed', async () => {
    const pool = aPool({ size: 1 });
    const reads = [pool.read(slow, 'pw'), pool.read(slow, 'pw')].map(rejectionOf);
    await pool.close();
    for (const read of reads) expect((await read).message).toMatch(/closed/);
    expect(pool.threadCount).toBe(0);
  });

  it.each(dialects)('is closed with the services (the composition root) on %s', async (dialect) => {
    const t = await createTestApp({ dialect });
    try {
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { pkcs12: modern.toString('base64'), password: 'pw' } });
      expect(res.statusCode).toBe(200);
      expect(t.services.pkcs12.threadCount).toBe(1);
    } finally {
      await t.close();
    }
    expect(t.services.pkcs12.threadCount).toBe(0);
  });

  it('runs from dist/, and its idle threads do not keep the process alive', () => {
    const entry = path.join(repoRoot, 'dist/pki/pkcs12-worker-pool.js');
    if (!existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run build\` first`);
    const dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-pool-'));
    try {
      writeFileSync(path.join(dir, 'f.p12'), legacy);
      // never closed: the process must end by itself once the reads are done
      writeFileSync(
        path.join(dir, 'read.mjs'),
        `
        import { readFileSync } from 'node:fs';
        import { Pkcs12WorkerPool } from ${JSON.stringify(pathToFileURL(entry).href)};
        const pool = new Pkcs12WorkerPool();
        const file = readFileSync(process.argv[2]);
        const ok = await pool.read(file, 'pw');
        const bad = await pool.read(file, 'nope').catch((err) => err.code);
        console.log(JSON.stringify({ certificates: ok.certificates.map((b) => b.toString('hex')), bad }));
        `,
      );
      const out = execFileSync(process.execPath, [path.join(dir, 'read.mjs'), path.join(dir, 'f.p12')], { cwd: repoRoot, timeout: 60_000, encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual({ certificates: hex(readPkcs12(legacy, 'pw').certificates), bad: 'pkcs12_bad_password' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
