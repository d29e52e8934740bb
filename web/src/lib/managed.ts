/**
 * Pure logic of asking for a managed certificate: the names typed one per line, the choices
 * the API offers, and the DNS records to publish in the form a DNS zone takes them.
 */

/** The challenges POST /certificates accepts (dns-01 is its default). */
export const CHALLENGES: [string, string][] = [
  ['dns-01', 'DNS (dns-01): publish TXT records, then validate'],
  ['http-01', 'HTTP (http-01): certkeeper answers the CA itself'],
];

/** The key types POST /certificates accepts (ec-p256 is its default). */
export const KEY_TYPES: [string, string][] = [
  ['ec-p256', 'EC P-256 (recommended)'],
  ['ec-p384', 'EC P-384'],
  ['rsa-2048', 'RSA 2048'],
  ['rsa-3072', 'RSA 3072'],
  ['rsa-4096', 'RSA 4096'],
];

/**
 * Names typed one per line (commas and spaces separate too): trimmed, lower-cased, a trailing
 * dot dropped, duplicates removed, order kept. The first is the certificate's domain name.
 */
export function parseNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const name = raw.trim().toLowerCase().replace(/\.$/, '');
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/** What is wrong with the names before asking the server (it checks again), or undefined. */
export function namesProblem(names: readonly string[], challenge: string): string | undefined {
  if (names.length === 0) return 'Enter at least one name.';
  if (names.length > 100) return 'A certificate holds at most 100 names.';
  if (challenge === 'http-01') {
    const wild = names.find((n) => n.startsWith('*.'));
    if (wild) return `${wild} is a wildcard: wildcards are validated by DNS (dns-01) only.`;
  }
  return undefined;
}

export interface DnsRecord {
  key: string;
  value: string;
}

/** The records grouped by name: a wildcard and its base name share one name with two values, both to publish. */
export function groupRecords(records: readonly DnsRecord[]): { name: string; values: string[] }[] {
  const byName = new Map<string, string[]>();
  for (const r of records) byName.set(r.key, [...(byName.get(r.key) ?? []), r.value]);
  return [...byName.entries()].map(([name, values]) => ({ name, values }));
}

/** The records as zone-file lines, ready to paste: `_acme-challenge.example.com. 300 IN TXT "value"`. */
export function zoneLines(records: readonly DnsRecord[], ttl = 300): string {
  return records.map((r) => `${r.key.replace(/\.?$/, '.')} ${ttl} IN TXT "${r.value.replace(/["\\]/g, '\\$&')}"`).join('\n');
}
