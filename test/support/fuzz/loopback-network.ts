import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

/** A connection or name lookup the guard refused: it would have left the machine. */
export interface RefusedDestination {
  kind: 'connect' | 'lookup' | 'resolve';
  host: string;
  port?: number;
  /** Whether it was on loopback (a port nothing of the test listens on); else it would have left the machine. */
  loopback: boolean;
}

export interface LoopbackNetwork {
  /** What was refused since install, oldest first (at most the first 1,000). */
  readonly refused: readonly RefusedDestination[];
  /** How many were refused in all, and how many of them would have left the machine. */
  counts(): { all: number; offLoopback: number };
  /** Lets connections reach one more loopback port (a server the test started). */
  open(port: number): void;
  uninstall(): void;
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.', 'ip6-localhost']);

/** 127.0.0.0/8, ::1, and IPv4-mapped loopback. */
export function isLoopbackAddress(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '').toLowerCase();
  if (net.isIPv4(address)) return address.startsWith('127.');
  if (!net.isIPv6(address)) return false;
  if (address === '::1' || address === '0:0:0:0:0:0:0:1') return true;
  const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  return mapped !== null && mapped[1].startsWith('127.');
}

function refusal(code: 'ECONNREFUSED' | 'ENOTFOUND', host: string, port?: number): NodeJS.ErrnoException {
  const err = new Error(`${code === 'ENOTFOUND' ? 'getaddrinfo' : 'connect'} ${code} ${host}${port === undefined ? '' : `:${port}`} (refused by the test's loopback-only network)`) as NodeJS.ErrnoException & { hostname?: string };
  err.code = code;
  err.syscall = code === 'ENOTFOUND' ? 'getaddrinfo' : 'connect';
  err.hostname = host;
  return err;
}

/**
 * Keeps every connection this process makes on loopback, whatever the code under test is asked
 * to reach: a fuzzer hands the server arbitrary host names, URLs and ACME directories. Name
 * lookups (`dns.lookup`, `dns/promises` `lookup`) answer ENOTFOUND at once for any name but
 * `localhost` and IP literals, and `net.Socket#connect` (which TLS, HTTP, HTTP/2, pg and SMTP
 * clients all go through) fails with ECONNREFUSED for an IP literal outside 127.0.0.0/8 and ::1,
 * as a closed port would. With `ports`, a loopback port not listed is closed too (other
 * processes of the machine listen on loopback: a probe must not reach them). A connection that
 * brings its own `lookup` has the addresses it resolves checked the same way. The DNS resolvers
 * that ask the system's name servers directly (`dns.resolve*`, `Resolver`, their promise forms)
 * answer ENOTFOUND for every name. Unix sockets are left alone. Refusals are recorded, not
 * thrown at the caller: the server must cope with unreachable destinations as it would in
 * production.
 */
