import http from 'node:http';
import https from 'node:https';
import type { AddressPolicy } from '../net/address-policy.js';

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  /** The start of the response body (at most 1,000 characters). */
  response: string | null;
  error: string | null;
}

const EXCERPT = 1000;
const MAX_READ = 64 * 1024;

/**
 * POSTs a JSON body; 2xx is success, anything else (redirects included: they are not followed)
 * a failure. The policy checks the host before connecting: an IP literal here, a name through the
 * request's `lookup` (every address it resolves to, at each attempt). Never throws.
 */
export function postJson(url: URL, body: string, headers: Record<string, string>, policy: AddressPolicy, timeoutMs: number): Promise<AttemptOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (o: AttemptOutcome) => {
      if (!settled) {
        settled = true;
        resolve(o);
      }
    };
    try {
      policy.checkUrl(url.href); // IP literals skip lookup: check them here
    } catch (err) {
      return done({ ok: false, statusCode: null, response: null, error: (err as Error).message });
    }
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'certkeeper', ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: policy.lookup,
        timeout: timeoutMs,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let read = 0;
        res.on('data', (c: Buffer) => {
          if (read < MAX_READ) chunks.push(c);
          read += c.length;
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT);
          const ok = status >= 200 && status < 300;
          done({ ok, statusCode: status, response: text, error: ok ? null : `the receiver answered HTTP ${status}` });
        });
        res.on('error', (err) => done({ ok: false, statusCode: res.statusCode ?? null, response: null, error: describe(err) }));
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    request.on('error', (err) => done({ ok: false, statusCode: null, response: null, error: describe(err) }));
    request.end(body);
  });
}

/** An error as a line that never includes the URL (its path may hold a token). */
function describe(err: Error & { code?: string }): string {
  return err.code ? `${err.code}: ${err.message.replace(/https?:\/\/\S+/g, '[url]')}` : err.message.replace(/https?:\/\/\S+/g, '[url]');
}
