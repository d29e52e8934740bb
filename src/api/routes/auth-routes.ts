import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isAppError } from '../../domain/app-error.js';
import type { User } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountService } from '../../services/account-service.js';
import type { ClientInfo, SessionService, SignedIn } from '../../services/session-service.js';
import { sessionPrincipal } from '../auth.js';
import { envelopeSchema, ErrorEnvelope, errorResponses, ok, paged } from '../envelope.js';
import { clearedSessionCookie, sessionCookie } from '../session-cookie.js';
import { Email, Password, Text } from '../text-schemas.js';

export const SessionUserView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  superuser: Type.Boolean(),
});
const SignedInView = Type.Object({
  user: SessionUserView,
  csrfToken: Type.String({ description: 'send it as X-CSRF-Token with every request that changes something' }),
  expiresAt: Type.String({ format: 'date-time', description: 'when the session ends unless it is used again (the earlier of its idle and absolute ends)' }),
});
const MembershipView = Type.Object({
  organizationId: Type.String({ format: 'uuid' }),
  organizationName: Type.String(),
  projectId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'null: every project of the organization' }),
  projectName: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
});
const SessionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time', description: 'the last request (written at most once a minute)' }),
  expiresAt: Type.String({ format: 'date-time', description: 'when it ends unless it is used again' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean({ description: 'the session of this request' }),
});
const MeView = Type.Object({ user: SessionUserView, csrfToken: Type.String(), memberships: Type.Array(MembershipView) });

const InvitationToken = Text({ minLength: 1, maxLength: 200 });

/** Routes that need no credentials: documented with `security: []`, skipped by the authentication plugin. */
export const anonymous = { config: { anonymous: true } } as const;

export const sessionUserView = (u: User) => ({ id: u.id, email: u.email, superuser: u.superuser });

/** Where the request came from, as the session and the audit trail record it (`request.ip` obeys CERTKEEPER_TRUST_PROXY). */
export function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { address: request.ip || null, userAgent: typeof agent === 'string' ? agent : null };
}

/** Sets the session cookie and answers as sign-in does. */
export function sendSignedIn(request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn, now: Date) {
  reply.header('set-cookie', sessionCookie(request, signedIn.token, signedIn.absoluteExpiresAt, now));
  // The answer carries the CSRF token: no cache keeps it.
  reply.header('cache-control', 'no-store');
  return ok({ user: sessionUserView(signedIn.user), csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt.toISOString() });
}

