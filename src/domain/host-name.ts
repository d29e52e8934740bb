import { domainToASCII } from 'node:url';
import { isIP } from 'node:net';

/**
 * A host name as certificates write it: A-labels (punycode), lower case, no trailing dot.
 * Returns undefined when the input is not a usable host name.
 */
export function normalizeHostName(input: string): string | undefined {
  const trimmed = input.trim().replace(/\.$/, '');
  if (!trimmed || trimmed.length > 253) return undefined;
  if (isIP(trimmed)) return trimmed.toLowerCase();
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii || !/^[a-z0-9*_.-]+$/.test(ascii)) return undefined;
  return ascii;
}

/**
 * The certificate names that cover `host` under RFC 6125 §6.4.3: the host itself, and a
 * wildcard standing for exactly its left-most label. No wildcard for IP addresses, and none that
 * would sit directly under a top-level label ("*.com").
 */
export function coverCandidates(host: string): string[] {
  const h = normalizeHostName(host);
  if (!h || h.includes('*')) return [];
  if (isIP(h)) return [h];
  const labels = h.split('.');
  if (labels.length >= 3) return [h, `*.${labels.slice(1).join('.')}`];
  return [h];
}

/** Whether a certificate name (possibly a wildcard) covers the host, per RFC 6125. */
export function nameCovers(certName: string, host: string): boolean {
  const candidates = coverCandidates(host);
  return candidates.includes(certName.toLowerCase().replace(/\.$/, ''));
}
