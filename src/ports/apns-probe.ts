import type { ApnsEnvironment } from '../domain/app.js';

/** One test push to make with a certificate as the TLS client certificate. */
export interface ApnsProbeRequest {
  environment: ApnsEnvironment;
  /** The client certificate (PEM) and its issuers (PEM, may be empty). */
  certificatePem: string;
  chainPem: string;
  /** PKCS#8 DER of the certificate's private key. */
  privateKeyDer: Buffer;
  /** `apns-topic`: the app's bundle id. */
  topic: string;
}

/**
 * What the gateway did: refused the TLS handshake with a certificate alert (42/44/45), answered
 * the push over HTTP/2 (status and APNs `reason`), or could not be reached or spoken to
 * (network error, timeout, another TLS failure).
 */
export type ApnsProbeResult =
  | { kind: 'tls-alert'; alert: number; detail: string }
  | { kind: 'http'; status: number; reason?: string }
  | { kind: 'unreachable'; detail: string };

/** Makes one push to the APNs gateway of an environment (adapter: `src/apns/apns-probe.ts`). */
export interface ApnsProbe {
  probe(request: ApnsProbeRequest): Promise<ApnsProbeResult>;
}
