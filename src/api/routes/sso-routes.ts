import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../domain/app-error.js';
import type { Clock } from '../../ports/clock.js';
import { ssoReasonOf, type SsoService } from '../../services/sso-service.js';
import { ErrorEnvelope } from '../envelope.js';
import { sessionCookie } from '../session-cookie.js';
import { MultiLineText, Text } from '../text-schemas.js';
import { anonymous, clientOf } from './auth-routes.js';

/** The cookie that ties a browser to the single sign-on it started (the token whose SHA-256 names it). */
export const SSO_COOKIE = 'certkeeper_sso';
const SSO_COOKIE_PATH = '/api/v1/auth/oidc';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The sign-in's cookie: HttpOnly, only for the two routes under /api/v1/auth/oidc, and
 * SameSite=Lax, because the provider sends the browser back with a cross-site navigation, which
 * carries Lax cookies and not Strict ones.
 */
function ssoCookie(request: FastifyRequest, token: string, maxAgeSeconds: number): string {
  return `${SSO_COOKIE}=${token}; Path=${SSO_COOKIE_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${request.protocol === 'https' ? '; Secure' : ''}`;
}

function ssoTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SSO_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (TOKEN.test(value)) return value;
  }
  return undefined;
}

const Redirect = (description: string) => Type.Null({ description });
const ProviderParam = (description: string) => Type.Optional(Text({ maxLength: 4096, description }));

/** Single sign-on with OpenID Connect: off to the provider, and back. */
export async function ssoRoutes(fastify: FastifyInstance, opts: { sso?: SsoService; clock: Clock }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { sso, clock } = opts;

  const toSignInPage = (reply: FastifyReply, reason: string) => {
    reply.header('cache-control', 'no-store');
    return reply.redirect(`/?sso_error=${encodeURIComponent(reason)}`, 302);
  };

  app.get(
    '/auth/oidc/start',
    {
      ...anonymous,
      schema: {
        operationId: 'startSingleSignOn',
        summary: 'Sign in through the OpenID Connect provider: 302 to it (a browser navigation, not a fetch). 404 sso_not_configured without CERTKEEPER_OIDC_ISSUER',
        tags: ['auth'],
        security: [],
        querystring: Type.Object({
          returnTo: Type.Optional(Text({ maxLength: 2048, description: 'a path of this site to land on once signed in (anything else lands on /)' })),
        }),
        response: {
          302: Redirect('to the provider\'s authorization endpoint, with the sign-in\'s cookie; or to /?sso_error=provider_unreachable'),
          404: ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      if (!sso) throw new AppError('sso_not_configured', 'single sign-on is not configured here (CERTKEEPER_OIDC_ISSUER)');
      let started;
      try {
        started = await sso.start(request.query.returnTo);
      } catch (err) {
        const reason = ssoReasonOf(err);
        if (!reason) throw err;
        request.log.warn({ reason, err: (err as Error).message }, 'single sign-on could not start');
        return toSignInPage(reply, reason);
      }
      reply.header('set-cookie', ssoCookie(request, started.cookieToken, started.maxAgeSeconds));
      reply.header('cache-control', 'no-store');
      return reply.redirect(started.url.href, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      ...anonymous,
      schema: {
        operationId: 'finishSingleSignOn',
        summary: 'Where the OpenID Connect provider sends the browser back: signs in (the session cookie, as password sign-in) and 302 to the page the sign-in started from, or 302 to /?sso_error=<reason>',
        tags: ['auth'],
        security: [],
        querystring: Type.Object({
          code: ProviderParam('the authorization code'),
          state: ProviderParam('the state sent at the start'),
          iss: ProviderParam('the issuer (RFC 9207)'),
          error: ProviderParam('the provider\'s OAuth error, instead of a code'),
          error_description: Type.Optional(MultiLineText({ maxLength: 4096, description: 'its explanation' })),
          error_uri: ProviderParam('a page about it'),
          session_state: ProviderParam('the provider\'s session (OpenID Connect session management)'),
        }),
        response: {
          302: Redirect('signed in: to the page the sign-in started from (/ by default); failed: to /?sso_error=<reason>'),
          404: ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      if (!sso) throw new AppError('sso_not_configured', 'single sign-on is not configured here (CERTKEEPER_OIDC_ISSUER)');
      const raw = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      // The sign-in's cookie has done its work, whatever happens next.
      const clearSsoCookie = `${SSO_COOKIE}=; Path=${SSO_COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Lax${request.protocol === 'https' ? '; Secure' : ''}`;
      try {
        const { signedIn, returnTo } = await sso.finish(ssoTokenOf(request), new URLSearchParams(raw), clientOf(request));
        reply.header('set-cookie', [sessionCookie(request, signedIn.token, signedIn.absoluteExpiresAt, clock.now()), clearSsoCookie]);
        reply.header('cache-control', 'no-store');
        return reply.redirect(returnTo, 302);
      } catch (err) {
        const reason = ssoReasonOf(err);
        if (!reason) throw err;
        request.log.info({ reason }, 'single sign-on failed');
        reply.header('set-cookie', clearSsoCookie);
        return toSignInPage(reply, reason);
      }
    },
  );
}
