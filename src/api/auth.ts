import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../domain/app-error.js';
import type { AccessService } from '../services/access-service.js';
import type { Principal } from '../services/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, set by the authentication plugin before anything else runs; null outside it. */
    principal: Principal | null;
  }
}

/** Where a request carries its key: each API names its own header. */
export type CredentialOf = (request: FastifyRequest) => string | undefined;

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

export interface AuthenticationOptions {
  access: AccessService;
  /** Where this API carries its key; default `apiKeyOf`. */
  credentialOf?: CredentialOf;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Authenticates every request of the context it is registered in, before anything else runs
 * (so an anonymous caller always gets 401, whatever its body). When the path names a project
 * (`:projectId`), the key must cover it before the request is validated: a key that does not
 * cover the project learns nothing, not even whether its parameters, query or body were valid.
 * That check is the request's authorization of the project; the service's role check repeats
 * it from AccessService's cache. A malformed project id is left to validation (400).
 *
 * The hooks take a callback and answer at once when AccessService's caches do (nearly every
 * request): an async hook costs a promise and a turn of the microtask queue on every request.
 */
export const authentication = fp(
  async (app: FastifyInstance, opts: AuthenticationOptions) => {
    const credentialOf = opts.credentialOf ?? apiKeyOf;
    const { access } = opts;
    if (!app.hasRequestDecorator('principal')) app.decorateRequest('principal', null);
    app.addHook('onRequest', (request, _reply, done) => {
      let found: Principal | Promise<Principal>;
      try {
        found = access.authenticateNow(credentialOf(request));
      } catch (err) {
        return done(err as Error);
      }
      if (!(found instanceof Promise)) {
        request.principal = found;
        return done();
      }
      found.then((p) => {
        request.principal = p;
        done();
      }, done);
    });
    app.addHook('preValidation', (request, _reply, done) => {
      const { projectId } = (request.params ?? {}) as { projectId?: unknown };
      if (typeof projectId !== 'string' || !UUID.test(projectId)) return done();
      let project: unknown;
      try {
        project = access.authorizeProjectNow(principal(request), projectId, 'viewer');
      } catch (err) {
        return done(err as Error);
      }
      if (!(project instanceof Promise)) return done();
      project.then(() => done(), done);
    });
  },
  { name: 'certkeeper-authentication', fastify: '5.x' },
);
