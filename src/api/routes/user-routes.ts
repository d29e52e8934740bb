import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { User } from '../../domain/user.js';
import type { AccountService, Invitation } from '../../services/account-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, ErrorEnvelope, errorResponses, ok, paged, PageQuery } from '../envelope.js';
import { Email, Password } from '../text-schemas.js';

export const UserView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  superuser: Type.Boolean(),
  pending: Type.Boolean({ description: 'invited, and has not set a password yet' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export const InvitationView = Type.Object({
  token: Type.String({ description: 'shown once; only its hash is stored' }),
  link: Type.String({ description: 'the console page that accepts it, relative to the server: share it with the person' }),
  expiresAt: Type.String({ format: 'date-time' }),
});
const UserParams = Type.Object({ userId: Type.String({ format: 'uuid' }) });

export const userView = (u: User) => ({ id: u.id, email: u.email, superuser: u.superuser, pending: u.pending, createdAt: u.createdAt.toISOString() });
/** The token travels in the link's fragment, which browsers never send to a server (nor log, nor pass on as Referer). */
export const invitationView = (i: Invitation) => ({ token: i.token, link: `/invite#${i.token}`, expiresAt: i.expiresAt.toISOString() });

/** User accounts (superuser). */
export async function userRoutes(fastify: FastifyInstance, opts: { accounts: AccountService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { accounts } = opts;

  app.get(
    '/users',
    {
      schema: {
        operationId: 'listUsers',
        summary: 'List the user accounts (superuser)',
        tags: ['users'],
        querystring: Type.Object(PageQuery),
        response: { 200: envelopeSchema(Type.Array(UserView)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20 } = request.query;
      const page = await accounts.listUsers(principal(request), { pageIndex, pageSize });
      return paged(page.items.map(userView), page.totalCount, pageIndex, pageSize);
    },
  );

  app.post(
    '/users',
    {
      schema: {
        operationId: 'createUser',
        summary: 'Create a user account (superuser); without a password, the account is invited and the invitation is returned once',
        tags: ['users'],
        body: Type.Object({ email: Email, password: Type.Optional(Password), superuser: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: envelopeSchema(Type.Object({ user: UserView, invitation: Type.Union([InvitationView, Type.Null()]) })), 409: ErrorEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { user, invitation } = await accounts.createUser(principal(request), request.body);
      if (invitation) reply.header('cache-control', 'no-store');
      return ok({ user: userView(user), invitation: invitation ? invitationView(invitation) : null }, invitation ? ['Share the invitation link now: it is shown once.'] : []);
    },
  );

  app.delete(
    '/users/:userId',
    {
      schema: {
        operationId: 'deleteUser',
        summary: 'Delete a user account with its memberships; its sessions end at once (superuser)',
        tags: ['users'],
        params: UserParams,
        response: { 200: envelopeSchema(UserView), ...errorResponses },
      },
    },
    async (request) => ok(userView(await accounts.deleteUser(principal(request), request.params.userId))),
  );

  app.post(
    '/users/:userId/password',
    {
      schema: {
        operationId: 'setUserPassword',
        summary: 'Set a user\'s password (superuser): the user\'s sessions end, an invitation ends',
        tags: ['users'],
        params: UserParams,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 200: envelopeSchema(UserView), ...errorResponses },
      },
    },
    async (request) => ok(userView(await accounts.setPassword(principal(request), request.params.userId, request.body.password))),
  );
}
