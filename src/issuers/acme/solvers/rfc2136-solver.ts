/**
 * dns-01 through RFC 2136 dynamic updates signed with TSIG (RFC 8945), as BIND, Knot, PowerDNS
 * and most self-hosted primaries accept them.
 */
import { randomInt } from 'node:crypto';
import { AppError } from '../../../domain/app-error.js';
import { AddressPolicy } from '../../../net/address-policy.js';
import { checkHostName, connectableHost } from '../../../domain/host-name.js';
import { systemClock, type Clock } from '../../../ports/clock.js';
import type { DnsChallengeSolver } from '../../../ports/issuer.js';
import {
  canonicalName,
  decodeMessage,
  dnsClasses,
  dnsMessage,
  dnsOpcodes,
  dnsTypes,
  encodeMessage,
  encodeTxt,
  nameError,
  rcodeName,
  type DecodedDnsMessage,
  type DnsQuestion,
  type DnsRecord,
} from './dns-message.js';
import { dnsTcpExchange } from './dns-tcp-exchange.js';
import {
  decodeTsigRdata,
  isTsigAlgorithm,
  signRequest,
  verifyResponse,
  type TsigAlgorithm,
  type TsigKey,
  type TsigRecordData,
  type TsigVerdict,
} from './tsig.js';

export interface Rfc2136SolverOptions {
  /** Host name or IP address of the primary that accepts updates. */
  server: string;
  /** Default 53. */
  port?: number;
  /** The zone to update; when absent it is found per record with SOA queries walking up the name. */
  zone?: string;
  tsig: {
    name: string;
    algorithm: TsigAlgorithm;
    /** base64, as `tsig-keygen` prints it. */
    secret: string;
  };
  /** TTL of the TXT records added; default 60 s. */
  ttl?: number;
  /** Per DNS exchange; default 10 s. */
  timeoutMs?: number;
  clock?: Clock;
  /**
   * The outbound address policy every connection to `server` goes through (checked at each
   * connection, so a name re-pointed since the settings were saved is refused too). Default:
   * the built-in deny list alone.
   */
  policy?: AddressPolicy;
}

const retryableRcodes = new Set([2 /* SERVFAIL */]);

function invalid(message: string): AppError {
  return new AppError('dns_provider_invalid', `RFC 2136 provider: ${message}`);
}

/** Strict base64 (RFC 4648 §4); Buffer.from would silently skip bad characters. */
function decodeSecret(secret: unknown): Buffer {
  if (typeof secret !== 'string') throw invalid('tsig.secret must be a base64 string');
  const compact = secret.replace(/\s+/g, '');
  if (!compact || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw invalid('tsig.secret is not valid base64');
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length === 0) throw invalid('tsig.secret is empty');
  return bytes;
}

function decodeTsigRdataSafe(rdata: Buffer): TsigRecordData | undefined {
  try {
    return decodeTsigRdata(rdata);
  } catch {
    return undefined;
  }
}

function isWithin(name: string, zone: string): boolean {
  return zone === '' || name === zone || name.endsWith(`.${zone}`);
}

function parentOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/**
 * `present` adds the TXT record to its RRset (RFC 2136 §2.5.1); `cleanup` deletes exactly that
 * RR (§2.5.4), so other values at the same name (a wildcard and its base name share one) stay.
 * Every request is TSIG-signed, and a success is believed only when the response's TSIG
 * verifies; a failure is reported as the server states it (BADSIG and BADKEY answers come
 * unsigned, RFC 8945 §5.3.2). A refusal, a TSIG error or an unverifiable response rejects with
 * AppError `dns_update_failed` naming the RCODE / TSIG error (retryable for timeouts,
 * unreachable servers and SERVFAIL). A server the outbound `AddressPolicy` refuses (an IP
 * literal, or a name through every address it resolves to at that moment) rejects with
 * `dns_provider_address_forbidden` before any connection is attempted.
 */
export class Rfc2136Solver implements DnsChallengeSolver {
  private readonly server: string;
  private readonly port: number;
  private readonly zone: string | undefined;
  private readonly key: TsigKey;
  private readonly ttl: number;
  private readonly timeoutMs: number;
  private readonly clock: Clock;
  private readonly policy: AddressPolicy;

