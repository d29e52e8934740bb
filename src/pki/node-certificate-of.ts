import { X509Certificate } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import type { ParsedCertificate } from './parsed-certificate.js';

const cache = new WeakMap<ParsedCertificate, X509Certificate>();
/**
 * The same CA certificates come back parsed anew with every import and every probed chain
 * (one intermediate behind thousands of leaves): their OpenSSL view is also kept by
 * fingerprint, for the last few hundred certificates seen.
 */
const byFingerprint = new Map<string, X509Certificate>();
const BY_FINGERPRINT_MAX = 256;

/**
 * The OpenSSL view (`node:crypto` X509Certificate) of a parsed certificate, built on first use
 * and cached per object: for signature checks (`checkIssued`, `verify`, `checkPrivateKey`).
 * Construction costs ~125 µs, which is why `parseCertificate` does not do it.
 * Throws `AppError('certificate_invalid')` when OpenSSL refuses bytes the DER reader accepted.
 */
export function nodeCertificateOf(cert: ParsedCertificate): X509Certificate {
  let x = cache.get(cert);
  if (x === undefined && (x = byFingerprint.get(cert.fingerprintSha256)) !== undefined) {
    // Most recently used last: an intermediate behind many leaves stays.
    byFingerprint.delete(cert.fingerprintSha256);
    byFingerprint.set(cert.fingerprintSha256, x);
  }
  if (x === undefined) {
    try {
      x = new X509Certificate(cert.der);
    } catch (err) {
      throw new AppError(
        'certificate_invalid',
        `certificate "${cert.subject}" could not be read by OpenSSL: ${(err as Error).message}`,
        { cause: err },
      );
    }
    if (byFingerprint.size >= BY_FINGERPRINT_MAX) byFingerprint.delete(byFingerprint.keys().next().value!);
    byFingerprint.set(cert.fingerprintSha256, x);
  }
  cache.set(cert, x);
  return x;
}

/** Keeps an OpenSSL view built elsewhere (a TLS peer's certificate) for nodeCertificateOf, by its SHA-256 fingerprint. */
export function rememberNodeCertificate(x: X509Certificate): void {
  const fingerprint = x.fingerprint256.replace(/:/g, '').toLowerCase();
  if (byFingerprint.has(fingerprint)) return;
  if (byFingerprint.size >= BY_FINGERPRINT_MAX) byFingerprint.delete(byFingerprint.keys().next().value!);
  byFingerprint.set(fingerprint, x);
}
