import { AppError } from '../domain/app-error.js';
import { oidKeyOf, type Tlv } from './der.js';
import { oids } from './oids.js';
import { PKCS12_MAX_ITERATIONS, PKCS12_MAX_TOTAL_ITERATIONS } from './read-pkcs12.js';

/**
 * Most key-derivation iterations the PKCS#12 files of one request may cost in all: ~7 s of one
 * core at worst (the PKCS#12 KDF), a few hundred files as exporters make them (6,144 iterations
 * for OpenSSL 3's 2,048, 30,000 for Java's 10,000), five files at the per-file limit.
 */
export const PKCS12_MAX_REQUEST_ITERATIONS = 10_000_000;

/** Deeper than any PKCS#12 file nests; a guard against hostile nesting of indefinite lengths. */
const MAX_DEPTH = 24;

/**
 * Most BER elements read to count the iterations of one request's files, on the event loop: a
 * file as exporters make them takes a few dozen, a hostile one could take millions. Past it,
 * files count as declaring nothing more: what they spend is then bounded by the equal shares.
 */
const MAX_ELEMENTS_READ = 200_000;

/** Elements left to read for one request. */
interface Reads {
  left: number;
}

/** A BER element: `end` is the end of its contents, `next` the offset after it (past an end-of-contents). */
interface Element extends Tlv {
  next: number;
}

/** Reads the BER element at `pos` (definite or indefinite length), or null when it is malformed. */
function element(r: Reads, buf: Buffer, pos: number, limit: number, depth: number): Element | null {
  if (depth > MAX_DEPTH || pos + 2 > limit || --r.left < 0) return null;
  const tag = buf[pos];
  if ((tag & 0x1f) === 0x1f) return null;
  let p = pos + 1;
  const first = buf[p++];
  if (first === 0x80) {
    if ((tag & 0x20) === 0) return null;
    for (let q = p; ; ) {
      if (q + 2 > limit) return null;
      if (buf[q] === 0 && buf[q + 1] === 0) return { tag, start: pos, valueStart: p, end: q, next: q + 2 };
      const child = element(r, buf, q, limit, depth + 1);
      if (child === null) return null;
      q = child.next;
    }
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4 || p + n > limit) return null;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[p++];
  }
  if (p + length > limit) return null;
  return { tag, start: pos, valueStart: p, end: p + length, next: p + length };
}

function children(r: Reads, buf: Buffer, parent: Element | null, depth: number): Element[] | null {
  if (parent === null || (parent.tag & 0x20) === 0) return null;
  const out: Element[] = [];
  for (let q = parent.valueStart; q < parent.end; ) {
    const child = element(r, buf, q, parent.end, depth + 1);
    if (child === null) return null;
    out.push(child);
    q = child.next;
  }
  return out;
}

/** An OCTET STRING's octets, its BER constructed form (segments) included. */
function octets(r: Reads, buf: Buffer, el: Element | undefined, depth: number): Buffer | null {
  if (el === undefined || depth > MAX_DEPTH) return null;
  if (el.tag === 0x04) return buf.subarray(el.valueStart, el.end);
  if (el.tag !== 0x24) return null;
  const parts: Buffer[] = [];
  for (const segment of children(r, buf, el, depth) ?? [null]) {
    const part = segment === null ? null : octets(r, buf, segment, depth + 1);
    if (part === null) return null;
    parts.push(part);
  }
  return Buffer.concat(parts);
}

/** The only element of a buffer (an OCTET STRING's contents), when it is a SEQUENCE. */
function sequenceIn(r: Reads, bytes: Buffer | null): { buf: Buffer; el: Element } | null {
  if (bytes === null) return null;
  const el = element(r, bytes, 0, bytes.length, 0);
  return el !== null && el.tag === 0x30 ? { buf: bytes, el } : null;
}