export function installLoopbackNetwork(options: { ports?: readonly number[] } = {}): LoopbackNetwork {
  const ports = options.ports === undefined ? undefined : new Set<number>(options.ports);
  const refused: RefusedDestination[] = [];
  let count = 0;
  let offLoopback = 0;
  const record = (entry: RefusedDestination) => {
    count += 1;
    if (!entry.loopback) offLoopback += 1;
    if (refused.length < 1000) refused.push(entry);
  };

  const originalLookup = dns.lookup;
  const originalPromisesLookup = dns.promises.lookup;
  const originalConnect = net.Socket.prototype.connect;
  const allowedName = (hostname: string) => LOOPBACK_NAMES.has(hostname.toLowerCase()) || net.isIP(hostname) !== 0;
  /** Whether a connection to this address and port is closed (see above). */
  const closedAddress = (address: string, port: number | undefined) => !isLoopbackAddress(address) || (ports !== undefined && !ports.has(Number(port)));

  // Every resolver function that sends queries itself rather than through getaddrinfo.
  const resolverHolders = [dns, dns.promises, dns.Resolver.prototype, dns.promises.Resolver.prototype] as unknown as Array<Record<string, unknown>>;
  const originalResolvers = resolverHolders.map((holder) => {
    const names = Object.getOwnPropertyNames(holder).filter((name) => /^(resolve|reverse)/.test(name) && typeof holder[name] === 'function');
    return { holder, saved: names.map((name) => [name, holder[name]] as const) };
  });
  for (const { holder, saved } of originalResolvers) {
    const promised = holder === (dns.promises as unknown) || holder === (dns.promises.Resolver.prototype as unknown);
    for (const [name] of saved) {
      holder[name] = (hostname: unknown, ...rest: unknown[]) => {
        record({ kind: 'resolve', host: String(hostname), loopback: false });
        const err = refusal('ENOTFOUND', String(hostname));
        if (promised) return Promise.reject(err);
        const callback = rest[rest.length - 1];
        if (typeof callback === 'function') process.nextTick(() => (callback as (e: Error) => void)(err));
        return undefined;
      };
    }
  }

  const guardedLookup = function (this: unknown, hostname: string, ...rest: unknown[]) {
    const callback = rest[rest.length - 1] as (err: NodeJS.ErrnoException | null, ...values: unknown[]) => void;
    if (typeof hostname !== 'string' || !allowedName(hostname)) {
      record({ kind: 'lookup', host: String(hostname), loopback: false });
      process.nextTick(() => callback(refusal('ENOTFOUND', String(hostname))));
      return {} as dns.LookupAddress;
    }
    return (originalLookup as (...args: unknown[]) => unknown).call(dns, hostname, ...rest);
  } as unknown as typeof dns.lookup;

  const guardedPromisesLookup = (async (hostname: string, options?: unknown) => {
    if (typeof hostname !== 'string' || !allowedName(hostname)) {
      record({ kind: 'lookup', host: String(hostname), loopback: false });
      throw refusal('ENOTFOUND', String(hostname));
    }
    return (originalPromisesLookup as (h: string, o?: unknown) => Promise<unknown>)(hostname, options);
  }) as typeof dns.promises.lookup;

  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect() passes its normalized arguments as one array whose first element is the options.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    let host: string | undefined;
    let port: number | undefined;
    let path: string | undefined;
    if (typeof first === 'object' && first !== null) {
      ({ host, port, path } = first as { host?: string; port?: number; path?: string });
      const options = first as { lookup?: unknown };
      const own = options.lookup;
      if (typeof own === 'function' && path === undefined) {
        // Its answers are checked as dns.lookup's would be: a lookup of its own may resolve anywhere.
        options.lookup = (hostname: string, lookupOptions: unknown, callback: (err: Error | null, address?: unknown, family?: number) => void) =>
          (own as typeof dns.lookup)(hostname, lookupOptions as dns.LookupOptions, ((err: Error | null, address: unknown, family?: number) => {
            const addresses = Array.isArray(address) ? (address as dns.LookupAddress[]).map((a) => a.address) : typeof address === 'string' ? [address] : [];
            const refused = err ? undefined : addresses.find((a) => closedAddress(a, port));
            if (refused === undefined) return callback(err, address, family);
            record({ kind: 'connect', host: `${hostname} (${refused})`, port, loopback: isLoopbackAddress(refused) });
            callback(refusal('ECONNREFUSED', refused, port));
          }) as never);
      }
    }
    else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      port = Number(first);
      host = typeof args[1] === 'string' ? args[1] : undefined;
    } else if (typeof first === 'string') path = first;
    if (path === undefined) {
      const target = host ?? 'localhost';
      const literal = net.isIP(target.replace(/^\[(.*)\]$/, '$1')) !== 0;
      const loopback = literal ? isLoopbackAddress(target) : LOOPBACK_NAMES.has(target.toLowerCase());
      const closed = (literal && !loopback) || (loopback && ports !== undefined && !ports.has(Number(port)));
      if (closed) {
        record({ kind: 'connect', host: target, port, loopback });
        process.nextTick(() => this.destroy(refusal('ECONNREFUSED', target, port)));
        return this;
      }
    }
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;

  dns.lookup = guardedLookup;
  dns.promises.lookup = guardedPromisesLookup;
  syncBuiltinESMExports();

  return {
    refused,
    counts: () => ({ all: count, offLoopback }),
    open: (port) => void ports?.add(port),
    uninstall: () => {
      dns.lookup = originalLookup;
      dns.promises.lookup = originalPromisesLookup;
      for (const { holder, saved } of originalResolvers) for (const [name, fn] of saved) holder[name] = fn;
      net.Socket.prototype.connect = originalConnect;
      syncBuiltinESMExports();
    },
  };
}
