import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import {
  DerError,
  Tag,
  checkInteger,
  checkOid,
  contents,
  der as build,
  encoding,
  oidKey,
  oidKeyOf,
  oidToString,
  readChildren,
  readTlv,
  type Tlv,
} from './der.js';
import { oids } from './oids.js';
import type { ParsedPrivateKey } from './parsed-certificate.js';
import { asText, decodeBase64Strict, scanPem } from './pem.js';
import { sniffDer, type DerKind } from './sniff-der.js';

type KeyFormat = 'pkcs8' | 'pkcs1' | 'sec1';

const SUPPORTED_TYPES = new Set(['rsa', 'ec', 'ed25519', 'ed448']);

const unsupportedAlgorithms = new Map<string, string>([
  [oidKeyOf(oids.dsa), 'DSA'],
  [oidKeyOf(oids.dhKeyAgreement), 'DH'],
  [oidKeyOf(oids.dhPublicNumber), 'DH'],
  [oidKeyOf(oids.x25519), 'X25519'],
  [oidKeyOf(oids.x448), 'X448'],
  [oidKeyOf(oids.rsassaPss), 'RSA-PSS'],
  [oidKeyOf(oids.sm2), 'SM2'],
]);

/**
 * Reads one private key and normalizes it: PEM "PRIVATE KEY" (PKCS#8, RFC 5958), "RSA PRIVATE
 * KEY" (PKCS#1, RFC 8017), "EC PRIVATE KEY" (SEC1, RFC 5915; an "EC PARAMETERS" block before
 * it is ignored), base64 of DER, or raw DER. Certificates in the same text are ignored.
 * PKCS#8 input is kept byte for byte; PKCS#1 and SEC1 are wrapped into PKCS#8.
 *
 * Cost: one OpenSSL key load, which validates the key (RSA as JWK ~15 µs, P-256 as JWK ~65 µs,
 * other curves as SEC1 ~110 µs, Ed25519/Ed448 as PKCS#8 ~400 µs: OpenSSL 3.0's PKCS#8 decoder
 * is slow). `spkiSha256` hashes the SPKI written from the key's own public parts (RSA n and e,
 * the EC point stored in the key, which OpenSSL also uses as is); OpenSSL derives it only when
 * the key does not carry it (EC without stored point, Ed25519, Ed448, multi-prime RSA).
 *
 * Errors: "ENCRYPTED PRIVATE KEY", or a PEM with "Proc-Type: 4,ENCRYPTED" →
 * `private_key_encrypted`; DSA, DH, X25519, X448, RSA-PSS, SM2 and other key types →
 * `unsupported_key_type`; anything else unreadable, or more than one key → `private_key_invalid`.
 * Messages never contain key material.
 */
export function parsePrivateKey(input: string | Buffer): ParsedPrivateKey {
  if (typeof input !== 'string' && !Buffer.isBuffer(input)) {
    throw new AppError('private_key_invalid', 'the private key must be text or bytes');
  }
  let der: Buffer;
  if (Buffer.isBuffer(input) && input.length > 0 && input[0] === 0x30) der = input;
  else {
    const text = asText(input);
    if (text.trim() === '') throw new AppError('private_key_invalid', 'no private key was given (the input is empty)');
    if (text.includes('-----BEGIN')) der = fromPem(text);
    else {
      const bytes = decodeBase64Strict(text.replace(/\s+/g, ''));
      if (bytes === null || bytes.length === 0 || bytes[0] !== 0x30) {
        throw new AppError('private_key_invalid', 'the private key is neither PEM, base64 of DER, nor DER');
      }
      der = bytes;
    }
  }
  return fromDer(der);
}

