import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { AppError } from '../domain/app-error.js';

/** Host names of cloud metadata services, refused whatever they resolve to. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.com']);

function denied(): BlockList {
  const list = new BlockList();
  list.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, including 169.254.169.254 (AWS, GCP, Azure, OpenStack)
  list.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
  list.addAddress('168.63.129.16', 'ipv4'); // Azure wire server
  list.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network": connects to the local host on Linux
  list.addSubnet('fe80::', 10, 'ipv6'); // link-local
  list.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6
  list.addAddress('::', 'ipv6');
  return list;
}

/**
 * Which outbound destinations notification channels may reach: http and https only, never
 * link-local or cloud metadata addresses unless `CERTKEEPER_OUTBOUND_ALLOW` lists them (CIDR
 * ranges, addresses or host names). Loopback and private ranges are allowed: they are neither
 * link-local nor metadata, and self-hosted receivers often live there. The host is resolved and
 * every address checked when connecting (`lookup`), so a name cannot be re-pointed in between.
 */
export class OutboundGuard {
  private readonly deny = denied();
  private readonly allow = new BlockList();
  private readonly allowNames = new Set<string>();

  constructor(allowList: readonly string[] = []) {
    for (const raw of allowList) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      const [addr, bits] = entry.split('/');
      const family = isIP(addr);
      if (family === 0) {
        this.allowNames.add(entry.replace(/\.$/, ''));
      } else if (bits === undefined) {
        this.allow.addAddress(addr, family === 4 ? 'ipv4' : 'ipv6');
      } else {
        this.allow.addSubnet(addr, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
      }
    }
  }

  /** Parses and checks a channel URL without resolving it; throws notification_url_invalid / _forbidden. */
  checkUrl(value: string, field = 'url'): URL {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new AppError('notification_url_invalid', `${field} must be an absolute http or https URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('notification_url_invalid', `${field} must use http or https, not ${url.protocol.replace(/:$/, '')}`);
    if (url.username || url.password) throw new AppError('notification_url_invalid', `${field} must not carry credentials (user:password@)`);
    const host = hostOf(url);
    if (this.allowNames.has(host)) return url;
    if (METADATA_NAMES.has(host)) throw forbidden(field, 'a cloud metadata host');
    const family = isIP(host);
    if (family !== 0 && !this.addressAllowed(host, family)) throw forbidden(field, 'a link-local or cloud metadata address');
    return url;
  }

  /** Whether a resolved address may be connected to. */
  addressAllowed(address: string, family: number): boolean {
    const type = family === 6 ? 'ipv6' : 'ipv4';
    let check = address;
    let checkType: 'ipv4' | 'ipv6' = type;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) {
      check = mapped[1];
      checkType = 'ipv4';
    }
    if (this.allow.check(check, checkType)) return true;
    return !this.deny.check(check, checkType);
  }

  /** A `lookup` for http.request that resolves the host and refuses a denied address before connecting. */
  lookupFor(host: string): LookupFunction {
    const guard = this;
    const allowedByName = this.allowNames.has(host);
    return ((hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | Array<{ address: string; family: number }>, family?: number) => void) => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return callback(err, '', 0);
        const list = addresses as Array<{ address: string; family: number }>;
        const bad = allowedByName ? undefined : list.find((a) => !guard.addressAllowed(a.address, a.family));
        if (bad) {
          const e = Object.assign(new Error(`refused to connect to ${bad.address}: a link-local or cloud metadata address (CERTKEEPER_OUTBOUND_ALLOW may allow it)`), { code: 'EOUTBOUNDDENIED' });
          return callback(e, '', 0);
        }
        if ((options as { all?: boolean }).all) return callback(null, list);
        callback(null, list[0].address, list[0].family);
      });
    }) as LookupFunction;
  }
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

function forbidden(field: string, what: string): AppError {
  return new AppError('notification_url_forbidden', `${field} points to ${what}; set CERTKEEPER_OUTBOUND_ALLOW to allow it`);
}

/** `https://hooks.slack.com/services/T000/B000/XXXX` → `https://hooks.slack.com/…` (the path and query often embed a token). */
export function redactUrl(url: URL): string {
  return `${url.protocol}//${url.host}/…`;
}
