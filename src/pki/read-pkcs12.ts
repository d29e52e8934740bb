import { pbkdf2Sync } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../domain/app-error.js';
import type { Pkcs12Contents, Pkcs12ReadOptions } from '../ports/pkcs12-reader.js';
import { derivePkcs12Key, type Pkcs12KeyPurpose } from './derive-pkcs12-key.js';
import { oids } from './oids.js';

/**
 * Most iterations accepted for one key derivation (PBKDF2 or the PKCS#12 KDF) of a file.
 * Real exporters use 1–100,000 (OpenSSL 3 and macOS 2048, Windows 2000, Java 10,000);
 * one million costs ~0.3 s (PBKDF2) to ~0.7 s (PKCS#12 KDF) here.
 */
export const PKCS12_MAX_ITERATIONS = 1_000_000;
/** Most iterations accepted over all key derivations of one file (MAC, certificates, keys). */
export const PKCS12_MAX_TOTAL_ITERATIONS = 2_000_000;

export type { Pkcs12Contents, Pkcs12ReadOptions };

/**
 * Reads a PKCS#12 / PFX file (RFC 7292) in password-integrity mode with node-forge: modern
 * files (PBES2: PBKDF2 + AES-CBC, SHA-256 MAC) and legacy ones (pbeWithSHAAnd40BitRC2-CBC
 * and pbeWithSHAAnd3-KeyTripleDES-CBC, SHA-1 MAC, as macOS Keychain and `openssl -legacy`
 * export). An empty password is tried both as the two-byte empty BMPString and as no
 * password at all, as OpenSSL does.
 *
 * Forge's key derivations are swapped, for the duration of the call, for native ones that
 * enforce `PKCS12_MAX_ITERATIONS` per derivation and `PKCS12_MAX_TOTAL_ITERATIONS` per file
 * (a hostile file with 10^9 iterations is refused at once), and that encode PBES2 passwords
 * as UTF-8 like OpenSSL. The call is synchronous, so nothing else sees the swap. It may cost
 * seconds of CPU: the server calls it on worker threads (`pkcs12-worker-pool.ts`).
 *
 * Errors (always AppError, whatever the bytes): wrong password (MAC mismatch, or failed
 * decryption when there is no MAC) → `pkcs12_bad_password`; not a PKCS#12, unsupported
 * algorithm, corrupt, or over the iteration limits → `pkcs12_invalid`; over
 * `options.maxIterations` → `pkcs12_iteration_budget_exceeded`; no certificate inside →
 * `pkcs12_no_certificate`.
 */
export function readPkcs12(data: Buffer, password: string, options: Pkcs12ReadOptions = {}): Pkcs12Contents {
  if (!Buffer.isBuffer(data) || data.length === 0) throw new AppError('pkcs12_invalid', 'the PKCS#12 file is empty');
  const pw = typeof password === 'string' ? password : '';
  const shape = pfxShape(data);
  if (shape === 'not-pfx') throw new AppError('pkcs12_invalid', 'the data is not a PKCS#12 (PFX) file');
  if (shape === 'truncated') throw new AppError('pkcs12_invalid', 'the PKCS#12 file is truncated');
  const budget = { max: options.maxIterations ?? Infinity, spent: 0 };
  let result = attempt(data, pw, budget);
  if (result.kind === 'bad-password' && pw === '') {
    const second = attempt(data, null, budget);
    if (second.kind !== 'bad-password') result = second;
  }
  switch (result.kind) {
    case 'ok':
      break;
    case 'bad-password':
      throw new AppError('pkcs12_bad_password', `the PKCS#12 password is wrong (${result.reason})`);
    case 'invalid':
      throw new AppError('pkcs12_invalid', result.reason);
    case 'over-budget':
      throw new AppError(
        'pkcs12_iteration_budget_exceeded',
        `the PKCS#12 file needs more key-derivation iterations than the request has left for it (${budget.max.toLocaleString('en-US')}): send it in a smaller batch`,
        { details: { maxIterations: budget.max } },
      );
  }
  if (result.contents.certificates.length === 0) {
    throw new AppError('pkcs12_no_certificate', 'the PKCS#12 file holds no certificate');
  }
  return result.contents;
}