function fromPem(text: string): Buffer {
  const { blocks, unterminated } = scanPem(text);
  const keys = blocks.filter((b) => b.label.endsWith('PRIVATE KEY'));
  if (keys.length === 0) {
    if (unterminated !== null) {
      throw new AppError('private_key_invalid', `the PEM block "${unterminated}" has no END line (the input is truncated)`);
    }
    const found = blocks.map((b) => b.label);
    if (found.some((l) => l.includes('CERTIFICATE'))) {
      throw new AppError('private_key_invalid', 'a certificate was given where a private key is expected');
    }
    const list = found.length > 0 ? ` (found: ${[...new Set(found)].join(', ')})` : '';
    throw new AppError('private_key_invalid', `no PRIVATE KEY block was found${list}`);
  }
  if (keys.length > 1) {
    throw new AppError('private_key_invalid', `${keys.length} private keys were given; give exactly one`);
  }
  const block = keys[0];
  const label = block.label;
  if (label === 'ENCRYPTED PRIVATE KEY' || /ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '') || block.headers['DEK-Info']) {
    throw new AppError('private_key_encrypted', 'the private key is encrypted; give it unencrypted (e.g. `openssl pkey -in key.pem`)');
  }
  if (label === 'DSA PRIVATE KEY') throw new AppError('unsupported_key_type', 'DSA keys are not supported; use RSA, EC or Ed25519');
  if (label === 'OPENSSH PRIVATE KEY') {
    throw new AppError(
      'private_key_invalid',
      'OpenSSH private keys are not supported; convert to PKCS#8 (`ssh-keygen -p -m PKCS8 -f key`)',
    );
  }
  if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY' && label !== 'EC PRIVATE KEY') throw new AppError('private_key_invalid', `unsupported PEM block "${label}"`);
  const der = decodeBase64Strict(block.base64);
  if (der === null || der.length === 0) {
    throw new AppError('private_key_invalid', `the "${label}" block does not hold valid base64`);
  }
  return der;
}

function formatOf(kind: DerKind): KeyFormat | null {
  switch (kind) {
    case 'pkcs8':
      return 'pkcs8';
    case 'pkcs1-rsa':
      return 'pkcs1';
    case 'sec1-ec':
      return 'sec1';
    default:
      return null;
  }
}

function fromDer(der: Buffer): ParsedPrivateKey {
  let top;
  try {
    top = readTlv(der, 0);
  } catch (err) {
    throw new AppError('private_key_invalid', `the private key is not valid DER: ${(err as Error).message}`, { cause: err });
  }
  if (top.end !== der.length) {
    throw new AppError('private_key_invalid', `${der.length - top.end} unexpected bytes after the private key`);
  }
  const kind = sniffDer(der, top);
  if (kind === 'encrypted-pkcs8') {
    throw new AppError('private_key_encrypted', 'the private key is encrypted; give it unencrypted (e.g. `openssl pkey -in key.der`)');
  }
  if (kind === 'dsa-private-key') throw new AppError('unsupported_key_type', 'DSA keys are not supported; use RSA, EC or Ed25519');
  if (kind === 'certificate') throw new AppError('private_key_invalid', 'a certificate was given where a private key is expected');
  if (kind === 'pkcs12') {
    throw new AppError('private_key_invalid', 'a PKCS#12 file was given where a private key is expected; import it as pkcs12');
  }
  // the sniffed structure wins over the PEM label: mislabelled blocks are common
  const format = formatOf(kind);
  if (format === null) {
    throw new AppError('private_key_invalid', 'the private key is not a PKCS#8, PKCS#1 or SEC1 structure');
  }

  // Fast paths: OpenSSL 3.0's PKCS#8 decoder costs ~450 µs and an SPKI export ~80–200 µs, so
  // RSA keys are imported as JWK (~6 µs) and EC keys as SEC1 (~130 µs), and the SPKI is
  // written from the key's own public parts (n, e / the stored point), as OpenSSL would.
  let fast: Fast | null = null;
  let pkcs8Der: Buffer | null = null;
  if (format === 'pkcs8') {
    const alg = checkPkcs8Algorithm(der, top);
    pkcs8Der = der;
    if (alg.type === 'rsa') fast = fastRsa(alg.inner);
    else if (alg.type === 'ec') fast = fastEc(alg.inner, alg.params);
  } else if (format === 'pkcs1') {
    fast = fastRsa(der);
    if (fast !== null) pkcs8Der = build.sequence(build.integer(0), RSA_ALGORITHM, build.octetString(der));
  } else {
    fast = fastEc(der, null);
    if (fast !== null && fast.curve !== null) {
      pkcs8Der = build.sequence(build.integer(0), build.sequence(build.oid(oids.ecPublicKey), fast.curve), build.octetString(der));
    }
  }
  if (fast !== null && pkcs8Der !== null) {
    let spki: Buffer;
    try {
      spki = fast.load();
    } catch (err) {
      throw opensslError(err);
    }
    return { pkcs8Der, spkiSha256: createHash('sha256').update(spki).digest('hex'), type: fast.type };
  }
  return slowPath(der, format, pkcs8Der);
}

