import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A loopback HTTP receiver for notification tests: records every request and answers with the
 * next scripted status (then `fallback`, 200 by default).
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly script: Array<{ status: number; body: string }> = [];
  fallback = { status: 200, body: 'ok' };
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = this.script.shift() ?? this.fallback;
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
    });
  });

  static async start(): Promise<WebhookReceiver> {
    const r = new WebhookReceiver();
    await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
    return r;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next answers, in order. */
  answer(...answers: Array<{ status: number; body?: string }>): void {
    this.script.push(...answers.map((a) => ({ status: a.status, body: a.body ?? '' })));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * What a receiver computes to check a webhook, as docs/api.md states it and independently of
 * the product's signing code: hex HMAC-SHA256 under the channel secret over
 * `TIMESTAMP.BODY`, TIMESTAMP being the X-Certkeeper-Timestamp header.
 */
export function webhookSignature(secret: string, req: ReceivedRequest): string {
  return createHmac('sha256', secret).update(`${String(req.headers['x-certkeeper-timestamp'])}.${req.body}`).digest('hex');
}
