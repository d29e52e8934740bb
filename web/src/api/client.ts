/**
 * The console's one client of the native API, typed by `schema.d.ts` (generated from the
 * server's GET /openapi.json): a path, its parameters, its body and its answer are checked
 * against the document at build time, so pages and API cannot drift apart.
 *
 * It authenticates with the session cookie (sent by the browser, never readable by scripts)
 * and sends the session's CSRF token, kept in memory only, on every change. No secret is ever
 * written to localStorage.
 */
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that have an operation for a method. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

type Op<M extends Method, P extends PathOf<M>> = NonNullable<paths[P][M]>;
type Params<O> = O extends { parameters: infer X } ? X : never;
type PathParams<O> = Params<O> extends { path: infer X } ? ([X] extends [never | undefined] ? never : X) : never;
type QueryParams<O> = Params<O> extends { query?: infer X } ? ([X] extends [never | undefined] ? never : X) : never;
type Body<O> = O extends { requestBody?: infer RB } ? ([NonNullable<RB>] extends [never] ? never : NonNullable<RB> extends { content: { 'application/json': infer B } } ? B : never) : never;
type Ok<O> = O extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

/** What a call takes: the path's parameters, the query and the JSON body, each only where the operation has it. */
export type CallOptions<O> = ([PathParams<O>] extends [never] ? { path?: undefined } : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? { query?: undefined } : { query?: QueryParams<O> }) &
  ([Body<O>] extends [never] ? { body?: undefined } : { body: Body<O> });

/** The envelope's `result` of an operation's 200 answer. */
export type ResultOf<M extends Method, P extends PathOf<M>> = Ok<Op<M, P>> extends { result: infer R } ? R : Ok<Op<M, P>>;

export interface PageInfo {
  totalCount: number;
  pageIndex: number;
  pageSize: number;
  totalPages: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface Answer<R> {
  result: R;
  resultInfo: PageInfo | null;
  messages: string[];
}

/** A failure the API answered: its HTTP status and stable `code` (docs/errors.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
    /** The answer's Retry-After header, when it had one (a sign-in lock). */
    readonly retryAfter: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;
const unauthorizedListeners = new Set<() => void>();

/** The session's CSRF token (from sign-in or GET /auth/me); cleared on sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when an answer says the session is gone (401), so the console can ask to sign in again. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Fills `{name}` placeholders, each value percent-encoded. */
export function fillPath(template: string, params: Record<string, string | number> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(v));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function request(method: Method, template: string, options: { path?: unknown; query?: unknown; body?: unknown }): Promise<Answer<unknown>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  // Only changes need it; the server refuses a cookie-authenticated change without it.
  if (method !== 'get' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const url = fillPath(template, options.path as Record<string, string | number> | undefined) + queryString(options.query as Record<string, unknown> | undefined);
  const res = await fetch(url, {
    method: method.toUpperCase(),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const type = res.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('json') ? await res.json().catch(() => undefined) : await res.text();
  if (!res.ok) {
    const env = (payload ?? {}) as { code?: string; errors?: string[] };
    const code = env.code ?? `http_${res.status}`;
    // The sign-in routes' own 401s are their callers' to handle (and asking who is signed in must not loop).
    if (res.status === 401 && !template.startsWith('/api/v1/auth/')) for (const l of unauthorizedListeners) l();
    throw new ApiError(res.status, code, env.errors?.join('; ') || `${res.status} ${res.statusText}`, payload, res.headers.get('retry-after'));
  }
  if (typeof payload === 'string') return { result: payload, resultInfo: null, messages: [] };
  const env = payload as { result: unknown; resultInfo?: PageInfo | null; messages?: string[] };
  return { result: env.result, resultInfo: env.resultInfo ?? null, messages: env.messages ?? [] };
}

function call<M extends Method>(method: M) {
  return <P extends PathOf<M>>(path: P, ...[options]: {} extends CallOptions<Op<M, P>> ? [CallOptions<Op<M, P>>?] : [CallOptions<Op<M, P>>]) =>
    request(method, path as string, options ?? {}) as Promise<Answer<ResultOf<M, P>>>;
}

export const api = {
  get: call('get'),
  post: call('post'),
  put: call('put'),
  patch: call('patch'),
  delete: call('delete'),
};

/** The certificate as the API shows it. */
export type Certificate = ResultOf<'get', '/api/v1/projects/{projectId}/certificates/{id}'>;
