import { checkHostName, coverCandidates, type HostNameRules } from './host-name.js';

/**
 * Services and their domains: a service groups domains, each with a certificate attached by
 * hand, one certkeeper issues through ACME, or none (docs/api.md). Pure types and functions.
 */

/** How a domain gets its certificate: one chosen by the user, one certkeeper requests through ACME, or none. */
export type CertType = 'manual' | 'auto' | 'none';
/** The state of the domain's last auto (ACME) request, as SwiftFederation WAAP's autocertRequestStatus. */
export type AutocertStatus = 'issuing' | 'issued' | 'failed';

export const certTypes: readonly CertType[] = ['manual', 'auto', 'none'];
export const autocertStatuses: readonly AutocertStatus[] = ['issuing', 'issued', 'failed'];

/** A service of a project; `id` is an integer unique in the deployment (SwiftFederation WAAP's serviceId). */
export interface Service {
  id: number;
  projectId: string;
  name: string;
  createdAt: Date;
}

/** One domain of a service and the certificate attached to it. */
export interface ServiceDomain {
  serviceId: number;
  /** Lower-case A-labels (punycode), a wildcard as `*.x.y`, or an IP literal. */
  domain: string;
  /** The attached inventory certificate, or null. */
  certificateId: number | null;
  /** `none` whenever no certificate is attached to a `manual` domain (e.g. the certificate was deleted). */
  certType: CertType;
  /** Outcome of the last auto request, or null when none was made; kept as history when the type changes. */
  autocertStatus: AutocertStatus | null;
  autocertRequestedAt: Date | null;
  createdAt: Date;
}

/**
 * A domain as a service takes it (domain/host-name.ts): a host name of at least two labels, no
 * underscores; a wildcard only as the whole left-most label of at least three (`*.x.y`, as
 * RFC 6125 §6.4.3 lets a certificate name it); or an IPv4 or IPv6 literal.
 */
export const serviceDomainRules: HostNameRules = { ip: true, wildcard: true };

/**
 * A domain as a service stores it: trimmed, lower case, IDN labels as A-labels (punycode), no
 * trailing dot, IPv6 in its canonical compressed form. Returns undefined for anything that is
 * not such a host name (checkHostName with serviceDomainRules says why).
 */
export function normalizeServiceDomain(input: string): string | undefined {
  return checkHostName(input, serviceDomainRules).name;
}

/**
 * Whether a certificate with these names (its SANs) is valid for the domain, per RFC 6125
 * §6.4.3: a host is covered by its own name or by a wildcard standing for exactly its
 * left-most label (never `*.tld`); an IP literal only by the same address; a wildcard domain
 * only by the same wildcard.
 */
export function certificateCoversDomain(names: readonly string[], domain: string): boolean {
  const lower = names.map((n) => n.toLowerCase().replace(/\.$/, ''));
  if (domain.startsWith('*.')) return lower.includes(domain);
  const candidates = coverCandidates(domain);
  return lower.some((n) => candidates.includes(n));
}
