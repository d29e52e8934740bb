import { lookup as dnsLookup } from 'node:dns/promises';
import net, { type LookupFunction } from 'node:net';
import { AppError } from '../domain/app-error.js';
import { checkHostName } from '../domain/host-name.js';

/**
 * Destinations no server-side connection reaches unless `CERTKEEPER_OUTBOUND_ALLOW` lists them:
 * CIDR ranges, and host names matched exactly. `why` is shown in refusals. Loopback and private
 * ranges are not here on purpose: self-hosted receivers, responders and probe targets live there.
 */
export const builtInDenyList: ReadonlyArray<{ entry: string; why: string }> = [
  { entry: '169.254.0.0/16', why: 'IPv4 link-local (RFC 3927), where cloud metadata services answer on 169.254.169.254 (AWS, GCP, Azure, OpenStack, Oracle)' },
  { entry: '0.0.0.0/8', why: '"this network" (RFC 1122), which Linux connects to the local host' },
  { entry: '100.100.100.200/32', why: 'the Alibaba Cloud metadata service' },
  { entry: '168.63.129.16/32', why: 'the Azure WireServer (the host agent endpoint of every Azure VM)' },
  { entry: 'fe80::/10', why: 'IPv6 link-local (RFC 4291)' },
  { entry: 'fd00:ec2::254/128', why: 'the AWS metadata service over IPv6' },
  { entry: '::/128', why: 'the unspecified IPv6 address, which Linux connects to the local host' },
  { entry: 'metadata.google.internal', why: 'the Google Cloud metadata service' },
  { entry: 'metadata.goog', why: 'the Google Cloud metadata service' },
  { entry: 'metadata', why: 'the Google Cloud metadata service (short name, through the search domain)' },
  { entry: 'instance-data', why: 'the AWS metadata service (short name)' },
  { entry: 'instance-data.ec2.internal', why: 'the AWS metadata service' },
  { entry: 'metadata.azure.com', why: 'the Azure metadata service' },
  { entry: 'metadata.azure.internal', why: 'the Azure metadata service' },
];

export type AddressListEntry =
  | { kind: 'range'; address: string; prefix: number; family: 'ipv4' | 'ipv6' }
  | { kind: 'name'; name: string };

/**
 * One entry of an allow or deny list: "10.0.0.0/8", "fe80::/10", a bare address (a /32 or
 * /128), or (unless `names` is false) a host name matched exactly; undefined when malformed.
 */
export function parseAddressListEntry(text: string, options: { names?: boolean } = {}): AddressListEntry | undefined {
  const trimmed = text.trim();
  const [address, prefixText, ...rest] = trimmed.split('/');
  const version = net.isIP(address);
  if (version !== 0) {
    // A zone index (fe80::1%eth0) names an interface of this host, not a destination.
    if (rest.length > 0 || address.includes('%')) return undefined;
    const max = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return undefined;
    return { kind: 'range', address: address.toLowerCase(), prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
  }
  if (options.names === false) return undefined;
  // checkHostName also refuses a numeric last label: a mistyped address ("10.0.0.300").
  const name = checkHostName(trimmed, { underscore: true, singleLabel: true }).name;
  if (name === undefined) return undefined;
  return { kind: 'name', name };
}

/** Splits a comma- or space-separated list; throws (with the entry's text) on the first malformed entry. */
export function parseAddressList(text: string | undefined, options: { names?: boolean } = {}): string[] {
  const items = (text ?? '').split(/[\s,]+/).filter(Boolean);
  for (const item of items) {
    if (!parseAddressListEntry(item, options)) throw new Error(`"${item}" is not an IP address${options.names === false ? ' or a CIDR range' : ', a CIDR range or a host name'}`);
  }
  return items;
}

/** CIDR ranges and exact host names, each remembered with a label (the entry, or the built-in why). */
class AddressList {
  private readonly ranges: Array<{ list: net.BlockList; label: string }> = [];
  private readonly names = new Map<string, string>();

  constructor(entries: ReadonlyArray<{ entry: string; label: string }>) {
    for (const { entry, label } of entries) {
      const parsed = parseAddressListEntry(entry);
      if (!parsed) throw new AppError('config_invalid', `"${entry}" is not an IP address, a CIDR range or a host name`);
      if (parsed.kind === 'name') {
        this.names.set(parsed.name, label);
      } else {
        const list = new net.BlockList();
        list.addSubnet(parsed.address, parsed.prefix, parsed.family);
        this.ranges.push({ list, label });
      }
    }
  }

  matchAddress(address: Effective): string | undefined {
    return this.ranges.find((r) => r.list.check(address.address, address.family))?.label;
  }

  matchName(name: string): string | undefined {
    return this.names.get(name);
  }
}

interface Effective {
  address: string;
  family: 'ipv4' | 'ipv6';
}

/**
 * The address a connection really reaches: an IPv4-mapped (::ffff:0:0/96) or NAT64
 * (64:ff9b::/96, RFC 6052) IPv6 address reaches the IPv4 address it embeds; a zone index
 * (fe80::1%eth0) does not change the address. Undefined when not an IP address.
 */
export function effectiveAddress(input: string): Effective | undefined {
  const address = input.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '').toLowerCase();
  const version = net.isIP(address);
  if (version === 4) return { address, family: 'ipv4' };
  if (version !== 6) return undefined;
  const g = ipv6Words(address);
  const mapped = g.slice(0, 5).every((w) => w === 0) && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((w) => w === 0);
  if (mapped || nat64) return { address: [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255].join('.'), family: 'ipv4' };
  return { address, family: 'ipv6' };
}

