import http2 from 'node:http2';
import { randomBytes } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { ApnsEnvironment } from '../domain/app.js';
import { tlsAlertOf } from '../domain/push-outcome.js';
import { toPem } from '../pki/pem.js';
import type { ApnsProbe, ApnsProbeRequest, ApnsProbeResult } from '../ports/apns-probe.js';

export interface Http2ApnsProbeOptions {
  /** Origin of each environment's gateway (`https://api.push.apple.com`…). */
  urls: Record<ApnsEnvironment, string>;
  /** Extra CA certificates (PEM) to trust besides node's bundled roots. */
  caPem?: Buffer;
  /** Whole-probe deadline. Default 15 s. */
  timeoutMs?: number;
}

/** A syntactically valid device token (64 hex digits) that no device has: APNs answers 400 BadDeviceToken once the certificate authenticated. */
export function dummyDeviceToken(random: (n: number) => Buffer = randomBytes): string {
  return random(32).toString('hex');
}

/**
 * The APNs probe over node:http2: opens a TLS connection to the environment's gateway with the
 * certificate and key as the client certificate (certificate-based provider authentication,
 * Apple "Establishing a certificate-based connection to APNs") and POSTs one tiny alert to
 * `/3/device/<dummy token>` with `apns-topic` = the bundle id. A handshake refused with
 * alert 42, 44 or 45 is a `tls-alert` (under TLS 1.3 the server checks the client certificate
 * after the client's Finished, so the alert may arrive on the session or on the stream: both
 * are watched); any HTTP answer is `http`; everything else is `unreachable`.
 */
export class Http2ApnsProbe implements ApnsProbe {
  constructor(private readonly options: Http2ApnsProbeOptions) {}

  probe(request: ApnsProbeRequest): Promise<ApnsProbeResult> {
    const origin = this.options.urls[request.environment];
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    return new Promise<ApnsProbeResult>((resolve) => {
      let settled = false;
      let session: http2.ClientHttp2Session | undefined;
      const finish = (result: ApnsProbeResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        session?.destroy();
        resolve(result);
      };
      const failed = (err: unknown) => {
        const e = (err ?? {}) as { code?: unknown; message?: unknown; reason?: unknown };
        const alert = tlsAlertOf(e);
        const detail = [e.code, e.message].filter((v) => typeof v === 'string').join(': ').slice(0, 500) || String(err);
        finish(alert === undefined ? { kind: 'unreachable', detail } : { kind: 'tls-alert', alert, detail });
      };
      const timer = setTimeout(() => finish({ kind: 'unreachable', detail: `no answer from ${origin} within ${timeoutMs} ms` }), timeoutMs);
      try {
        // An extra CA adds to node's bundled roots; it does not replace them.
        const ca = this.options.caPem ? [this.options.caPem.toString('utf8'), ...rootCertificates] : undefined;
        session = http2.connect(origin, {
          cert: request.certificatePem + request.chainPem,
          key: toPem(request.privateKeyDer, 'PRIVATE KEY'),
          ...(ca ? { ca } : {}),
        });
      } catch (err) {
        failed(err);
        return;
      }
      session.on('error', failed);
      session.on('goaway', () => undefined);
      const body = JSON.stringify({ aps: { alert: 'certkeeper push check' } });
      const stream = session.request({
        ':method': 'POST',
        ':path': `/3/device/${dummyDeviceToken()}`,
        'apns-topic': request.topic,
        'apns-push-type': 'alert',
        'apns-priority': '5',
        'apns-expiration': '0',
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      });
      stream.on('error', failed);
      // Under TLS 1.3 a refused client certificate surfaces as a stream closed without an answer,
      // and the alert reaches the session a moment later: wait for the session to close (its
      // 'error', carrying the alert, comes first), then report the stream's end.
      const noAnswer = () => {
        const report = () => setImmediate(() => failed(new Error(`${origin} closed the stream without an answer (code ${stream.rstCode})`)));
        if (!session || session.closed || session.destroyed) report();
        else session.once('close', report);
      };
      let status = 0;
      const chunks: Buffer[] = [];
      stream.on('response', (headers) => (status = Number(headers[':status'])));
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (!status) return noAnswer();
        let reason: string | undefined;
        try {
          const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
          if (parsed && typeof parsed === 'object' && typeof (parsed as { reason?: unknown }).reason === 'string') reason = (parsed as { reason: string }).reason;
        } catch {
          // Not JSON (a proxy's page): the status alone decides.
        }
        finish({ kind: 'http', status, ...(reason === undefined ? {} : { reason }) });
      });
      stream.on('close', () => {
        if (!status) noAnswer();
      });
      stream.end(body);
    });
  }
}
