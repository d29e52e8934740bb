/**
 * Watched endpoints in words: what each finding means, and the add form's input checked
 * before it is sent (the server checks again).
 */

export const PROTOCOLS: [string, string, number][] = [
  ['tls', 'TLS', 443],
  ['smtp', 'SMTP with STARTTLS', 25],
  ['imap', 'IMAP with STARTTLS', 143],
  ['ldap', 'LDAP with StartTLS', 389],
  ['postgres', 'PostgreSQL (SSLRequest)', 5432],
];

const FINDING_WORDS: Record<string, string> = {
  expiring: 'Expires within 30 days',
  expired: 'Expired',
  mismatch: 'Does not name the host',
  untrusted: 'Chain not trusted',
  stale_deployment: 'Serves an older certificate than the project has',
  unreachable: 'Unreachable',
};

/** A finding's title in words; its message from the server is the detail. */
export function findingWords(type: string): string {
  return FINDING_WORDS[type] ?? type.replace(/_/g, ' ');
}

export interface EndpointInput {
  host: string;
  port: number;
  protocol: string;
  serverName: string | null;
}

/** The add form's fields as the API's body, or the problem in words. */
export function endpointInput(host: string, port: string, protocol: string, serverName: string): EndpointInput | string {
  let h = host.trim();
  // A pasted URL gives its host and port.
  const url = /^[a-z]+:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?/i.exec(h);
  let p = port.trim();
  if (url) {
    h = url[1];
    if (url[2] && !p) p = url[2];
  }
  h = h.replace(/^\[|\]$/g, '');
  if (!h) return 'Enter a host name or address.';
  if (/\s|\//.test(h)) return 'The host is a name or an address, without spaces or a path.';
  const n = p === '' ? (PROTOCOLS.find(([v]) => v === protocol)?.[2] ?? 443) : Number(p);
  if (!Number.isInteger(n) || n < 1 || n > 65535) return 'The port is a number from 1 to 65535.';
  const sn = serverName.trim();
  return { host: h, port: n, protocol, serverName: sn === '' ? null : sn };
}