/** The eight 16-bit words of a valid IPv6 address (a trailing dotted quad included). */
function ipv6Words(address: string): number[] {
  let text = address;
  let quad: number[] = [];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const o = dotted.slice(1, 5).map(Number);
    quad = [o[0] * 256 + o[1], o[2] * 256 + o[3]];
    text = text.slice(0, dotted.index);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const hex = (part: string) => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const gap = text.indexOf('::');
  if (gap < 0) return [...hex(text), ...quad];
  const head = hex(text.slice(0, gap));
  const tail = hex(text.slice(gap + 2));
  return [...head, ...new Array<number>(8 - head.length - tail.length - quad.length).fill(0), ...tail, ...quad];
}

/** A host as compared with the lists: no brackets, no trailing dot, lower case. */
function normalizeHost(host: string): string {
  return host.trim().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
}

export interface AddressPolicySettings {
  /** CIDR ranges, addresses and host names reached although the built-in list refuses them. */
  allow?: readonly string[];
  /** CIDR ranges, addresses and host names never reached, loopback and allowed ones included. */
  deny?: readonly string[];
}

/** Resolves a host name to every address it has; injectable for tests. */
export type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

export type PolicyVerdict =
  | { kind: 'allowed'; addresses: string[] }
  /** The name did not resolve (the caller reports it, e.g. the probe's host_not_found). */
  | { kind: 'unresolved' }
  /** `address` is the refused address, or the refused name. */
  | { kind: 'refused'; address: string; message: string };

/** The `code` of the error `lookup` passes to a socket for a refused destination. */
export const OUTBOUND_REFUSED_CODE = 'EOUTBOUNDDENIED';

/** Whether a socket or request error is this policy refusing the destination at connect time. */
export function isOutboundRefusal(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === OUTBOUND_REFUSED_CODE;
}

const ALLOW_HINT = 'add it to CERTKEEPER_OUTBOUND_ALLOW to allow it';

/**
 * Which destinations server-side connections (endpoint probes, notification channels, OCSP and
 * CRL fetches, DNS updates, an organization's ACME directory) may reach. In order:
 *   1. in `deny` (an address, range or name): refused, whatever else says;
 *   2. in `allow`: allowed. A name in `allow` also allows every address it resolves to;
 *   3. in `builtInDenyList`: refused;
 *   4. anything else (public, private, loopback): allowed.
 * A name is checked itself and through every address it resolves to; one refused address refuses
 * the name. IPv4-mapped and NAT64 addresses are checked as the IPv4 address they reach.
 *
 * Callers check where they connect: `lookup` for sockets and http(s) requests (the addresses
 * checked are the ones connected to, so a name cannot be re-pointed between check and connect;
 * IP literals skip `lookup`, so check them with `refusalOfHost` first), `check` for a probe
 * that connects to one of the checked addresses, `checkUrl` for channel URLs.
 */
export class AddressPolicy {
  private readonly allow: AddressList;
  private readonly deny: AddressList;
  private readonly builtIn = new AddressList(builtInDenyList.map((d) => ({ entry: d.entry, label: d.why })));

  /** Throws config_invalid on a malformed entry (config.ts validates them first). */
  constructor(
    settings: AddressPolicySettings = {},
    private readonly resolve: Resolve = systemResolve,
  ) {
    this.allow = new AddressList((settings.allow ?? []).map((entry) => ({ entry, label: entry })));
    this.deny = new AddressList((settings.deny ?? []).map((entry) => ({ entry, label: entry })));
  }

