import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { coverCandidates } from './host-name.js';

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

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A domain as a service stores it: trimmed, lower case, IDN labels as A-labels (punycode), no
 * trailing dot; a wildcard only as the whole left-most label of at least three (`*.x.y`, as
 * RFC 6125 §6.4.3 lets a certificate name it); an IPv4 or IPv6 literal (IPv6 in its canonical
 * compressed form). Returns undefined for anything that is not such a host name.
 */
export function normalizeServiceDomain(input: string): string | undefined {
  const host = input.trim().replace(/\.$/, '');
  // Percent-escapes would be decoded by the WHATWG host parser (below); a domain never has one.
  if (host === '' || host.length > 253 || host.includes('%')) return undefined;
  const ip = isIP(host.replace(/^\[(.*)\]$/, '$1'));
  if (ip === 4) return host;
  if (ip === 6) return new URL(`http://[${host.replace(/^\[(.*)\]$/, '$1')}]`).hostname.slice(1, -1);
  const wildcard = host.startsWith('*.');
  const rest = wildcard ? host.slice(2) : host;
  // The WHATWG host parser behind domainToASCII drops a path or port ("example.com/x" →
  // "example.com"): refuse URL syntax before it gets there.
  if (rest.includes('*') || /[\s/\\?#@:[\]<>^|"']/.test(rest)) return undefined;
  const ascii = domainToASCII(rest.toLowerCase());
  if (!ascii) return undefined;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return undefined;
  // An all-numeric last label is an IPv4 shorthand ("1.2" → 1.0.0.2), never a top-level domain (RFC 3696 §2).
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return undefined;
  const out = wildcard ? `*.${ascii}` : ascii;
  return out.length <= 253 ? out : undefined;
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
