/**
 * The HTTP side of the ACME issuer: keep-alive agents (extra CAs trusted), per-request
 * timeouts, and network failures as `acme_unavailable` (retryable). It answers in the shape
 * acme-client's HttpClient expects (`{ status, headers, data }`), so it can replace that
 * client's axios calls; see `attachTransport`.
 *
 * With a `policy` (directories that are not the operator's: an organization's setting), every
 * request must be https and connects only where the outbound AddressPolicy allows: an IP
 * literal is checked before the request, a name through the agents' `lookup`, which checks
 * every address it resolves to. This covers each URL the directory or the CA hands out
 * (newNonce, newAccount, order, authorization, challenge, finalize, certificate, renewalInfo).
 * A refusal rejects with `acme_directory_forbidden`, with no connection attempted.
 */
import http from 'node:http';
import https from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';
import { AppError } from '../../domain/app-error.js';
import { isOutboundRefusal, type AddressPolicy } from '../../net/address-policy.js';

export interface AcmeResponse {
  status: number;
  /** Lower-cased names; repeated headers joined by Node. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON for JSON media types (problem documents included), else the body as text. */
  data: any; // acme-client reads it untyped
}

export interface AcmeTransportOptions {
  /** Extra CAs to trust for HTTPS (besides Node's bundled roots), e.g. a test CA's. */
  caPem?: string | Buffer;
  /** Limit for one HTTP exchange. */
  requestTimeoutMs?: number;
  userAgent?: string;
  maxSockets?: number;
  /** Where requests may connect; absent: anywhere (the operator's own directory). */
  policy?: AddressPolicy;
}

export class AcmeTransport {
  private readonly httpsAgent: https.Agent;
  private readonly httpAgent: http.Agent;
  private readonly requestTimeoutMs: number;
  private readonly userAgent: string;
  private readonly policy: AddressPolicy | undefined;

  constructor(options: AcmeTransportOptions = {}) {
    const maxSockets = options.maxSockets ?? 64;
    // One prebuilt secure context rather than a `ca` option: https.Agent folds `ca` into its
    // pool key on every request (all bundled roots, measured ~0.4 ms per request).
    const secureContext = options.caPem === undefined ? undefined : createSecureContext({ ca: [...rootCertificates, options.caPem.toString()] });
    // `timeout` closes sockets idle that long in the pool (requests set their own).
    // The agents hand their options to every socket they open: `lookup` checks each connection.
    const pool = { keepAlive: true, maxSockets, timeout: 30_000, ...(options.policy ? { lookup: options.policy.lookup } : {}) };
    this.httpsAgent = new https.Agent({ ...pool, ...(secureContext ? { secureContext } : {}) });
    this.httpAgent = new http.Agent(pool);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.userAgent = options.userAgent ?? 'certkeeper';
    this.policy = options.policy;
  }

  /**
   * One HTTP exchange. Rejects for network failures and timeouts (`acme_unavailable`) and, with
   * a policy, for a destination it refuses (`acme_directory_forbidden`); any status resolves.
   */
  async request(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<AcmeResponse> {
    if (this.policy) this.checkDestination(url, method);
    try {
      return await this.once(url, method, body, headers);
    } catch (first) {
      let err = first as NetworkError;
      // A keep-alive socket the server closed while idle: most likely nothing arrived, so send again
      // (a replayed JWS would only fail on its used nonce, which acme-client retries, RFC 8555 §6.5).
      if (err.reusedSocket && err.code === 'ECONNRESET') {
        try {
          return await this.once(url, method, body, headers);
        } catch (second) {
          err = second as NetworkError;
        }
      }
      if (isOutboundRefusal(err)) throw forbidden(url, method, err.message);
      throw new AppError('acme_unavailable', `ACME server unreachable (${method.toUpperCase()} ${url}): ${err.code ?? err.message}`, {
        retryable: true,
        cause: err,
        details: { url, code: err.code ?? null },
      });
    }
  }

  /** Before any connection: https only (RFC 8555 §6.1), and an IP literal the policy allows (literals skip `lookup`). */
  private checkDestination(url: string, method: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw forbidden(url, method, 'not an absolute URL');
    }
    if (parsed.protocol !== 'https:') throw forbidden(url, method, `ACME is served over https only, not ${parsed.protocol.replace(/:$/, '')}`);
    const why = this.policy!.refusalOfHost(parsed.hostname);
    if (why) throw forbidden(url, method, why);
  }

  /** Closes idle sockets (the issuer can still be used afterwards). */
  close(): void {
    this.httpsAgent.destroy();
    this.httpAgent.destroy();
  }

  private once(url: string, method: string, body: unknown, headers: Record<string, string>): Promise<AcmeResponse> {
    const payload = body === undefined || body === null ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const isHttps = url.startsWith('https:');
    const upper = method.toUpperCase();
    return new Promise<AcmeResponse>((resolve, reject) => {
      const fail = (err: NetworkError, reused: boolean) => {
        err.reusedSocket = reused;
        reject(err);
      };
      const req = (isHttps ? https : http).request(
        url,
        {
          method: upper,
          agent: isHttps ? this.httpsAgent : this.httpAgent,
          headers: {
            'user-agent': this.userAgent,
            ...(payload ? { 'content-type': 'application/jose+json', 'content-length': String(payload.length) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err) => fail(err, false));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const type = res.headers['content-type'] ?? '';
            let data: unknown = text;
            if (/json/i.test(type) && text.length > 0) {
              try {
                data = JSON.parse(text);
              } catch {
                data = text; // the caller sees a non-object and reports the status
              }
            }
            resolve({ status: res.statusCode ?? 0, headers: flatten(res.headers), data });
          });
        },
      );
      req.setTimeout(this.requestTimeoutMs, () => req.destroy(Object.assign(new Error(`no answer within ${this.requestTimeoutMs} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', (err) => fail(err, req.reusedSocket));
      req.end(payload);
    });
  }
}

type NetworkError = NodeJS.ErrnoException & { reusedSocket?: boolean };

function forbidden(url: string, method: string, why: string): AppError {
  return new AppError('acme_directory_forbidden', `ACME request refused (${method.toUpperCase()} ${url}): ${why}`, { details: { url, reason: 'refused' } });
}

function flatten(headers: http.IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, as an absolute time; null when absent or unreadable. */
export function retryAfterOf(headers: Record<string, string | undefined>, now: number = Date.now()): Date | null {
  const value = headers['retry-after']?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return new Date(now + Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at);
}
