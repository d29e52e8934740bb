import { AppError } from '../domain/app-error.js';
import { DerError, readTlv } from './der.js';
import { asText, decodeBase64Strict, scanPem } from './pem.js';
import { isPrivateKeyKind, pkcs7Certificates, sniffDer } from './sniff-der.js';

export interface DecodeCertificatesOptions {
  /** Most certificates accepted; more → `too_many_certificates`. Default 100. */
  max?: number;
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CERTIFICATE CHAIN']);

/**
 * Splits certificate input into DER blobs, one per certificate, in the order given. Accepts:
 * PEM text with one or many CERTIFICATE blocks (also "TRUSTED CERTIFICATE", whose trailing
 * OpenSSL trust data is dropped, and PKCS7 blocks), surrounded by any text, CRLF or indented;
 * base64 of DER (whitespace allowed); raw DER bytes (one or several concatenated certificates,
 * or a PKCS#7 ".p7b"). Only the outer DER framing is checked here; the caller parses each blob
 * with `parseCertificate`.
 *
 * Errors: nothing certificate-like → `certificate_missing`; a private key (PEM block or
 * key-shaped DER) → `private_key_in_certificate_field`; more than `max` →
 * `too_many_certificates`; unreadable, truncated or other data → `certificate_invalid`.
 */
export function decodeCertificates(input: string | Buffer, options: DecodeCertificatesOptions = {}): Buffer[] {
  const max = options.max ?? 100;
  if (typeof input !== 'string' && !Buffer.isBuffer(input)) {
    throw new AppError('certificate_invalid', 'certificate input must be text or bytes');
  }
  if (Buffer.isBuffer(input) && input.length > 0 && input[0] === 0x30) return splitDer(input, max, 'the input');
  const text = asText(input);
  if (text.trim() === '') throw new AppError('certificate_missing', 'no certificate was given (the input is empty)');
  if (!text.includes('-----BEGIN')) {
    const bytes = decodeBase64Strict(text.replace(/\s+/g, ''));
    if (bytes === null || bytes.length === 0 || bytes[0] !== 0x30) {
      throw new AppError('certificate_invalid', 'the input is neither PEM, base64 of DER, nor DER');
    }
    return splitDer(bytes, max, 'the base64 input');
  }
  const { blocks, unterminated } = scanPem(text);
  for (const b of blocks) {
    if (b.label.includes('PRIVATE KEY')) {
      throw new AppError(
        'private_key_in_certificate_field',
        `a "${b.label}" block was given where certificates are expected; give the private key in its own field`,
      );
    }
  }
  if (unterminated !== null) {
    throw new AppError('certificate_invalid', `the PEM block "${unterminated}" has no END line (the input is truncated)`);
  }
  const out: Buffer[] = [];
  const others: string[] = [];
  for (const b of blocks) {
    const isCert = CERTIFICATE_LABELS.has(b.label);
    const isPkcs7 = PKCS7_LABELS.has(b.label);
    if (!isCert && !isPkcs7) {
      others.push(b.label);
      continue;
    }
    const what = `PEM block #${b.index + 1} ("${b.label}")`;
    const bytes = decodeBase64Strict(b.base64);
    if (bytes === null) throw new AppError('certificate_invalid', `${what} does not hold valid base64`);
    if (isPkcs7) {
      for (const der of splitDer(bytes, max - out.length, what)) out.push(der);
      continue;
    }
    let tlv;
    try {
      tlv = readTlv(bytes, 0);
    } catch (err) {
      throw new AppError('certificate_invalid', `${what} is not valid DER: ${(err as Error).message}`, { cause: err });
    }
    // TRUSTED CERTIFICATE = certificate || X509_CERT_AUX: keep the certificate only
    if (b.label !== 'TRUSTED CERTIFICATE' && tlv.end !== bytes.length) {
      throw new AppError('certificate_invalid', `${what} has ${bytes.length - tlv.end} unexpected bytes after the certificate`);
    }
    const kind = sniffDer(bytes, tlv);
    if (isPrivateKeyKind(kind)) {
      throw new AppError('private_key_in_certificate_field', `${what} holds a private key, not a certificate`);
    }
    if (kind !== 'certificate') throw new AppError('certificate_invalid', `${what} does not hold an X.509 certificate`);
    out.push(tlv.end === bytes.length ? bytes : bytes.subarray(0, tlv.end));
    if (out.length > max) throw tooMany(max);
  }
  if (out.length === 0) {
    const found = others.length > 0 ? ` (found: ${[...new Set(others)].join(', ')})` : '';
    throw new AppError('certificate_missing', `no CERTIFICATE block was found${found}`);
  }
  return out;
}

function tooMany(max: number): AppError {
  return new AppError('too_many_certificates', `more than ${max} certificates were given`, { details: { max } });
}

/** Splits concatenated DER elements; each must be a certificate or a PKCS#7 bundle of them. */
function splitDer(bytes: Buffer, max: number, what: string): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    let tlv;
    try {
      tlv = readTlv(bytes, pos);
    } catch (err) {
      throw new AppError('certificate_invalid', `${what} is not valid DER: ${(err as Error).message}`, { cause: err });
    }
    const kind = sniffDer(bytes, tlv);
    if (kind === 'certificate') out.push(bytes.subarray(tlv.start, tlv.end));
    else if (kind === 'pkcs7') {
      let certs;
      try {
        certs = pkcs7Certificates(bytes, tlv);
      } catch (err) {
        if (!(err instanceof DerError)) throw err;
        throw new AppError('certificate_invalid', `${what} is a malformed PKCS#7 bundle: ${err.message}`, { cause: err });
      }
      for (const c of certs) {
        if (sniffDer(bytes, c) !== 'certificate') {
          throw new AppError('certificate_invalid', `${what}: a PKCS#7 entry is not an X.509 certificate`);
        }
        out.push(bytes.subarray(c.start, c.end));
        if (out.length > max) throw tooMany(max);
      }
    } else if (isPrivateKeyKind(kind)) {
      throw new AppError('private_key_in_certificate_field', `${what} holds a private key, not a certificate`);
    } else if (kind === 'pkcs12') {
      throw new AppError('certificate_invalid', `${what} is a PKCS#12 file; import it as pkcs12 with its password`);
    } else if (kind === 'certificate-request') {
      throw new AppError('certificate_invalid', `${what} is a certificate signing request, not a certificate`);
    } else {
      throw new AppError('certificate_invalid', `${what} does not hold an X.509 certificate`);
    }
    if (out.length > max) throw tooMany(max);
    pos = tlv.end;
  }
  if (out.length === 0) throw new AppError('certificate_missing', `${what} holds no certificate`);
  return out;
}