function opensslError(err: unknown): AppError {
  // OpenSSL 3's decoders report every failure as "unsupported"; the algorithm was checked
  // before, so this is a malformed key. The innermost error says why.
  const stack = (err as { opensslErrorStack?: string[] }).opensslErrorStack ?? [];
  const reason = (stack[stack.length - 1] ?? (err as Error).message ?? '').replace(/^error:[0-9A-F]+:/, '');
  return new AppError('private_key_invalid', `the private key could not be read: ${reason}`, { cause: err });
}

/** One createPrivateKey of the whole structure, one SPKI export. */
function slowPath(der: Buffer, format: KeyFormat, pkcs8Der: Buffer | null): ParsedPrivateKey {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: der, format: 'der', type: format });
  } catch (err) {
    throw opensslError(err);
  }
  const type = key.asymmetricKeyType ?? 'unknown';
  if (!SUPPORTED_TYPES.has(type)) {
    throw new AppError('unsupported_key_type', `${type} keys are not supported; use RSA, EC or Ed25519`);
  }
  let spki: Buffer;
  try {
    spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  } catch (err) {
    throw new AppError('private_key_invalid', `the public key could not be derived: ${(err as Error).message}`, { cause: err });
  }
  return {
    pkcs8Der: pkcs8Der ?? key.export({ type: 'pkcs8', format: 'der' }),
    spkiSha256: createHash('sha256').update(spki).digest('hex'),
    type,
  };
}

interface Fast {
  type: 'rsa' | 'ec';
  /** Loads the key into OpenSSL (which validates it) and returns its DER SubjectPublicKeyInfo. */
  load: () => Buffer;
  /** EC: the namedCurve OID element. */
  curve: Buffer | null;
}

const RSA_ALGORITHM = build.sequence(build.oid(oids.rsaEncryption), build.null());
const EC_ALGORITHM_OID = build.oid(oids.ecPublicKey);
const P256 = build.oid(oids.prime256v1);

/** RFC 8017 A.1.2 RSAPrivateKey (two primes) → JWK import and SPKI from n, e; null → slow path. */
function fastRsa(key: Buffer): Fast | null {
  try {
    const seq = readTlv(key, 0);
    if (seq.tag !== Tag.SEQUENCE || seq.end !== key.length) return null;
    const ints = readChildren(key, seq);
    if (ints.length !== 9 || ints.some((t) => t.tag !== Tag.INTEGER)) return null; // multi-prime: slow path
    for (const t of ints) checkInteger(key, t, 'RSAPrivateKey');
    if (key[ints[0].valueStart] !== 0 || ints[0].end - ints[0].valueStart !== 1) return null;
    if (ints.some((t) => key[t.valueStart] & 0x80)) return null; // negative: let OpenSSL refuse it
    const b64 = (t: Tlv): string => {
      let s = t.valueStart;
      while (s < t.end - 1 && key[s] === 0) s++;
      return key.toString('base64url', s, t.end);
    };
    const [, n, e, d, p, q, dp, dq, qi] = ints;
    const jwk = { kty: 'RSA', n: b64(n), e: b64(e), d: b64(d), p: b64(p), q: b64(q), dp: b64(dp), dq: b64(dq), qi: b64(qi) };
    const spki = build.sequence(RSA_ALGORITHM, build.bitString(build.sequence(encoding(key, n), encoding(key, e))));
    return {
      type: 'rsa',
      load: () => {
        createPrivateKey({ key: jwk, format: 'jwk' });
        return spki;
      },
      curve: null,
    };
  } catch (err) {
    if (err instanceof DerError) return null;
    throw err;
  }
}

/**
 * RFC 5915 ECPrivateKey → SEC1 import (with the curve written in, as OpenSSL's SEC1 decoder
 * needs it) and SPKI from the stored public point, which OpenSSL itself would use as is.
 * `algParams` is the PKCS#8 algorithm's namedCurve, if any. Null → slow path.
 */
