import { AppError } from '../domain/app-error.js';
import { nodeCertificateOf } from './node-certificate-of.js';
import type { ParsedCertificate } from './parsed-certificate.js';

export interface OrderedChain {
  /** Issuers of the leaf: the leaf's issuer first, then its issuer, … up to a root if given. */
  chain: ParsedCertificate[];
  /** True when the certificates were not given in that order. */
  reordered: boolean;
}

/**
 * Builds the certification path leaf → issuer → … (RFC 5280 §6.1) out of `others`, whatever
 * their order. A certificate issues the current one when its subject is the current issuer
 * name and OpenSSL agrees (`checkIssued`: names, key identifiers, keyCertSign) and the
 * current certificate's signature verifies with its public key. Exact duplicates and copies
 * of the leaf are dropped. When two certificates could both continue the path (a
 * cross-signed and a self-signed copy of one CA), the one that is not self-signed is taken so
 * the path can go on. The path stops at a self-signed certificate.
 *
 * A certificate left out of the path → `AppError('chain_invalid')` naming its subject.
 */
export function orderChain(leaf: ParsedCertificate, others: ParsedCertificate[]): OrderedChain {
  const unique: ParsedCertificate[] = [];
  const seen = new Set<string>([leaf.fingerprintSha256]);
  for (const c of others) {
    if (seen.has(c.fingerprintSha256)) continue;
    seen.add(c.fingerprintSha256);
    unique.push(c);
  }
  const chain: ParsedCertificate[] = [];
  const remaining = [...unique];
  let current = leaf;
  while (remaining.length > 0 && !isSelfSignedRoot(current)) {
    const candidates = remaining.filter((c) => issued(c, current));
    if (candidates.length === 0) break;
    const next = candidates.find((c) => !c.selfSigned) ?? candidates[0];
    chain.push(next);
    remaining.splice(remaining.indexOf(next), 1);
    current = next;
  }
  if (remaining.length > 0) {
    const stray = remaining[0];
    const end = chain.length > 0 ? chain[chain.length - 1] : leaf;
    throw new AppError(
      'chain_invalid',
      `the certificate "${stray.subject}" does not link into the chain of "${leaf.subject}": ` +
        `it did not issue "${end.subject}" nor any other certificate of the chain`,
      { details: { subject: stray.subject, fingerprintSha256: stray.fingerprintSha256 } },
    );
  }
  const reordered = chain.some((c, i) => c !== unique[i]);
  return { chain, reordered };
}

function isSelfSignedRoot(cert: ParsedCertificate): boolean {
  return cert.selfSigned && issued(cert, cert);
}

/** Did `issuer` sign `child`? Cheap name and key-identifier checks first, then OpenSSL. */
function issued(issuer: ParsedCertificate, child: ParsedCertificate): boolean {
  if (issuer.subject.toLowerCase() !== child.issuer.toLowerCase()) return false;
  if (issuer.subjectKeyId !== null && child.authorityKeyId !== null && issuer.subjectKeyId !== child.authorityKeyId) {
    return false;
  }
  const c = nodeCertificateOf(child);
  const i = nodeCertificateOf(issuer);
  try {
    return c.checkIssued(i) && c.verify(i.publicKey);
  } catch {
    return false;
  }
}
