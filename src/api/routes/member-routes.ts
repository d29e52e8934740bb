import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Member } from '../../ports/membership-repository.js';
import type { MemberService, MembersOf } from '../../services/member-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, ErrorEnvelope, errorResponses, ok, paged } from '../envelope.js';
import { Email } from '../text-schemas.js';
import { invitationView, InvitationView } from './user-routes.js';

const Role = Type.Union([Type.Literal('viewer'), Type.Literal('editor'), Type.Literal('admin')]);
const MemberView = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  email: Type.String(),
  role: Type.String(),
  pending: Type.Boolean({ description: 'invited, and has not set a password yet' }),
  createdAt: Type.String({ format: 'date-time' }),
});
const memberView = (m: Member) => ({ userId: m.userId, email: m.email, role: m.role, pending: m.pending, createdAt: m.createdAt.toISOString() });

const scopes = [
  { path: '/projects/:projectId', params: { projectId: Type.String({ format: 'uuid' }) }, name: 'Project', what: 'the project', of: (p: Record<string, string>): MembersOf => ({ projectId: p.projectId }) },
  {
    path: '/organizations/:organizationId',
    params: { organizationId: Type.String({ format: 'uuid' }) },
    name: 'Organization',
    what: 'the organization (a role in every project of it)',
    of: (p: Record<string, string>): MembersOf => ({ organizationId: p.organizationId }),
  },
] as const;

/**
 * Members of projects (managed by project admins) and organizations (organization-wide admins,
 * superusers): list, add by email (an email without an account is invited), change the role,
 * remove.
 */
export async function memberRoutes(fastify: FastifyInstance, opts: { members: MemberService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { members } = opts;

  for (const scope of scopes) {
    const Params = Type.Object(scope.params);
    const MemberParams = Type.Object({ ...scope.params, userId: Type.String({ format: 'uuid' }) });

    app.get(
      `${scope.path}/members`,
      {
        schema: {
          operationId: `list${scope.name}Members`,
          summary: `The members of ${scope.what}, by email (admin)`,
          tags: ['members'],
          params: Params,
          response: { 200: envelopeSchema(Type.Array(MemberView)), ...errorResponses },
        },
      },
      async (request) => {
        const list = await members.listMembers(principal(request), scope.of(request.params as Record<string, string>));
        return paged(list.map(memberView), list.length, 1, Math.max(list.length, 1));
      },
    );

    app.post(
      `${scope.path}/members`,
      {
        schema: {
          operationId: `add${scope.name}Member`,
          summary: `Give a person a role in ${scope.what} (admin); an email without an account is invited, and the invitation returned once`,
          tags: ['members'],
          params: Params,
          body: Type.Object({ email: Email, role: Role }, { additionalProperties: false }),
          response: { 200: envelopeSchema(Type.Object({ member: MemberView, invitation: Type.Union([InvitationView, Type.Null()]) })), 409: ErrorEnvelope, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { member, invitation } = await members.addMember(principal(request), scope.of(request.params as Record<string, string>), request.body.email, request.body.role);
        if (invitation) reply.header('cache-control', 'no-store');
        return ok({ member: memberView(member), invitation: invitation ? invitationView(invitation) : null }, invitation ? ['Share the invitation link now: it is shown once.'] : []);
      },
    );

    app.patch(
      `${scope.path}/members/:userId`,
      {
        schema: {
          operationId: `update${scope.name}Member`,
          summary: `Change a member's role in ${scope.what} (admin)`,
          tags: ['members'],
          params: MemberParams,
          body: Type.Object({ role: Role }, { additionalProperties: false }),
          response: { 200: envelopeSchema(MemberView), ...errorResponses },
        },
      },
      async (request) => {
        const params = request.params as Record<string, string>;
        return ok(memberView(await members.updateMember(principal(request), scope.of(params), params.userId, request.body.role)));
      },
    );

    app.delete(
      `${scope.path}/members/:userId`,
      {
        schema: {
          operationId: `remove${scope.name}Member`,
          summary: `Take a member's role in ${scope.what} away (admin); a pending member's invitation is withdrawn with its last role`,
          tags: ['members'],
          params: MemberParams,
          response: { 200: envelopeSchema(MemberView), ...errorResponses },
        },
      },
      async (request) => {
        const params = request.params as Record<string, string>;
        return ok(memberView(await members.removeMember(principal(request), scope.of(params), params.userId)));
      },
    );
  }
}
