import type { OutboundHttp } from './outbound-http.js';

/** The fetch that `openid-client` calls (its `customFetch`): the URL, and method, headers and body. */
export type FetchLike = (url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal }) => Promise<Response>;

/**
 * A `fetch` over OutboundHttp: the destination obeys the outbound address policy, every request
 * has a total timeout and a cap on what is read, and redirects are answered as they are (never
 * followed). A failure to reach the peer rejects, as fetch does.
 */
export function outboundFetch(outbound: OutboundHttp, options: { timeoutMs: number; maxBytes: number }): FetchLike {
  return async (url, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'POST') throw new TypeError(`outbound fetch: method ${method} is not supported`);
    const body = init.body === undefined || init.body === null ? undefined : init.body instanceof URLSearchParams ? init.body.toString() : typeof init.body === 'string' ? init.body : undefined;
    if (init.body !== undefined && init.body !== null && body === undefined) throw new TypeError('outbound fetch: the body must be a string or URLSearchParams');
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.body instanceof URLSearchParams && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    const answer = await outbound.request({ url: new URL(url), method, headers, body, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, overflow: 'fail' });
    switch (answer.kind) {
      case 'response': {
        const out = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value === undefined) continue;
          for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
        }
        const empty = answer.status === 204 || answer.status === 304 || (answer.status >= 100 && answer.status < 200);
        return new Response(empty ? null : new Uint8Array(answer.body), { status: answer.status, headers: out });
      }
      case 'refused':
        throw new TypeError(`outbound fetch refused: ${answer.message}`);
      case 'unreachable':
        throw new TypeError(`outbound fetch failed: ${answer.error.message}`);
      case 'interrupted':
        throw new TypeError(`outbound fetch interrupted: ${answer.error.message}`);
      case 'timeout':
        throw new TypeError(`outbound fetch timed out after ${answer.timeoutMs} ms`);
      case 'too_large':
        throw new TypeError(`outbound fetch: the answer is larger than ${answer.maxBytes} bytes`);
    }
  };
}