type Attempt =
  | { kind: 'ok'; contents: Pkcs12Contents }
  | { kind: 'bad-password'; reason: string }
  | { kind: 'invalid'; reason: string }
  | { kind: 'over-budget' };

class IterationLimitError extends Error {}
class IterationBudgetError extends Error {}
class SkipForgeDecoding extends Error {}

/** PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData MacData OPTIONAL }; BER tolerated. */
function pfxShape(b: Buffer): 'pfx' | 'not-pfx' | 'truncated' {
  if (b.length < 8 || b[0] !== 0x30) return 'not-pfx';
  let p = 2;
  let declared = -1; // unknown for BER indefinite length
  const l = b[1];
  if (l < 0x80) declared = l;
  else if (l !== 0x80) {
    const n = l & 0x7f;
    if (n > 4) return 'not-pfx';
    declared = b.readUIntBE(2, n);
    p += n;
  }
  if (!(b[p] === 0x02 && b[p + 1] === 0x01 && b[p + 2] === 0x03 && b[p + 3] === 0x30)) return 'not-pfx';
  return declared >= 0 && p + declared > b.length ? 'truncated' : 'pfx';
}

interface ForgeByteBuffer {
  bytes(): string;
  getBytes(): string;
}
interface ForgeInternals {
  asn1: { fromDer(bytes: string | ForgeByteBuffer, options?: unknown): unknown; toDer(obj: unknown): ForgeByteBuffer };
  util: { createBuffer(bytes?: string): ForgeByteBuffer };
  pkcs5: { pbkdf2: (...args: never[]) => unknown };
  pkcs12: {
    generateKey: (...args: never[]) => unknown;
    pkcs12FromAsn1(obj: unknown, strict: boolean, password: string | null): forge.pkcs12.Pkcs12Pfx;
  };
  pki: {
    pbe: { generatePkcs12Key: (...args: never[]) => unknown };
    privateKeyFromAsn1: (...args: never[]) => unknown;
    certificateFromAsn1: (...args: never[]) => unknown;
  };
}
const f = forge as unknown as ForgeInternals;

const CERT_BAG = oids.pkcs12CertBag;
const KEY_BAGS = new Set<string>([oids.pkcs12KeyBag, oids.pkcs12ShroudedKeyBag]);

function digestName(md: unknown): string {
  const name = (md as { algorithm?: unknown } | null | undefined)?.algorithm;
  return typeof name === 'string' ? name : 'sha1';
}

