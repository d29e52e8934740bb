/**
 * CRL checks (RFC 5280 §5, §6.3) with @peculiar/x509's X509Crl: the CRL must be issued by the
 * certificate's issuer (same name, signature verified with the issuer's key), current at `now`
 * (thisUpdate not in the future, nextUpdate not past), and then the certificate's serial is
 * looked up. Delta CRLs, indirect CRLs and issuing-distribution-point scopes are not handled:
 * a full CRL of the issuer is expected (what Let's Encrypt and most CAs publish).
 */
import 'reflect-metadata';
import { X509Certificate as PeculiarCertificate, X509Crl } from '@peculiar/x509';
import { reasonName, REVOCATION_CLOCK_SKEW_MS, RevocationSourceError, type RevocationAnswer } from './revocation-answer.js';

/** A CRL parsed and verified against its issuer; reusable for every certificate of that issuer. */
export interface VerifiedCrl {
  crl: X509Crl;
  url: string;
}

/** Parses the CRL (DER or PEM) and verifies it was signed by `issuerDer`; throws RevocationSourceError. */
export async function verifyCrl(crlBytes: Buffer, issuerDer: Buffer, url: string): Promise<VerifiedCrl> {
  let crl: X509Crl;
  try {
    crl = new X509Crl(new Uint8Array(crlBytes));
  } catch (err) {
    throw new RevocationSourceError(`the CRL at ${url} is malformed: ${(err as Error).message}`, { cause: err });
  }
  const issuer = new PeculiarCertificate(new Uint8Array(issuerDer));
  if (crl.issuer !== issuer.subject) {
    throw new RevocationSourceError(`the CRL at ${url} was issued by "${crl.issuer}", not by the certificate's issuer "${issuer.subject}"`);
  }
  let valid = false;
  try {
    valid = await crl.verify({ publicKey: issuer });
  } catch {
    valid = false;
  }
  if (!valid) throw new RevocationSourceError(`the CRL signature at ${url} is invalid`);
  return { crl, url };
}

/** What the verified CRL says about `leafDer` at `now`; throws RevocationSourceError when it is not current. */
export function lookUpCrl(verified: VerifiedCrl, leafDer: Buffer, now: Date): RevocationAnswer {
  const { crl, url } = verified;
  if (crl.thisUpdate.getTime() > now.getTime() + REVOCATION_CLOCK_SKEW_MS) {
    throw new RevocationSourceError(`the CRL at ${url} has a thisUpdate ${crl.thisUpdate.toISOString()} in the future`);
  }
  const nextUpdate = crl.nextUpdate ?? null;
  if (nextUpdate && nextUpdate.getTime() < now.getTime() - REVOCATION_CLOCK_SKEW_MS) {
    throw new RevocationSourceError(`the CRL at ${url} is stale: its nextUpdate ${nextUpdate.toISOString()} has passed`);
  }
  const entry = crl.findRevoked(new PeculiarCertificate(new Uint8Array(leafDer)));
  return {
    method: 'crl',
    status: entry ? 'revoked' : 'good',
    reason: entry ? reasonName(entry.reason) : null,
    revokedAt: entry ? entry.revocationDate : null,
    thisUpdate: crl.thisUpdate,
    nextUpdate,
    url,
  };
}