  /** Validates the options; throws AppError `dns_provider_invalid` (never echoing the secret). */
  constructor(options: Rfc2136SolverOptions) {
    if (!options || typeof options !== 'object') throw invalid('options are missing');
    if (typeof options.server !== 'string' || options.server.trim() === '') throw invalid('server is required');
    const server = checkHostName(options.server, connectableHost);
    if (server.problem !== undefined) throw invalid(`server "${options.server.slice(0, 260)}" ${server.problem}; give a host name or an IP address`);
    this.server = server.name;
    const port = options.port ?? 53;
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(`port must be 1-65535, got ${String(port)}`);
    this.port = port;
    if (options.zone !== undefined) {
      const problem = typeof options.zone === 'string' ? nameError(options.zone) : 'not a string';
      if (problem || options.zone.replace(/\.$/, '') === '') throw invalid(`zone "${String(options.zone)}" is invalid: ${problem ?? 'empty'}`);
      this.zone = canonicalName(options.zone);
    }
    const tsig = options.tsig;
    if (!tsig || typeof tsig !== 'object') throw invalid('tsig { name, algorithm, secret } is required');
    if (typeof tsig.name !== 'string' || tsig.name.replace(/\.$/, '') === '') throw invalid('tsig.name is required');
    const nameProblem = nameError(tsig.name);
    if (nameProblem) throw invalid(`tsig.name is invalid: ${nameProblem}`);
    const algorithm = typeof tsig.algorithm === 'string' ? tsig.algorithm.toLowerCase().replace(/\.$/, '') : tsig.algorithm;
    if (!isTsigAlgorithm(algorithm)) {
      throw invalid(`tsig.algorithm "${String(tsig.algorithm)}" is not supported (hmac-sha256, hmac-sha512, hmac-sha1)`);
    }
    this.key = { name: canonicalName(tsig.name), algorithm, secret: decodeSecret(tsig.secret) };
    const ttl = options.ttl ?? 60;
    if (!Number.isInteger(ttl) || ttl < 0 || ttl > 0x7fffffff) throw invalid(`ttl must be a whole number of seconds, got ${String(ttl)}`);
    this.ttl = ttl;
    const timeoutMs = options.timeoutMs ?? 10_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw invalid(`timeoutMs must be positive, got ${String(timeoutMs)}`);
    this.timeoutMs = timeoutMs;
    this.clock = options.clock ?? systemClock;
    this.policy = options.policy ?? new AddressPolicy();
  }

  async present(recordName: string, value: string): Promise<void> {
    await this.update(recordName, value, 'add');
  }

  async cleanup(recordName: string, value: string): Promise<void> {
    // Deleting an RR that is not there is a no-op for the server (RFC 2136 §3.4.2.4).
    await this.update(recordName, value, 'delete');
  }

  /** The zone a record would be updated in: the configured one, else found by SOA queries. */
  async zoneFor(recordName: string): Promise<string> {
    const name = this.checkName(recordName);
    return this.zone ?? (await this.discoverZone(name));
  }

  private checkName(recordName: string): string {
    const problem = typeof recordName === 'string' ? nameError(recordName) : 'not a string';
    if (problem || recordName.replace(/\.$/, '') === '') {
      throw new AppError('dns_update_failed', `invalid record name "${String(recordName)}": ${problem ?? 'empty'}`);
    }
    return canonicalName(recordName);
  }

  private async update(recordName: string, value: string, action: 'add' | 'delete'): Promise<void> {
    const name = this.checkName(recordName);
    const zone = this.zone ?? (await this.discoverZone(name));
    if (!isWithin(name, zone)) {
      throw new AppError('dns_update_failed', `${name} is not inside the zone ${zone}`, {
        details: { server: this.where(), zone, recordName: name },
      });
    }
    const record: DnsRecord =
      action === 'add'
        ? { name, type: dnsTypes.TXT, class: dnsClasses.IN, ttl: this.ttl, rdata: encodeTxt(value) }
        : // Class NONE, TTL 0: delete this RR from the RRset (RFC 2136 §2.5.4).
          { name, type: dnsTypes.TXT, class: dnsClasses.NONE, ttl: 0, rdata: encodeTxt(value) };
    const response = await this.exchange(dnsOpcodes.UPDATE, { name: zone, type: dnsTypes.SOA, class: dnsClasses.IN }, [record]);
    const context = { zone, recordName: name, action };
    this.assertNoTsigError(response.decoded, context);
    if (response.decoded.rcode !== 0) {
      const rcode = rcodeName(response.decoded.rcode);
      throw new AppError('dns_update_failed', `DNS server ${this.where()} answered ${rcode} to the ${action} of TXT ${name} in zone ${zone}`, {
        retryable: retryableRcodes.has(response.decoded.rcode),
        details: { server: this.where(), rcode, ...context },
      });
    }
    this.assertSigned(response, context);
  }

