import type { JsonSchema } from './schema-arbitraries.js';

/** Which API answers a path, and so in which shape its errors come (docs/errors.md, docs/compat-errors.md). */
export type ApiFamily = 'native' | 'waap' | 'scm' | 'pop';

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the OpenAPI document, as the fuzzer drives it. */
export interface FuzzOperation {
  operationId: string;
  method: string;
  /** The path template, `{name}` for path parameters. */
  path: string;
  parameters: Parameter[];
  body?: { schema: JsonSchema; required: boolean; mediaTypes: string[] };
  /** Whether it takes a key (its `security` is not `[]`). */
  authenticated: boolean;
  api: ApiFamily;
  /** The statuses its document lists. */
  documented: Set<number>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The API a request path belongs to, as the server routes it (src/http/build-app.ts). */
export function apiOfPath(path: string): ApiFamily {
  if (path === '/') return 'pop';
  if (path === '/v3/scm' || path.startsWith('/v3/scm/')) return 'scm';
  if (path === '/waap/v1.0' || path.startsWith('/waap/v1.0/')) return 'waap';
  return 'native';
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: { paths: Record<string, Record<string, any>>; security?: unknown[] }): FuzzOperation[] {
  const out: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content = op.requestBody?.content as Record<string, { schema: JsonSchema }> | undefined;
      const mediaTypes = content ? Object.keys(content) : [];
      const security = (op.security ?? doc.security ?? []) as unknown[];
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        parameters: ((op.parameters ?? []) as Parameter[]).map((p) => ({ in: p.in, name: p.name, required: p.required === true, schema: p.schema })),
        body: content && mediaTypes.length > 0 ? { schema: content[mediaTypes[0]].schema, required: op.requestBody.required === true, mediaTypes } : undefined,
        authenticated: security.length > 0,
        api: apiOfPath(path),
        documented: new Set(Object.keys(op.responses ?? {}).map(Number)),
      });
    }
  }
  return out;
}

/**
 * The operation whose route serves a request, by method and path (HEAD is served by GET), or
 * undefined: a mutated method or path may reach another operation than the one drawn.
 */
export function servingOperation(operations: readonly FuzzOperation[], method: string, url: string): FuzzOperation | undefined {
  const path = url.split('?')[0];
  const wanted = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return operations.find((op) => op.method === wanted && templateOf(op.path).test(path));
}

const templates = new Map<string, RegExp>();

function templateOf(path: string): RegExp {
  let re = templates.get(path);
  if (!re) {
    const parts = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
    re = new RegExp(`^${parts.join('[^/]+')}$`);
    templates.set(path, re);
  }
  return re;
}
