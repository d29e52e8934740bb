import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import { DerError, Tag, oidKey, oidKeyOf, oidToString, readChildren, readTlv } from './der.js';
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
const supportedAlgorithms = new Set(
  [oids.rsaEncryption, oids.ecPublicKey, oids.ed25519, oids.ed448].map((o) => oidKeyOf(o)),
);

/**
 * Reads one private key and normalizes it: PEM "PRIVATE KEY" (PKCS#8, RFC 5958), "RSA PRIVATE
 * KEY" (PKCS#1, RFC 8017), "EC PRIVATE KEY" (SEC1, RFC 5915; an "EC PARAMETERS" block before
 * it is ignored), base64 of DER, or raw DER. Certificates in the same text are ignored.
 * Costs one `createPrivateKey` and one public-key export (for `spkiSha256`); PKCS#8 input is
 * kept byte for byte, other forms are converted to PKCS#8.
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
  const format = formatOf(kind);
  // the sniffed structure wins over the PEM label: mislabelled blocks are common
  if (format === null) {
    throw new AppError('private_key_invalid', 'the private key is not a PKCS#8, PKCS#1 or SEC1 structure');
  }
  if (format === 'pkcs8') checkPkcs8Algorithm(der, top);

  let key: KeyObject;
  try {
    key = createPrivateKey({ key: der, format: 'der', type: format });
  } catch (err) {
    // OpenSSL 3's decoders report every failure as "unsupported"; the algorithm was checked
    // above, so this is a malformed key. The innermost error says why.
    const stack = (err as { opensslErrorStack?: string[] }).opensslErrorStack ?? [];
    const reason = (stack[stack.length - 1] ?? (err as Error).message ?? '').replace(/^error:[0-9A-F]+:/, '');
    throw new AppError('private_key_invalid', `the private key could not be read: ${reason}`, { cause: err });
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
  const pkcs8Der = format === 'pkcs8' ? der : key.export({ type: 'pkcs8', format: 'der' });
  return { pkcs8Der, spkiSha256: createHash('sha256').update(spki).digest('hex'), type };
}

/** RFC 5958: PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm, privateKey, … }. */
function checkPkcs8Algorithm(der: Buffer, top: ReturnType<typeof readTlv>): void {
  try {
    const [, alg] = readChildren(der, top);
    const oid = readTlv(der, alg.valueStart, alg.end);
    if (oid.tag !== Tag.OID) throw new DerError('algorithm must be an OID');
    const k = oidKey(der, oid);
    const name = unsupportedAlgorithms.get(k);
    if (name !== undefined) throw new AppError('unsupported_key_type', `${name} keys are not supported; use RSA, EC or Ed25519`);
    if (!supportedAlgorithms.has(k)) {
      throw new AppError('unsupported_key_type', `keys of algorithm ${oidToString(der, oid)} are not supported; use RSA, EC or Ed25519`);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('private_key_invalid', `malformed PKCS#8 private key: ${(err as Error).message}`, { cause: err });
  }
}
