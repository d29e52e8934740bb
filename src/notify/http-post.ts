import { OUTBOUND_REFUSED_CODE } from '../net/address-policy.js';
import type { OutboundHttp } from '../net/outbound-http.js';
import type { AttemptOutcome } from '../ports/channel.js';

const EXCERPT = 1000;
const MAX_READ = 64 * 1024;

/**
 * POSTs a JSON body; 2xx is success, anything else (redirects included: they are not followed)
 * a failure. The URL is checked as a channel URL first (the policy may have changed since the
 * channel was saved); the client checks the addresses a name resolves to when connecting.
 * Never throws.
 */
export async function postJson(url: URL, body: string, headers: Record<string, string>, http: OutboundHttp, timeoutMs: number): Promise<AttemptOutcome> {
  try {
    http.policy.checkUrl(url.href);
  } catch (err) {
    return { ok: false, statusCode: null, response: null, error: (err as Error).message };
  }
  // Only an excerpt is kept: the rest of a long answer is not read.
  const answer = await http.request({ url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, timeoutMs, maxBytes: MAX_READ, overflow: 'truncate' });
  switch (answer.kind) {
    case 'response': {
      const ok = answer.status >= 200 && answer.status < 300;
      return { ok, statusCode: answer.status, response: answer.body.toString('utf8').slice(0, EXCERPT), error: ok ? null : `the receiver answered HTTP ${answer.status}` };
    }
    case 'refused':
      return failed(null, describe({ code: OUTBOUND_REFUSED_CODE, message: answer.message }));
    case 'unreachable':
      return failed(null, describe(answer.error));
    case 'interrupted':
      return failed(answer.status, describe(answer.error));
    case 'timeout':
      return failed(null, `ETIMEDOUT: no answer within ${answer.timeoutMs} ms`);
    case 'too_large':
      return failed(answer.status, `the response exceeds the ${answer.maxBytes}-byte limit`);
  }
}

function failed(statusCode: number | null, error: string): AttemptOutcome {
  return { ok: false, statusCode, response: null, error };
}

/** An error as a line that never includes the URL (its path may hold a token). */
function describe(err: { code?: string; message: string }): string {
  return err.code ? `${err.code}: ${err.message.replace(/https?:\/\/\S+/g, '[url]')}` : err.message.replace(/https?:\/\/\S+/g, '[url]');
}
