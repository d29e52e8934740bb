import { domainToASCII, domainToUnicode } from 'node:url';
import { isIP } from 'node:net';

/**
 * What a host name may be where one is taken. A name is always labels of letters, digits and
 * hyphens (RFC 1123 §2.1, RFC 5280 §4.2.1.6's preferred name syntax), 1 to 63 characters each,
 * none starting or ending with a hyphen, at most 253 characters in all, and never ending in an
 * all-digit label (no top-level domain is one; RFC 3696 §2). The rules widen it per use.
 */
export interface HostNameRules {
  /** An IPv4 or IPv6 literal (IPv6 also in brackets), given back in its canonical form. */
  ip?: boolean;
  /** `*.` and a name of at least two labels: a certificate name's wildcard (RFC 6125 §6.4.3). */
  wildcard?: boolean;
  /** Underscores in labels: names that are resolved or matched but never issued for (internal names). */
  underscore?: boolean;
  /** A name of one label (`localhost`, an internal name); else at least two. */
  singleLabel?: boolean;
}

/** A name to connect to or match: an IP literal or a name, underscores and single labels allowed. */
export const connectableHost: HostNameRules = { ip: true, underscore: true, singleLabel: true };

/** The name as certificates write it, or what is wrong with it (to follow the input in a message). */
export type HostNameCheck = { name: string; problem?: undefined } | { name?: undefined; problem: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LABEL_WITH_UNDERSCORE = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Checks a host name and returns it as certificates write it: trimmed, lower case, IDN labels
 * as A-labels (punycode), no trailing dot; or the problem, worded to follow the name ("has an
 * empty label").
 */
export function checkHostName(input: string, rules: HostNameRules = {}): HostNameCheck {
  const host = input.trim().replace(/\.$/, '');
  if (host === '') return { problem: 'is empty' };
  if (host.length > 1024) return { problem: 'is longer than 253 characters' };
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  // A zone index (fe80::1%eth0) names an interface of this host, not an address to reach.
  const ip = bare.includes('%') ? 0 : isIP(bare);
  if (ip !== 0) {
    if (!rules.ip) return { problem: 'is an IP address; a host name is needed here' };
    return { name: ip === 4 ? bare : new URL(`http://[${bare}]`).hostname.slice(1, -1) };
  }
  const wildcard = host.startsWith('*.');
  const rest = wildcard ? host.slice(2) : host;
  if (wildcard && !rules.wildcard) return { problem: 'is a wildcard; a wildcard is not allowed here' };
  if (rest.includes('*')) return { problem: rules.wildcard ? 'has a "*" other than as the whole left-most label (*.example.com)' : 'has a "*"; a wildcard is not allowed here' };
  // Refused before the WHATWG host parser behind domainToASCII, which would read a URL's host out
  // of it ("example.com/x", "ex%41mple.com", "user@example.com:443" → example.com).
  const odd = /[^A-Za-z0-9.\-_\u00a1-\u{10ffff}]/u.exec(rest);
  if (odd) {
    if (/[\s\u0000-\u001f\u007f-\u00a0]/u.test(odd[0])) return { problem: 'has a space or a control character' };
    return { problem: `has "${odd[0]}"; a host name has only letters, digits, hyphens and dots (no scheme, port or path)` };
  }
  if (!rules.underscore && rest.includes('_')) return { problem: 'has "_"; underscores are not allowed in this host name' };
  const rawLabels = rest.split('.');
  if (rawLabels.some((l) => l === '')) return { problem: 'has an empty label (two dots in a row, or a leading dot)' };
  // Checked before domainToASCII, which reads such a name as an IPv4 address ("1.2" → 1.0.0.2).
  if (/^[0-9]+$/.test(rawLabels[rawLabels.length - 1]!)) return { problem: 'ends in an all-digit label; it is neither a host name nor an IP address' };
  const ascii = domainToASCII(rest.toLowerCase());
  if (!ascii) return { problem: 'is not a valid internationalized domain name' };
  if (isIP(ascii)) return { problem: 'is an IP address in a short or hexadecimal form; write it as four decimal numbers' };
  const labels = ascii.split('.');
  const labelPattern = rules.underscore ? LABEL_WITH_UNDERSCORE : LABEL;
  for (const label of labels) {
    if (label === '') return { problem: 'has an empty label (two dots in a row, or a leading dot)' };
    if (label.length > 63) return { problem: `has a label longer than 63 characters (${label.slice(0, 20)}…)` };
    if (label.startsWith('-') || label.endsWith('-')) return { problem: `has a label that starts or ends with a hyphen (${label})` };
    if (!labelPattern.test(label)) return { problem: `has a label with a character other than letters, digits and hyphens (${label})` };
    if (label.startsWith('xn--') && !isALabel(label)) return { problem: 'is not a valid internationalized domain name' };
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return { problem: 'ends in an all-digit label; it is neither a host name nor an IP address' };
  if (labels.length < 2 && (wildcard || !rules.singleLabel)) {
    return { problem: wildcard ? 'is a wildcard over a single label; it needs a name of at least two labels (*.example.com)' : 'has a single label; a name of at least two labels is needed (example.com)' };
  }
  const name = wildcard ? `*.${ascii}` : ascii;
  if (name.length > 253) return { problem: 'is longer than 253 characters' };
  return { name };
}

/**
 * A host name to connect to or match (connectableHost: IP literals, underscores and single
 * labels allowed) as certificates write it, or undefined when it is none.
 */
export function normalizeHostName(input: string): string | undefined {
  return checkHostName(input, connectableHost).name;
}

/**
 * The certificate names that cover `host` under RFC 6125 §6.4.3: the host itself, and a
 * wildcard standing for exactly its left-most label. No wildcard for IP addresses, and none that
 * would sit directly under a top-level label ("*.com").
 */
export function coverCandidates(host: string): string[] {
  const h = normalizeHostName(host);
  if (!h) return [];
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

/**
 * Whether an `xn--` label is the punycode of a Unicode label. Checked here because Node's URL
 * parser lets an undecodable one through on some versions (Node 24 keeps `xn--zz` as it is;
 * Node 20 refuses it): a real A-label decodes to something else and encodes back to itself.
 */
function isALabel(label: string): boolean {
  const unicode = domainToUnicode(label);
  return unicode !== '' && unicode !== label && domainToASCII(unicode) === label;
}
