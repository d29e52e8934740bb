import net from 'node:net';
import { defaultPorts, probeProtocols, type ProbeProtocol } from './starttls.js';

/** One endpoint to probe. */
export interface ScanEndpoint {
  host: string;
  port: number;
  protocol: ProbeProtocol;
}

/** A target that could not be read; the message says why. */
export class ScanTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanTargetError';
  }
}

/** Default cap on the endpoints one scan expands to. */
export const DEFAULT_MAX_ENDPOINTS = 65_536;

function parsePorts(text: string, target: string): number[] {
  const ports: number[] = [];
  for (const part of text.split(',')) {
    const range = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part.trim());
    if (!range) throw new ScanTargetError(`${target}: "${part}" is not a port or a port range`);
    const from = Number(range[1]);
    const to = range[2] !== undefined ? Number(range[2]) : from;
    if (from < 1 || to > 65535 || from > to) throw new ScanTargetError(`${target}: ports must be from 1 to 65535 (got ${part})`);
    for (let p = from; p <= to; p++) ports.push(p);
  }
  return [...new Set(ports)];
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}
const intToIpv4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

function ipv6ToBigInt(ip: string): bigint {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  let parts = groups(head);
  let tailParts = tail === undefined ? [] : groups(tail);
  const expand = (ps: string[]) => ps.flatMap((p) => (p.includes('.') ? ((n) => [(n >>> 16).toString(16), (n & 0xffff).toString(16)])(ipv4ToInt(p)) : [p]));
  parts = expand(parts);
  tailParts = expand(tailParts);
  const all = tail === undefined ? parts : [...parts, ...Array(8 - parts.length - tailParts.length).fill('0'), ...tailParts];
  return all.reduce((n, g) => (n << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
}
function bigIntToIpv6(n: bigint): string {
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((n >> BigInt(i * 16)) & 0xffffn).toString(16));
  // RFC 5952: compress the longest run of zero groups (2 or more).
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLength).join(':')}`;
}

/**
 * Reads scan targets into endpoints, in order, duplicates removed:
 * - `host` or `host:port` (default port of `protocol`: 443 for tls, 25, 143, 389, 5432);
 * - `[v6]` or `[v6]:port`, or a bare IPv6 address;
 * - a CIDR range with a port list: `10.0.0.0/30:443,8443`, `[2001:db8::/126]:443` — every address
 *   of the range, network and broadcast addresses included (there is no such thing on /31, /32,
 *   and a scanner should not guess);
 * - a `scheme://` prefix (`smtp://mail.example.com`, `ldap://10.0.0.0/29:389`) overrides `protocol`.
 * Port lists take ranges: `8000-8010`. Throws `ScanTargetError` when the expansion passes
 * `maxEndpoints` (before allocating it) or a target cannot be read.
 */
export function expandTargets(targets: string[], protocol: ProbeProtocol, maxEndpoints = DEFAULT_MAX_ENDPOINTS): ScanEndpoint[] {
  const out: ScanEndpoint[] = [];
  const seen = new Set<string>();
  let total = 0;
  const add = (host: string, port: number, p: ProbeProtocol) => {
    const key = `${p}|${host}|${port}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ host, port, protocol: p });
  };
  const budget = (count: number | bigint, target: string) => {
    const n = typeof count === 'bigint' ? count : BigInt(count);
    if (BigInt(total) + n > BigInt(maxEndpoints)) {
      throw new ScanTargetError(`${target}: the scan would probe more than ${maxEndpoints} endpoints (give --max to allow more)`);
    }
    total += Number(n);
  };

  for (const raw of targets) {
    let text = raw.trim();
    if (text === '' || text.startsWith('#')) continue;
    let p = protocol;
    const scheme = /^([a-z]+):\/\//i.exec(text);
    if (scheme) {
      const name = scheme[1].toLowerCase() as ProbeProtocol;
      if (!probeProtocols.includes(name)) throw new ScanTargetError(`${raw}: unknown protocol ${scheme[1]} (${probeProtocols.join(', ')})`);
      p = name;
      text = text.slice(scheme[0].length).replace(/\/$/, '');
    }
    let hostPart: string;
    let portPart: string | undefined;
    const bracket = /^\[([^\]]+)\](?::(.+))?$/.exec(text);
    if (bracket) {
      hostPart = bracket[1];
      portPart = bracket[2];
    } else if (net.isIPv6(text) || (text.split(':').length > 2 && !text.includes('/'))) {
      hostPart = text; // a bare IPv6 address: no port possible
    } else {
      const i = text.lastIndexOf(':');
      hostPart = i >= 0 ? text.slice(0, i) : text;
      portPart = i >= 0 ? text.slice(i + 1) : undefined;
    }
    const ports = portPart !== undefined ? parsePorts(portPart, raw) : [defaultPorts[p]];
    const cidr = /^(.+)\/(\d{1,3})$/.exec(hostPart);
    if (cidr) {
      const [, base, bitsText] = cidr;
      const bits = Number(bitsText);
      if (net.isIPv4(base)) {
        if (bits > 32) throw new ScanTargetError(`${raw}: an IPv4 prefix is at most /32`);
        const size = 2 ** (32 - bits);
        budget(size * ports.length, raw);
        const start = (ipv4ToInt(base) - (ipv4ToInt(base) % size)) >>> 0;
        for (let k = 0; k < size; k++) for (const port of ports) add(intToIpv4((start + k) >>> 0), port, p);
      } else if (net.isIPv6(base)) {
        if (bits > 128) throw new ScanTargetError(`${raw}: an IPv6 prefix is at most /128`);
        const size = 1n << BigInt(128 - bits);
        budget(size * BigInt(ports.length), raw);
        const start = ipv6ToBigInt(base) & ~(size - 1n);
        for (let k = 0n; k < size; k++) for (const port of ports) add(bigIntToIpv6(start + k), port, p);
      } else throw new ScanTargetError(`${raw}: "${base}" is not an IP address (CIDR ranges take IP addresses)`);
      continue;
    }
    if (hostPart === '' || /[\s/]/.test(hostPart)) throw new ScanTargetError(`${raw}: not a host, host:port or CIDR range`);
    budget(ports.length, raw);
    for (const port of ports) add(hostPart, port, p);
  }
  return out;
}
