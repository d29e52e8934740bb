import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../domain/app-error.js';
import type { Project } from '../domain/project.js';
import type { AccessService } from '../services/access-service.js';
import type { Principal, UserPrincipal } from '../services/principal.js';
import { sessionTokenOf } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, set by the authentication plugin before anything else runs; null outside it. */
    principal: Principal | null;
    /** The project the path names (`:projectId`), once the principal was found to cover it; null otherwise. */
    project: Project | null;
    /** The CSRF token of the request's session, when it authenticated with one. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** The route needs no credentials (signing in, the first setup, an invitation): the authentication plugin leaves it alone. */
    anonymous?: boolean;
    /** The route is one of the agent's (api/routes/agent-routes.ts): the only ones a deployment key may call. */
    deploymentKey?: boolean;
  }
}

/** Where a request carries its key: each API names its own header. */
export type CredentialOf = (request: FastifyRequest) => string | undefined;

/** Checks a session token and gives its principal and the CSRF token its changes must carry. */
export interface SessionAuthenticator {
  authenticate(token: string): Promise<{ principal: UserPrincipal; csrfToken: string }>;
}

const BEARER = /^bearer\s+/i;

/** `Authorization: Bearer TOKEN`, or undefined. */
export function bearerOf(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  return typeof auth === 'string' && BEARER.test(auth) ? auth.replace(BEARER, '').trim() || undefined : undefined;
}

/** The API key of a request: `Authorization: Bearer KEY` or `X-API-Key: KEY`. */
export function apiKeyOf(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && BEARER.test(auth)) return bearerOf(request);
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header.trim() ? header.trim() : undefined;
}

/** The authenticated principal of a request (set by `authentication`); 401 when there is none. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthorized', 'an API key is required');
  return request.principal;
}

/** The signed-in user of a request that came with a session; 403 for an API key (which has no session), 401 without credentials. */
export function sessionPrincipal(request: FastifyRequest): UserPrincipal {
  const p = principal(request);
  if (p.kind !== 'user') throw new AppError('forbidden', 'this needs a signed-in session (the console\'s cookie), not an API key');
  return p;
}

export interface AuthenticationOptions {
  access: AccessService;
  /** Where this API carries its key; default `apiKeyOf`. */
  credentialOf?: CredentialOf;
  /** Sessions: a request without a key may authenticate with the session cookie. Absent: keys only. */
  sessions?: SessionAuthenticator;
}

/** Methods that change nothing, and so need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Authenticates a request as the API of `opts` does: its key if it carries one, else (where
 * sessions are accepted) its session cookie. A request that authenticates by cookie and may
 * change something (not GET, HEAD or OPTIONS) must carry its session's CSRF token in
 * `X-CSRF-Token`: the cookie goes with any request the browser makes, the token only with the
 * console's own (SameSite=Strict already keeps other sites' requests out; the token also covers
 * a browser or a sibling subdomain that does not honour it).
 */
export async function authenticateRequest(request: FastifyRequest, opts: AuthenticationOptions): Promise<Principal> {
  return authenticateRequestNow(request, opts);
}

/**
 * As `authenticateRequest`, without a promise when an API key is answered from AccessService's
 * caches (nearly every request with a key); a refusal decided at once is thrown at once.
 */
export function authenticateRequestNow(request: FastifyRequest, opts: AuthenticationOptions): Principal | Promise<Principal> {
  const key = (opts.credentialOf ?? apiKeyOf)(request);
  const token = key === undefined && opts.sessions ? sessionTokenOf(request) : undefined;
  if (token === undefined || !opts.sessions) return opts.access.authenticateNow(key);
  if (token === '') throw new AppError('unauthorized', 'the session is not valid; sign in again');
  return opts.sessions.authenticate(token).then(({ principal: user, csrfToken }) => {
    request.csrfToken = csrfToken;
    if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers['x-csrf-token'], csrfToken)) {
      throw new AppError('csrf_token_invalid', 'a change made with a session cookie must carry the session\'s CSRF token in X-CSRF-Token (from sign-in or GET /api/v1/auth/me)');
    }
    return user;
  });
}

/** What a deployment key gets anywhere but the agent's routes. */
export function deploymentKeyForbidden(): AppError {
  return new AppError('deployment_key_forbidden', 'a deployment key may only read its own target\'s deployments and report their outcomes (/api/v1/agent/…)');
}

/**
 * Sets the request's principal, or answers why it may not go on: a deployment key is confined to
 * the agent's routes, whatever else it is presented to.
 */
function admit(request: FastifyRequest, p: Principal): Error | undefined {
  if (p.kind === 'deployment_key' && !request.routeOptions.config?.deploymentKey) return deploymentKeyForbidden();
  request.principal = p;
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Authenticates every request of the context it is registered in, before anything else runs
 * (so an anonymous caller always gets 401, whatever its body), except on routes marked
 * `config: { anonymous: true }`. When the path names a project (`:projectId`), the principal
 * must cover it before the request is validated: a caller that does not cover the project
 * learns nothing, not even whether its parameters, query or body were valid. That check is the
 * request's authorization of the project (`request.project`); the service's role check repeats it
 * from AccessService's cache. A malformed project id is left to validation (400).
 *
 * The hooks take a callback and answer at once when AccessService's caches do (nearly every
 * request with a key): an async hook costs a promise and a turn of the microtask queue.
 */
export const authentication = fp(
  async (app: FastifyInstance, opts: AuthenticationOptions) => {
    const { access } = opts;
    if (!app.hasRequestDecorator('principal')) app.decorateRequest('principal', null);
    if (!app.hasRequestDecorator('project')) app.decorateRequest('project', null);
    if (!app.hasRequestDecorator('csrfToken')) app.decorateRequest('csrfToken', null);
    app.addHook('onRequest', (request, _reply, done) => {
      if (request.routeOptions.config?.anonymous) return done();
      let found: Principal | Promise<Principal>;
      try {
        found = authenticateRequestNow(request, opts);
      } catch (err) {
        return done(err as Error);
      }
      if (!(found instanceof Promise)) return done(admit(request, found));
      found.then((p) => done(admit(request, p)), done);
    });
    app.addHook('preValidation', (request, _reply, done) => {
      if (request.routeOptions.config?.anonymous) return done();
      const { projectId } = (request.params ?? {}) as { projectId?: unknown };
      if (typeof projectId !== 'string' || !UUID.test(projectId)) return done();
      let project: Project | Promise<Project>;
      try {
        project = access.authorizeProjectNow(principal(request), projectId, 'viewer');
      } catch (err) {
        return done(err as Error);
      }
      if (!(project instanceof Promise)) {
        request.project = project;
        return done();
      }
      project.then((p) => {
        request.project = p;
        done();
      }, done);
    });
  },
  { name: 'certkeeper-authentication', fastify: '5.x' },
);
