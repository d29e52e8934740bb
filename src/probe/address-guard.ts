import { lookup as dnsLookup } from 'node:dns/promises';
import net from 'node:net';

/**
 * Addresses server-side probes refuse unless allowed: link-local (IPv4 169.254.0.0/16, RFC 3927;
 * IPv6 fe80::/10), where the cloud metadata services live (169.254.169.254 on AWS, GCP, Azure,
 * OpenStack…; fd00:ec2::254 on AWS over IPv6), and Alibaba Cloud's 100.100.100.200.
 */
export const builtInDeniedCidrs: readonly string[] = ['169.254.0.0/16', 'fe80::/10', 'fd00:ec2::254/128', '100.100.100.200/32'];

/** Names of metadata services, refused by name (they resolve to 169.254.169.254 where they exist). */
export const metadataHostNames: readonly string[] = ['metadata.google.internal', 'metadata', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.internal'];
const METADATA_ADDRESS = '169.254.169.254';

export interface Cidr {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** "10.0.0.0/8", "fe80::/10", or a bare address (a /32 or /128); undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const version = net.isIP(address);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** A comma- or space-separated CIDR list; throws on the first malformed entry (its text in the message). */
export function parseCidrList(text: string | undefined): string[] {
  const items = (text ?? '').split(/[\s,]+/).filter(Boolean);
  for (const item of items) if (!parseCidr(item)) throw new Error(`"${item}" is not an IP address or CIDR range`);
  return items;
}

function blockList(cidrs: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const text of cidrs) {
    const c = parseCidr(text);
    if (!c) throw new Error(`"${text}" is not an IP address or CIDR range`);
    list.addSubnet(c.address, c.prefix, c.family);
  }
  return list;
}

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it reaches. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1] : address;
}

export type GuardOutcome =
  | { kind: 'allowed'; addresses: string[] }
  /** The name did not resolve: the probe itself reports it (host_not_found). */
  | { kind: 'unresolved' }
  | { kind: 'refused'; address: string; message: string };

export type Lookup = (host: string) => Promise<string[]>;

const systemLookup: Lookup = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Decides which addresses a server-side probe may connect to. Refused: an address in `deny`, or
 * in the built-in list (`builtInDeniedCidrs`, metadata names) and not in `allow`. Loopback and
 * private ranges are allowed (certkeeper watches internal servers). A name is resolved and
 * every address it resolves to is checked; the probe then connects to a checked address, so a
 * name that resolves differently a moment later (DNS rebinding) cannot slip through.
 */
export class AddressGuard {
  private readonly allow: net.BlockList;
  private readonly deny: net.BlockList;
  private readonly builtIn: net.BlockList;

  constructor(
    config: { allow: readonly string[]; deny: readonly string[] } = { allow: [], deny: [] },
    private readonly lookup: Lookup = systemLookup,
  ) {
    this.allow = blockList(config.allow);
    this.deny = blockList(config.deny);
    this.builtIn = blockList(builtInDeniedCidrs);
  }

  /** Why the address is refused, or null when it may be probed. */
  refusal(addressInput: string): string | null {
    const address = unmapped(addressInput);
    const family = net.isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (this.deny.check(address, family)) return `${address} is in CERTKEEPER_PROBE_DENY`;
    if (this.builtIn.check(address, family) && !this.allow.check(address, family)) {
      return `${address} is a link-local or cloud metadata address (allow it with CERTKEEPER_PROBE_ALLOW)`;
    }
    return null;
  }

  /** Checks the host (an IP literal, or a name resolved now) and answers with the addresses to connect to. */
  async check(host: string): Promise<GuardOutcome> {
    const literal = host.replace(/^\[(.*)\]$/, '$1');
    if (net.isIP(literal) !== 0) {
      const why = this.refusal(literal);
      return why ? { kind: 'refused', address: literal, message: why } : { kind: 'allowed', addresses: [literal] };
    }
    const name = host.toLowerCase().replace(/\.$/, '');
    if (metadataHostNames.includes(name)) {
      const why = this.refusal(METADATA_ADDRESS);
      if (why) return { kind: 'refused', address: name, message: `${name} names a cloud metadata service (allow ${METADATA_ADDRESS} with CERTKEEPER_PROBE_ALLOW)` };
    }
    let addresses: string[];
    try {
      addresses = await this.lookup(name);
    } catch {
      return { kind: 'unresolved' };
    }
    if (addresses.length === 0) return { kind: 'unresolved' };
    for (const address of addresses) {
      const why = this.refusal(address);
      if (why) return { kind: 'refused', address, message: `${host} resolves to ${why}` };
    }
    return { kind: 'allowed', addresses };
  }
}