function attempt(data: Buffer, password: string | null, budget: { max: number; spent: number }): Attempt {
  let total = 0;
  let derivations = 0;
  const guard = (count: unknown): number => {
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
      throw new IterationLimitError(`invalid iteration count ${String(count)}`);
    }
    if (count > PKCS12_MAX_ITERATIONS) {
      throw new IterationLimitError(`iteration count ${count} exceeds the limit of ${PKCS12_MAX_ITERATIONS}`);
    }
    total += count;
    derivations++;
    if (total > PKCS12_MAX_TOTAL_ITERATIONS) {
      throw new IterationLimitError(`the key derivations of the file exceed ${PKCS12_MAX_TOTAL_ITERATIONS} iterations in total`);
    }
    if (budget.spent + count > budget.max) throw new IterationBudgetError();
    budget.spent += count;
    return count;
  };
  const raw = new WeakMap<object, string>();

  const saved = {
    fromDer: f.asn1.fromDer,
    pbkdf2: f.pkcs5.pbkdf2,
    generateKey: f.pkcs12.generateKey,
    generatePkcs12Key: f.pki.pbe.generatePkcs12Key,
    privateKeyFromAsn1: f.pki.privateKeyFromAsn1,
    certificateFromAsn1: f.pki.certificateFromAsn1,
  };
  const pkcs12Key = (p: string | null | undefined, salt: ForgeByteBuffer, id: number, iter: number, n: number, md: unknown) => {
    guard(iter);
    const key = derivePkcs12Key(p ?? null, Buffer.from(salt.bytes(), 'binary'), id as Pkcs12KeyPurpose, iter, n, digestName(md));
    return f.util.createBuffer(key.toString('binary'));
  };
  let asn1Root: { value?: unknown[] } | undefined;
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    // remember the exact bytes each object was decoded from, to return certificates byte for byte
    f.asn1.fromDer = (bytes: string | ForgeByteBuffer, options?: unknown) => {
      const src = typeof bytes === 'string' ? bytes : bytes.bytes();
      const obj = saved.fromDer.call(f.asn1, bytes, options);
      if (obj !== null && typeof obj === 'object') raw.set(obj, src);
      return obj;
    };
    f.pkcs5.pbkdf2 = ((p: string | null, s: string, c: number, dkLen: number, md: unknown) =>
      pbkdf2Sync(Buffer.from(p ?? '', 'utf8'), Buffer.from(s, 'binary'), guard(c), dkLen, digestName(md)).toString(
        'binary',
      )) as never;
    f.pkcs12.generateKey = pkcs12Key as never;
    f.pki.pbe.generatePkcs12Key = pkcs12Key as never;
    // keep forge from building its own (RSA-only, slow) key and certificate objects: it then
    // stores the ASN.1 in bag.asn1, which is what we want
    f.pki.privateKeyFromAsn1 = (() => {
      throw new SkipForgeDecoding();
    }) as never;
    f.pki.certificateFromAsn1 = (() => {
      throw new SkipForgeDecoding();
    }) as never;

    asn1Root = saved.fromDer.call(f.asn1, data.toString('binary'), { strict: false, parseAllBytes: false }) as {
      value?: unknown[];
    };
    pfx = f.pkcs12.pkcs12FromAsn1(asn1Root, false, password);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof IterationLimitError) return { kind: 'invalid', reason: `the PKCS#12 file was refused: ${message}` };
    if (err instanceof IterationBudgetError) return { kind: 'over-budget' };
    if (/MAC could not be verified/i.test(message)) return { kind: 'bad-password', reason: 'integrity MAC mismatch' };
    const hasMac = Array.isArray(asn1Root?.value) && asn1Root.value.length > 2;
    if (/Failed to decrypt|Unable to decrypt/i.test(message)) {
      // forge checks the MAC first: past a verified MAC the password is right and the file corrupt
      return hasMac
        ? { kind: 'invalid', reason: 'the PKCS#12 file is corrupt: its MAC verified but decryption failed' }
        : { kind: 'bad-password', reason: 'decryption failed' };
    }
    if (!hasMac && derivations > 0) {
      return { kind: 'bad-password', reason: 'the file has no MAC and decryption produced garbage' };
    }
    return { kind: 'invalid', reason: `the PKCS#12 file could not be read: ${message}` };
  } finally {
    f.asn1.fromDer = saved.fromDer;
    f.pkcs5.pbkdf2 = saved.pbkdf2;
    f.pkcs12.generateKey = saved.generateKey;
    f.pki.pbe.generatePkcs12Key = saved.generatePkcs12Key;
    f.pki.privateKeyFromAsn1 = saved.privateKeyFromAsn1;
    f.pki.certificateFromAsn1 = saved.certificateFromAsn1;
  }

  try {
    const certificates: Buffer[] = [];
    let privateKeyPkcs8: Buffer | null = null;
    for (const safe of pfx.safeContents) {
      for (const bag of safe.safeBags) {
        const obj = bag.asn1 as unknown as object | undefined;
        if (obj === undefined || obj === null) continue;
        const bytes = raw.get(obj) ?? f.asn1.toDer(obj).getBytes();
        if (bag.type === CERT_BAG) certificates.push(Buffer.from(bytes, 'binary'));
        else if (KEY_BAGS.has(bag.type) && privateKeyPkcs8 === null) {
          // a decrypted PrivateKeyInfo may carry block padding after it: re-encode to be exact
          privateKeyPkcs8 = Buffer.from(f.asn1.toDer(obj).getBytes(), 'binary');
        }
      }
    }
    return { kind: 'ok', contents: { certificates, privateKeyPkcs8 } };
  } catch (err) {
    return { kind: 'invalid', reason: `the PKCS#12 file could not be read: ${(err as Error).message}` };
  }
}