/** Signing in and out, and the signed-in user. */
export async function authRoutes(fastify: FastifyInstance, opts: { sessions: SessionService; accounts: AccountService; clock: Clock }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { sessions, accounts, clock } = opts;

  app.get(
    '/auth/options',
    {
      ...anonymous,
      schema: {
        operationId: 'getAuthOptions',
        summary: 'How one signs in here: whether the first administrator is still to be created, whether single sign-on is offered',
        tags: ['auth'],
        security: [],
        response: {
          200: envelopeSchema(Type.Object({ setupRequired: Type.Boolean({ description: 'no user account exists yet: POST /auth/setup with the setup code the server printed' }), sso: Type.Boolean() })),
        },
      },
    },
    async () => ok(await accounts.authOptions()),
  );

  app.post(
    '/auth/setup',
    {
      ...anonymous,
      schema: {
        operationId: 'setUp',
        summary: 'Create the first administrator (a superuser account) with the setup code printed at start, and sign in',
        tags: ['auth'],
        security: [],
        body: Type.Object({ setupCode: Text({ minLength: 1, maxLength: 200 }), email: Email, password: Password }, { additionalProperties: false }),
        response: { 200: envelopeSchema(SignedInView), 403: ErrorEnvelope, 409: ErrorEnvelope },
      },
    },
    async (request, reply) => sendSignedIn(request, reply, await accounts.setup(request.body.setupCode, request.body.email, request.body.password, clientOf(request)), clock.now()),
  );

  app.post(
    '/auth/sign-in',
    {
      ...anonymous,
      schema: {
        operationId: 'signIn',
        summary: 'Sign in with email and password: sets the session cookie and returns the CSRF token',
        tags: ['auth'],
        security: [],
        body: Type.Object({ email: Email, password: Password }, { additionalProperties: false }),
        response: { 200: envelopeSchema(SignedInView), 401: ErrorEnvelope, 429: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      try {
        const signedIn = await sessions.signIn(request.body.email, request.body.password, clientOf(request));
        return sendSignedIn(request, reply, signedIn, clock.now());
      } catch (err) {
        if (isAppError(err) && err.code === 'sign_in_locked') reply.header('retry-after', String(err.details?.retryAfterSeconds ?? 1));
        throw err;
      }
    },
  );

  app.post(
    '/auth/invitations/lookup',
    {
      ...anonymous,
      schema: {
        operationId: 'lookUpInvitation',
        summary: 'Whose an invitation is (the token from the link /invite#TOKEN, sent in the body so that no log keeps it)',
        tags: ['auth'],
        security: [],
        body: Type.Object({ token: InvitationToken }, { additionalProperties: false }),
        response: { 200: envelopeSchema(Type.Object({ email: Type.String(), expiresAt: Type.String({ format: 'date-time' }) })), 404: ErrorEnvelope },
      },
    },
    async (request) => {
      const { email, expiresAt } = await accounts.lookupInvitation(request.body.token);
      return ok({ email, expiresAt: expiresAt.toISOString() });
    },
  );

  app.post(
    '/auth/invitations/accept',
    {
      ...anonymous,
      schema: {
        operationId: 'acceptInvitation',
        summary: 'Accept an invitation with a password of one\'s own, and sign in',
        tags: ['auth'],
        security: [],
        body: Type.Object({ token: InvitationToken, password: Password }, { additionalProperties: false }),
        response: { 200: envelopeSchema(SignedInView), 404: ErrorEnvelope },
      },
    },
    async (request, reply) => sendSignedIn(request, reply, await accounts.acceptInvitation(request.body.token, request.body.password, clientOf(request)), clock.now()),
  );

  app.post(
    '/auth/sign-out',
    {
      schema: {
        operationId: 'signOut',
        summary: 'End this session on every server, and remove the cookie',
        tags: ['auth'],
        response: { 200: envelopeSchema(Type.Null()), ...errorResponses },
      },
    },
    async (request, reply) => {
      await sessions.signOut(sessionPrincipal(request));
      reply.header('set-cookie', clearedSessionCookie(request));
      return ok(null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        operationId: 'changeOwnPassword',
        summary: 'Change one\'s own password: the other sessions of the account end, this one stays',
        tags: ['auth'],
        body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false }),
        response: { 200: envelopeSchema(Type.Null()), 429: ErrorEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      try {
        await sessions.changePassword(sessionPrincipal(request), request.body.currentPassword, request.body.newPassword, clientOf(request));
        return ok(null);
      } catch (err) {
        if (isAppError(err) && err.code === 'sign_in_locked') reply.header('retry-after', String(err.details?.retryAfterSeconds ?? 1));
        throw err;
      }
    },
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        operationId: 'listOwnSessions',
        summary: 'The signed-in user\'s sessions that have not ended, newest first',
        tags: ['auth'],
        response: { 200: envelopeSchema(Type.Array(SessionView)), ...errorResponses },
      },
    },
    async (request) => {
      const list = await sessions.listSessions(sessionPrincipal(request));
      return paged(
        list.map((x) => ({ id: x.id, createdAt: x.createdAt.toISOString(), lastSeenAt: x.lastSeenAt.toISOString(), expiresAt: x.expiresAt.toISOString(), userAgent: x.userAgent, address: x.address, current: x.current })),
        list.length,
        1,
        Math.max(list.length, 1),
      );
    },
  );

  app.delete(
    '/auth/sessions/:sessionId',
    {
      schema: {
        operationId: 'revokeOwnSession',
        summary: 'End one of one\'s own sessions on every server (this one included: then the cookie is removed)',
        tags: ['auth'],
        params: Type.Object({ sessionId: Type.String({ format: 'uuid' }) }),
        response: { 200: envelopeSchema(Type.Null()), ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = sessionPrincipal(request);
      await sessions.revokeSession(p, request.params.sessionId);
      if (request.params.sessionId === p.sessionId) reply.header('set-cookie', clearedSessionCookie(request));
      return ok(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        operationId: 'getMe',
        summary: 'The signed-in user, the CSRF token of this session, and the user\'s memberships',
        tags: ['auth'],
        response: { 200: envelopeSchema(MeView), ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = sessionPrincipal(request);
      const me = await accounts.me(p);
      reply.header('cache-control', 'no-store');
      return ok({
        user: sessionUserView(me.user),
        csrfToken: request.csrfToken ?? '',
        memberships: me.memberships.map((m) => ({ organizationId: m.organizationId, organizationName: m.organizationName, projectId: m.projectId, projectName: m.projectName, role: m.role })),
      });
    },
  );
}
