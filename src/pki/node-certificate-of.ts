import { X509Certificate } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import type { ParsedCertificate } from './parsed-certificate.js';

const cache = new WeakMap<ParsedCertificate, X509Certificate>();

/**
 * The OpenSSL view (`node:crypto` X509Certificate) of a parsed certificate, built on first use
 * and cached per object: for signature checks (`checkIssued`, `verify`, `checkPrivateKey`).
 * Construction costs ~125 µs, which is why `parseCertificate` does not do it.
 * Throws `AppError('certificate_invalid')` when OpenSSL refuses bytes the DER reader accepted.
 */
export function nodeCertificateOf(cert: ParsedCertificate): X509Certificate {
  let x = cache.get(cert);
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
    cache.set(cert, x);
  }
  return x;
}