function fastEc(key: Buffer, algParams: Buffer | null): Fast | null {
  try {
    const seq = readTlv(key, 0);
    if (seq.tag !== Tag.SEQUENCE || seq.end !== key.length) return null;
    const [version, priv, ...rest] = readChildren(key, seq);
    if (version?.tag !== Tag.INTEGER || priv?.tag !== Tag.OCTET_STRING) return null;
    let curve: Buffer | null = algParams;
    let point: Buffer | null = null;
    for (const t of rest) {
      if (t.tag === 0xa0) {
        const oid = readTlv(key, t.valueStart, t.end);
        if (oid.tag !== Tag.OID) return null; // explicit curve parameters: slow path
        checkOid(key, oid);
        const inner = encoding(key, oid);
        if (curve !== null && !curve.equals(inner)) return null;
        curve = inner;
      } else if (t.tag === 0xa1) {
        const bits = readTlv(key, t.valueStart, t.end);
        if (bits.tag !== Tag.BIT_STRING || key[bits.valueStart] !== 0) return null;
        point = encoding(key, bits);
      }
    }
    if (curve === null || curve[0] !== Tag.OID) return null;
    const sec1 = build.sequence(
      encoding(key, version),
      encoding(key, priv),
      build.explicit(0, curve),
      ...(point !== null ? [build.explicit(1, point)] : []),
    );
    const ecAlgorithm = build.sequence(EC_ALGORITHM_OID, curve);
    const d = contents(key, priv);
    if (curve.equals(P256) && point !== null && point.length === 68 && point[3] === 0x04 && d.length <= 32) {
      // a P-256 key loads twice as fast from JWK (OpenSSL's nistz256 code) as from SEC1
      const xy = point.subarray(4);
      const jwk = {
        kty: 'EC',
        crv: 'P-256',
        d: Buffer.concat([Buffer.alloc(32 - d.length), d]).toString('base64url'),
        x: xy.toString('base64url', 0, 32),
        y: xy.toString('base64url', 32, 64),
      };
      const spki = build.sequence(ecAlgorithm, point);
      return {
        type: 'ec',
        load: () => {
          createPrivateKey({ key: jwk, format: 'jwk' });
          return spki;
        },
        curve,
      };
    }
    return {
      type: 'ec',
      load: () => {
        const k = createPrivateKey({ key: sec1, format: 'der', type: 'sec1' });
        // without a stored point OpenSSL computes it
        return point !== null ? build.sequence(ecAlgorithm, point) : createPublicKey(k).export({ type: 'spki', format: 'der' });
      },
      curve,
    };
  } catch (err) {
    if (err instanceof DerError) return null;
    throw err;
  }
}

interface Pkcs8Algorithm {
  type: 'rsa' | 'ec' | 'ed25519' | 'ed448';
  /** The privateKey OCTET STRING's contents. */
  inner: Buffer;
  /** The algorithm parameters element (EC: the namedCurve OID), or null. */
  params: Buffer | null;
}

const typeByAlgorithm = new Map<string, Pkcs8Algorithm['type']>([
  [oidKeyOf(oids.rsaEncryption), 'rsa'],
  [oidKeyOf(oids.ecPublicKey), 'ec'],
  [oidKeyOf(oids.ed25519), 'ed25519'],
  [oidKeyOf(oids.ed448), 'ed448'],
]);

/** RFC 5958: PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm, privateKey, … }. */
function checkPkcs8Algorithm(der: Buffer, top: Tlv): Pkcs8Algorithm {
  try {
    const [, alg, inner] = readChildren(der, top);
    const oid = readTlv(der, alg.valueStart, alg.end);
    if (oid.tag !== Tag.OID) throw new DerError('algorithm must be an OID');
    const k = oidKey(der, oid);
    const name = unsupportedAlgorithms.get(k);
    if (name !== undefined) throw new AppError('unsupported_key_type', `${name} keys are not supported; use RSA, EC or Ed25519`);
    const type = typeByAlgorithm.get(k);
    if (type === undefined) {
      throw new AppError('unsupported_key_type', `keys of algorithm ${oidToString(der, oid)} are not supported; use RSA, EC or Ed25519`);
    }
    const params = oid.end < alg.end ? encoding(der, readTlv(der, oid.end, alg.end)) : null;
    return { type, inner: contents(der, inner), params };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('private_key_invalid', `malformed PKCS#8 private key: ${(err as Error).message}`, { cause: err });
  }
}
