import { STATUS_CODES } from 'node:http';
import type { FastifySchema, RouteOptions } from 'fastify';
import type { TSchema } from 'typebox';

/** The error answers of one API, for the OpenAPI document. */
export interface ErrorFamily {
  /** Stable error code → HTTP status (error-map.ts, or a compatible API's own table). */
  statusOf: Readonly<Record<string, number>>;
  /** The body field that holds the code, for the descriptions. */
  codeField: string;
  /**
   * Which error statuses a route documents besides those its schema lists, with `body`:
   * - `derived`: those that follow from the route itself (`derivedErrorStatuses`);
   * - `table`: every status of `statusOf` (an API whose every failure may take any of them);
   * - `listed`: none (a compatible API whose routes list their own).
   */
  document: 'derived' | 'table' | 'listed';
  /** The error body, sent as JSON; documented once, as the component `name`. */
  body?: { name: string; schema: TSchema };
}

/** Methods whose body fastify parses: a bad media type, a too large or malformed body fail before the handler. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Responses = Record<string, unknown>;

/**
 * The 4xx statuses a route of the native API can answer, from what the route is:
 * - authenticated (its `security` is not `[]`): 401 (no, unknown or revoked key) and 403 (role
 *   too low, organization disabled);
 * - with inputs (path, query, headers or body) or a body method: 400 (validation, malformed JSON);
 * - with a path parameter: 404 (what it names, or its project, does not exist or is not visible);
 * - a body method: 413 (body too large) and 415 (not a JSON body).
 * A route lists in its schema what does not follow from this (e.g. 409 for its conflicts).
 */
export function derivedErrorStatuses(schema: FastifySchema, methods: readonly string[], url: string): number[] {
  const statuses = new Set<number>();
  const hasBody = methods.some((m) => BODY_METHODS.has(m.toUpperCase()));
  const authenticated = !(Array.isArray(schema.security) && schema.security.length === 0);
  const hasPathParams = schema.params !== undefined || /\/:[^/]/.test(url);
  if (authenticated) statuses.add(401).add(403);
  if (hasBody || hasPathParams || schema.querystring !== undefined || schema.headers !== undefined || schema.body !== undefined) statuses.add(400);
  if (hasPathParams) statuses.add(404);
  if (hasBody) statuses.add(413).add(415);
  return [...statuses];
}

/** The error bodies of the families, for the document's `components.schemas`. */
export function errorBodySchemas(families: readonly ErrorFamily[]): Record<string, TSchema> {
  return Object.fromEntries(families.flatMap((f) => (f.body ? [[f.body.name, f.body.schema]] : [])));
}

/** A compatible API's table (`code → {status, message}`) as code → status. */
export function statusesOf(table: Readonly<Record<string, { status: number }>>): Record<string, number> {
  return Object.fromEntries(Object.entries(table).map(([code, { status }]) => [code, status]));
}

/** A response given per media type (`{content: {type: {schema}}}`) rather than as a bare schema. */
function isContentForm(response: unknown): response is { content: Record<string, unknown> } {
  return typeof response === 'object' && response !== null && 'content' in response && typeof response.content === 'object';
}

function codesWithStatus(family: ErrorFamily, status: number): string[] {
  return Object.entries(family.statusOf)
    .filter(([, s]) => s === status)
    .map(([code]) => code);
}

/**
 * A fastify-swagger `transform` that completes each route's documented error responses. Only
 * the document changes: fastify keeps serializing with the route's own `schema.response`, so
 * what is sent stays the same. Each error response gets a description naming the codes its
 * body may carry, and is documented as JSON even where the route's success is not.
 */
export function documentErrors(familyOf: (url: string) => ErrorFamily) {
  return ({ schema, url, route }: { schema: FastifySchema; url: string; route: RouteOptions }): { schema: FastifySchema; url: string } => {
    if (!schema || schema.hide) return { schema, url };
    const family = familyOf(url);
    const methods = typeof route.method === 'string' ? [route.method] : [...route.method];
    const response: Responses = { ...((schema.response ?? {}) as Responses) };
    const added =
      family.document === 'derived' ? derivedErrorStatuses(schema, methods, url) : family.document === 'table' ? [...new Set(Object.values(family.statusOf))] : [];
    const { body } = family;
    if (body) for (const status of added) response[status] ??= body.schema;
    for (const [key, declared] of Object.entries(response)) {
      const status = Number(key);
      if (!(status >= 400)) continue;
      const codes = codesWithStatus(family, status);
      const schemaOf = body && declared === body.schema ? { $ref: `#/components/schemas/${body.name}` } : declared;
      const content = isContentForm(declared) ? declared.content : { 'application/json': { schema: schemaOf } };
      const reason = STATUS_CODES[status] ?? 'Error';
      response[key] = { 'x-response-description': codes.length > 0 ? `${reason}: ${family.codeField} is one of ${codes.join(', ')}` : reason, content };
    }
    return { schema: { ...schema, response }, url };
  };
}