const key = {
  data: oidKeyOf(oids.pkcs7Data),
  encryptedData: oidKeyOf(oids.pkcs7EncryptedData),
  shroudedKeyBag: oidKeyOf(oids.pkcs12ShroudedKeyBag),
  certBag: oidKeyOf(oids.pkcs12CertBag),
  keyBag: oidKeyOf(oids.pkcs12KeyBag),
  pbes2: oidKeyOf(oids.pbes2),
  pbkdf2: oidKeyOf(oids.pbkdf2),
  /** pkcs-12PbeIds (RFC 7292 App. C): one more arc below 128 names the scheme. */
  pkcs12PbeArc: oidKeyOf('1.2.840.113549.1.12.1'),
};

/** An OID's content octets in hex (the `oidKey` of der.ts), or null when it is none or too long to be one of these. */
function oidOf(buf: Buffer, el: Element | undefined): string | null {
  return el !== undefined && el.tag === 0x06 && el.end > el.valueStart && el.end - el.valueStart <= 16 ? buf.toString('hex', el.valueStart, el.end) : null;
}

/** An INTEGER as an unsigned number, as node-forge reads iteration counts; Infinity when huge. */
function count(buf: Buffer, el: Element | undefined): number {
  if (el === undefined || el.tag !== 0x02 || el.end === el.valueStart) return NaN;
  if (el.end - el.valueStart > 6) return Infinity;
  return buf.readUIntBE(el.valueStart, el.end - el.valueStart);
}

/**
 * The iteration counts of the key derivations an encryption AlgorithmIdentifier asks for:
 * PBES2 derives its key with PBKDF2 once (the IV is in the parameters), the PKCS#12 PBE
 * schemes derive a key and an IV.
 */
function encryptionCounts(r: Reads, buf: Buffer, algorithm: Element | undefined, depth: number): number[] {
  const [oid, params] = (algorithm && children(r, buf, algorithm, depth)) ?? [];
  const name = oidOf(buf, oid);
  if (name === key.pbes2) {
    const [kdf] = children(r, buf, params ?? null, depth + 1) ?? [];
    const [kdfOid, kdfParams] = (kdf && children(r, buf, kdf, depth + 2)) ?? [];
    if (oidOf(buf, kdfOid) !== key.pbkdf2) return [];
    const [, iterations] = children(r, buf, kdfParams ?? null, depth + 3) ?? [];
    return [count(buf, iterations)];
  }
  if (name !== null && name.length === key.pkcs12PbeArc.length + 2 && name.startsWith(key.pkcs12PbeArc)) {
    const [, iterations] = children(r, buf, params ?? null, depth + 1) ?? [];
    const n = count(buf, iterations);
    return [n, n];
  }
  return [];
}

/**
 * The iteration counts of the key derivations a PFX declares outside its encrypted parts, in
 * the order `readPkcs12` performs them: the MAC, then each ContentInfo of the authenticated
 * safe (the encryption of an encryptedData; the shrouded key bags of a data). Stops where the
 * reader would stop (an unreadable or unsupported part).
 */