  /**
   * Finds the zone holding `name` (RFC 2136 §4 leaves it to the requestor): an SOA query for the
   * name, then each parent, until an authoritative answer carries an SOA, in the answer (the
   * name is an apex) or the authority section (RFC 2308 §3 negative answers).
   */
  private async discoverZone(name: string): Promise<string> {
    // Down to a single label (self-hosted zones such as `internal` exist), never the root.
    for (let candidate = name; candidate !== ''; candidate = parentOf(candidate)) {
      const response = await this.exchange(dnsOpcodes.QUERY, { name: candidate, type: dnsTypes.SOA, class: dnsClasses.IN }, []);
      const context = { recordName: name, query: candidate };
      this.assertNoTsigError(response.decoded, context);
      const { rcode, answers, authorities } = response.decoded;
      if (rcode !== 0 && rcode !== 3 /* NXDOMAIN */) continue; // REFUSED etc.: not this server's zone, try the parent
      const soa =
        answers.find((r) => r.type === dnsTypes.SOA && canonicalName(r.name) === candidate) ??
        authorities.find((r) => r.type === dnsTypes.SOA && isWithin(name, canonicalName(r.name)));
      if (!soa) continue;
      this.assertSigned(response, context);
      return canonicalName(soa.name);
    }
    throw new AppError('dns_update_failed', `DNS server ${this.where()} is not authoritative for any zone holding ${name}`, {
      details: { server: this.where(), recordName: name },
    });
  }

  private where(): string {
    return `${this.server}:${this.port}`;
  }

  private async exchange(
    opcode: number,
    question: DnsQuestion,
    updates: DnsRecord[],
  ): Promise<{ raw: Buffer; decoded: DecodedDnsMessage; requestMac: Buffer }> {
    const id = randomInt(0, 0x10000);
    const message = encodeMessage(dnsMessage({ id, opcode, questions: [question], authorities: updates }));
    const { signed, mac } = signRequest(message, this.key, this.nowSeconds());
    const raw = await dnsTcpExchange(signed, { host: this.server, port: this.port, timeoutMs: this.timeoutMs, policy: this.policy });
    let decoded: DecodedDnsMessage;
    try {
      decoded = decodeMessage(raw);
    } catch (cause) {
      throw new AppError('dns_update_failed', `DNS server ${this.where()} sent a malformed response: ${(cause as Error).message}`, {
        cause,
        details: { server: this.where() },
      });
    }
    if (decoded.id !== id || !decoded.qr || decoded.opcode !== opcode) {
      throw new AppError('dns_update_failed', `DNS server ${this.where()} sent a response that does not match the request (id, QR or opcode)`, {
        details: { server: this.where() },
      });
    }
    return { raw, decoded, requestMac: mac };
  }

  /**
   * A TSIG error (RFC 8945 §5.3.2: BADSIG and BADKEY come unsigned, with RCODE NOTAUTH) is
   * reported as such: the server did not accept our key or signature.
   */
  private assertNoTsigError(decoded: DecodedDnsMessage, context: Record<string, unknown>): void {
    if (decoded.tsigOffset === undefined) return;
    const tsig = decodeTsigRdataSafe(decoded.additionals[decoded.additionals.length - 1].rdata);
    if (!tsig || tsig.error === 0) return;
    const rcode = rcodeName(decoded.rcode);
    const tsigError = rcodeName(tsig.error);
    const hint =
      tsig.error === 16
        ? ' (the TSIG secret does not match the server\'s)'
        : tsig.error === 17
          ? ` (the server does not know the key "${this.key.name}" with ${this.key.algorithm})`
          : tsig.error === 18
            ? ' (the clocks differ by more than the fudge)'
            : '';
    throw new AppError('dns_update_failed', `DNS server ${this.where()} answered ${rcode} with TSIG error ${tsigError}${hint}`, {
      details: { server: this.where(), rcode, tsigError, ...context },
    });
  }

  /** Only a response signed with our key is believed (RFC 8945 §5.3). */
  private assertSigned(response: { raw: Buffer; decoded: DecodedDnsMessage; requestMac: Buffer }, context: Record<string, unknown>): void {
    let verdict: TsigVerdict;
    try {
      verdict = verifyResponse(response.raw, response.decoded, this.key, response.requestMac, this.nowSeconds());
    } catch (cause) {
      verdict = { ok: false, reason: `malformed TSIG record: ${(cause as Error).message}` };
    }
    if (!verdict.ok) {
      throw new AppError('dns_update_failed', `DNS server ${this.where()} sent a response whose TSIG does not verify: ${verdict.reason}`, {
        details: { server: this.where(), rcode: rcodeName(response.decoded.rcode), ...context },
      });
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}
