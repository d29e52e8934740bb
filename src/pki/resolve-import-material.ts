import { createPrivateKey } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import { decodeCertificates } from './decode-certificates.js';
import { nodeCertificateOf } from './node-certificate-of.js';
import { orderChain } from './order-chain.js';
import { parseCertificate } from './parse-certificate.js';
import { parsePrivateKey } from './parse-private-key.js';
import type { ImportMaterial, ParsedCertificate, ParsedPrivateKey } from './parsed-certificate.js';
import { readPkcs12, type Pkcs12Contents } from './read-pkcs12.js';

/** Certificate import as PEM (or base64/DER) text fields (the native API's import fields). */
export interface PemImportInput {
  /** The leaf; when it holds several certificates (a fullchain.pem), the rest join the chain. */
  certificateBody: string;
  certificatePrivateKey?: string;
  certificateChain?: string;
}

/** Certificate import as a PKCS#12 file. */
export interface Pkcs12ImportInput {
  pkcs12: Buffer;
  password: string;
}

/** Most certificates one import may carry, body and chain together. */
export const MAX_IMPORT_CERTIFICATES = 100;

export const REORDERED_NOTE = 'certificateChain was given out of order and has been reordered';

/**
 * Turns import input into checked material: decode, parse every certificate, order the chain
 * (leaf's issuer first), read the key and check that it belongs to the leaf.
 *
 * PEM input: the first certificate of `certificateBody` is the leaf. PKCS#12 input: the leaf
 * is the certificate whose public key matches the file's key, else the one that is not a CA.
 *
 * Errors keep the codes of the step that failed (certificate_missing, certificate_invalid,
 * too_many_certificates, private_key_in_certificate_field, private_key_*, unsupported_key_type,
 * chain_invalid, pkcs12_*); a key that does not match the leaf → `key_mismatch`. Messages name
 * the input field at fault.
 */
export function resolveImportMaterial(input: PemImportInput | Pkcs12ImportInput): ImportMaterial {
  if (isPkcs12Input(input)) return pkcs12Material(readPkcs12(input.pkcs12, input.password));
  return fromPem(input as PemImportInput);
}

/** Is it a PKCS#12 file (which `resolveImportMaterial` reads with `readPkcs12`)? */
export function isPkcs12Input(input: PemImportInput | Pkcs12ImportInput): input is Pkcs12ImportInput {
  return input !== null && typeof input === 'object' && 'pkcs12' in input && input.pkcs12 !== undefined;
}

function inField<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AppError) {
      throw new AppError(err.code, `${field}: ${err.message}`, { cause: err, details: err.details });
    }
    throw err;
  }
}

function fromPem(input: PemImportInput): ImportMaterial {
  const body = input?.certificateBody;
  if (body === undefined || body === null || (typeof body === 'string' && body.trim() === '')) {
    throw new AppError('certificate_missing', 'certificateBody: no certificate was given');
  }
  const bodyDers = inField('certificateBody', () => decodeCertificates(body, { max: MAX_IMPORT_CERTIFICATES }));
  const chainText = input.certificateChain;
  const hasChain = typeof chainText === 'string' ? chainText.trim() !== '' : chainText !== undefined && chainText !== null;
  const chainDers = hasChain
    ? inField('certificateChain', () => decodeCertificates(chainText as string, { max: MAX_IMPORT_CERTIFICATES }))
    : [];
  if (bodyDers.length + chainDers.length > MAX_IMPORT_CERTIFICATES) {
    throw new AppError('too_many_certificates', `more than ${MAX_IMPORT_CERTIFICATES} certificates were given`, {
      details: { max: MAX_IMPORT_CERTIFICATES },
    });
  }
  const bodyCerts = inField('certificateBody', () => bodyDers.map((d) => parseCertificate(d)));
  const chainCerts = inField('certificateChain', () => chainDers.map((d) => parseCertificate(d)));
  const [leaf, ...bodyRest] = bodyCerts;
  const given = [...bodyRest, ...chainCerts];
  const { chain, reordered } = inField('certificateChain', () => orderChain(leaf, given));

  const notes: string[] = [];
  if (bodyRest.length > 0) {
    notes.push(
      `certificateBody held ${bodyCerts.length} certificates; the first is the leaf and the others were added to the chain`,
    );
  }
  if (reordered) notes.push(REORDERED_NOTE);
  const dropped = given.length - chain.length;
  if (dropped > 0) notes.push(`${dropped} duplicate certificate(s) were dropped from the chain`);

  const keyText = input.certificatePrivateKey;
  let privateKey: ParsedPrivateKey | null = null;
  if (typeof keyText === 'string' ? keyText.trim() !== '' : keyText !== undefined && keyText !== null) {
    privateKey = inField('certificatePrivateKey', () => parsePrivateKey(keyText as string));
    if (!keyMatches(leaf, privateKey)) {
      throw new AppError('key_mismatch', `certificatePrivateKey: the private key does not belong to the certificate "${leaf.subject}"`);
    }
  }
  return { leaf, chain, privateKey, notes };
}

/**
 * The checked material of a PKCS#12 file's contents (as read by `readPkcs12`, here or on a
 * worker thread): the second half of `resolveImportMaterial` for PKCS#12 input.
 */
export function pkcs12Material(contents: Pkcs12Contents): ImportMaterial {
  const seen = new Set<string>();
  const certs: ParsedCertificate[] = [];
  for (const d of contents.certificates) {
    const c = inField('pkcs12', () => parseCertificate(d));
    if (seen.has(c.fingerprintSha256)) continue;
    seen.add(c.fingerprintSha256);
    certs.push(c);
  }
  const privateKey = contents.privateKeyPkcs8 === null ? null : inField('pkcs12', () => parsePrivateKey(contents.privateKeyPkcs8 as Buffer));
  let leaf: ParsedCertificate | undefined;
  if (privateKey !== null) {
    leaf = certs.find((c) => c.spkiSha256 === privateKey.spkiSha256) ?? certs.find((c) => keyMatches(c, privateKey));
    if (leaf === undefined) {
      throw new AppError('key_mismatch', 'pkcs12: the private key in the file belongs to none of its certificates');
    }
  } else {
    leaf = certs.find((c) => !c.isCa) ?? certs[0];
  }
  const others = certs.filter((c) => c !== leaf);
  const { chain, reordered } = inField('pkcs12', () => orderChain(leaf, others));
  const notes: string[] = [];
  if (reordered) notes.push('the certificates of the PKCS#12 file were out of order and have been reordered');
  if (privateKey === null) notes.push('the PKCS#12 file holds no private key');
  return { leaf, chain, privateKey, notes };
}

/**
 * Does the key belong to the certificate? Compares SPKI hashes; on a difference, asks OpenSSL,
 * which also matches keys whose SPKI is encoded differently (compressed EC point, RSA without
 * NULL parameters).
 */
function keyMatches(cert: ParsedCertificate, key: ParsedPrivateKey): boolean {
  if (cert.spkiSha256 === key.spkiSha256) return true;
  try {
    return nodeCertificateOf(cert).checkPrivateKey(createPrivateKey({ key: key.pkcs8Der, format: 'der', type: 'pkcs8' }));
  } catch {
    return false;
  }
}