  /**
   * Why a connection to `address` is refused, or null when allowed. `viaName` is the name it
   * was resolved from (a name in the allow list allows its addresses).
   */
  refusalOfAddress(address: string, viaName?: string): string | null {
    const effective = effectiveAddress(address);
    if (!effective) return `${address} is not an IP address`;
    const given = normalizeHost(address).replace(/%.*$/, '');
    const shown = given === effective.address ? given : `${given} (${effective.address})`;
    if (this.deny.matchAddress(effective)) return `${shown} is refused: it is in CERTKEEPER_OUTBOUND_DENY`;
    if (viaName !== undefined && this.allow.matchName(normalizeHost(viaName))) return null;
    if (this.allow.matchAddress(effective)) return null;
    const why = this.builtIn.matchAddress(effective);
    return why ? `${shown} is refused: ${why}; ${ALLOW_HINT}` : null;
  }

  /** Why a host name is refused by name (before any resolution), or null. */
  refusalOfName(name: string): string | null {
    const host = normalizeHost(name);
    if (this.deny.matchName(host)) return `${host} is refused: it is in CERTKEEPER_OUTBOUND_DENY`;
    if (this.allow.matchName(host)) return null;
    const why = this.builtIn.matchName(host);
    return why ? `${host} is refused: it names ${why}; ${ALLOW_HINT}` : null;
  }

  /** Without resolving: an IP literal's refusal, or a name's refusal by name. Null when nothing refuses it yet. */
  refusalOfHost(host: string): string | null {
    const h = normalizeHost(host);
    return effectiveAddress(h) ? this.refusalOfAddress(h) : this.refusalOfName(h);
  }

  /** Checks the host (an IP literal, or a name resolved now): the addresses to connect to, or why not. */
  async check(host: string): Promise<PolicyVerdict> {
    try {
      return await this.verdict(host);
    } catch {
      return { kind: 'unresolved' };
    }
  }

  /** As `check`, but a failed resolution throws the resolver's error (ENOTFOUND, EAI_AGAIN…). */
  private async verdict(host: string): Promise<PolicyVerdict> {
    const h = normalizeHost(host);
    if (effectiveAddress(h)) {
      const why = this.refusalOfAddress(h);
      return why ? { kind: 'refused', address: h, message: why } : { kind: 'allowed', addresses: [h] };
    }
    const byName = this.refusalOfName(h);
    if (byName) return { kind: 'refused', address: h, message: byName };
    const addresses = await this.resolve(h);
    if (addresses.length === 0) return { kind: 'unresolved' };
    for (const address of addresses) {
      const why = this.refusalOfAddress(address, h);
      if (why) return { kind: 'refused', address, message: `${h} resolves to ${why}` };
    }
    return { kind: 'allowed', addresses };
  }

  /**
   * A `lookup` for net.connect, http.request and https.request: resolves the name, checks every
   * address, and hands the socket only checked addresses; a refusal fails the connection with
   * an error whose code is OUTBOUND_REFUSED_CODE, before any connection is attempted.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const fail = (message: string) => callback(Object.assign(new Error(message), { code: OUTBOUND_REFUSED_CODE }), '', 0);
    const wanted = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
    this.verdict(hostname).then((verdict) => {
      if (verdict.kind === 'refused') return fail(verdict.message);
      const addresses = verdict.kind === 'allowed' ? verdict.addresses.filter((a) => wanted === 0 || net.isIP(a) === wanted) : [];
      if (addresses.length === 0) {
        return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), '', 0);
      }
      if (options.all) return callback(null, addresses.map((address) => ({ address, family: net.isIP(address) })));
      callback(null, addresses[0], net.isIP(addresses[0]));
    }, (err: NodeJS.ErrnoException) => callback(err, '', 0));
  };

  /**
   * Parses a notification channel's URL and checks its host without resolving it (the name is
   * checked again at each connection through `lookup`). Throws notification_url_invalid (not
   * an absolute http(s) URL, or carrying credentials) or notification_url_forbidden.
   */
  checkUrl(value: string, field = 'url'): URL {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new AppError('notification_url_invalid', `${field} must be an absolute http or https URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('notification_url_invalid', `${field} must use http or https, not ${url.protocol.replace(/:$/, '')}`);
    if (url.username || url.password) throw new AppError('notification_url_invalid', `${field} must not carry credentials (user:password@)`);
    const why = this.refusalOfHost(url.hostname);
    if (why) throw new AppError('notification_url_forbidden', `${field}: ${why}`);
    return url;
  }
}