function declaredCounts(r: Reads, data: Buffer): number[] {
  const out: number[] = [];
  const root = element(r, data, 0, data.length, 0);
  const [version, authSafe, macData] = (root?.tag === 0x30 && children(r, data, root, 0)) || [];
  const isVersion3 = version?.tag === 0x02 && version.end - version.valueStart === 1 && data[version.valueStart] === 3;
  if (!isVersion3 || authSafe?.tag !== 0x30 || (macData !== undefined && macData.tag !== 0x30)) return out;
  if (macData !== undefined) {
    const [, , iterations] = children(r, data, macData, 1) ?? [];
    out.push(iterations === undefined ? 1 : count(data, iterations));
  }
  const [authType, authWrapper] = children(r, data, authSafe, 1) ?? [];
  if (oidOf(data, authType) !== key.data) return out;
  const safe = sequenceIn(r, octets(r, data, children(r, data, authWrapper ?? null, 2)?.[0], 3));
  for (const info of (safe && children(r, safe.buf, safe.el, 0)) ?? []) {
    const buf = safe!.buf;
    const [type, wrapper] = children(r, buf, info, 1) ?? [];
    const content = children(r, buf, wrapper ?? null, 2)?.[0];
    const name = oidOf(buf, type);
    if (name === key.encryptedData) {
      const [, encryptedContentInfo] = children(r, buf, content ?? null, 3) ?? [];
      const [, algorithm] = children(r, buf, encryptedContentInfo ?? null, 4) ?? [];
      out.push(...encryptionCounts(r, buf, algorithm, 5));
    } else if (name === key.data) {
      const bags = sequenceIn(r, octets(r, buf, content, 3));
      for (const bag of (bags && children(r, bags.buf, bags.el, 0)) ?? []) {
        const [bagType, bagWrapper] = children(r, bags!.buf, bag, 1) ?? [];
        const bagName = oidOf(bags!.buf, bagType);
        if (bagName === key.shroudedKeyBag) {
          const [encryptedKeyInfo] = children(r, bags!.buf, bagWrapper ?? null, 2) ?? [];
          const [algorithm] = children(r, bags!.buf, encryptedKeyInfo ?? null, 3) ?? [];
          out.push(...encryptionCounts(r, bags!.buf, algorithm, 4));
        } else if (bagName !== key.certBag && bagName !== key.keyBag) {
          return out;
        }
      }
    } else {
      return out;
    }
  }
  return out;
}

/**
 * The key-derivation iterations reading a PKCS#12 file with `password` may cost, as far as
 * the file tells before anything is derived: its declared derivations (see `declaredCounts`)
 * up to where `readPkcs12`'s limits refuse the next one, twice for an empty password (it is
 * tried as an empty password and as none). Derivations inside encrypted parts (a key bag in an
 * encryptedData) are not counted: they are paid from the share `pkcs12IterationAllowances`
 * adds. 0 for bytes that are not a PFX. Derives nothing, and reads at most
 * `MAX_ELEMENTS_READ` elements of the structure.
 */
export function declaredPkcs12Iterations(data: Buffer, password: string): number {
  return declared({ left: MAX_ELEMENTS_READ }, data, password);
}

function declared(reads: Reads, data: Buffer, password: string): number {
  let total = 0;
  for (const n of declaredCounts(reads, data)) {
    if (!(n >= 1) || n > PKCS12_MAX_ITERATIONS || total + n > PKCS12_MAX_TOTAL_ITERATIONS) break;
    total += n;
  }
  return password === '' ? 2 * total : total;
}

/**
 * What each PKCS#12 file of one request may spend (`readPkcs12`'s `maxIterations`): what it
 * declares plus an equal share of what the request's budget has left, so that the files of a
 * request never spend more than `PKCS12_MAX_REQUEST_ITERATIONS` in all. A request whose files
 * declare more is refused, before any derivation, with `pkcs12_iteration_budget_exceeded`.
 */
export function pkcs12IterationAllowances(files: ReadonlyArray<{ data: Buffer; password: string }>): number[] {
  const reads: Reads = { left: MAX_ELEMENTS_READ };
  const costs = files.map((f) => declared(reads, f.data, f.password));
  const total = costs.reduce((a, b) => a + b, 0);
  if (total > PKCS12_MAX_REQUEST_ITERATIONS) {
    throw new AppError(
      'pkcs12_iteration_budget_exceeded',
      `the PKCS#12 files of this request declare ${total.toLocaleString('en-US')} key-derivation iterations in all, over the limit of ${PKCS12_MAX_REQUEST_ITERATIONS.toLocaleString('en-US')} per request: send them in smaller batches`,
      { details: { iterations: total, maxIterations: PKCS12_MAX_REQUEST_ITERATIONS } },
    );
  }
  const share = files.length === 0 ? 0 : Math.floor((PKCS12_MAX_REQUEST_ITERATIONS - total) / files.length);
  return costs.map((d) => d + share);
}
