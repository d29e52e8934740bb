import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AccessKeyRecord } from '../../ports/access-key-repository.js';
import type { AccessKeyService } from '../../services/access-key-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok, paged } from '../envelope.js';
import { Name, Text } from '../text-schemas.js';

const Role = Type.Union([Type.Literal('viewer'), Type.Literal('editor'), Type.Literal('admin')]);
const ProjectParams = Type.Object({ projectId: Type.String({ format: 'uuid' }) });

const AccessKeyView = Type.Object({
  accessKeyId: Type.String(),
  name: Type.String(),
  role: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const NewAccessKeyView = Type.Object({
  accessKeyId: Type.String({ description: 'public id, LTAI + 20 characters' }),
  accessKeySecret: Type.String({ description: 'shown once; stored encrypted with the master key' }),
  name: Type.String(),
  role: Type.String(),
});

const view = (k: AccessKeyRecord) => ({ accessKeyId: k.accessKeyId, name: k.name, role: k.role, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null });

/**
 * Access keys for requests signed as the Alibaba Cloud SDKs sign them (Mobile Push's
 * `GET|POST /?Action=CheckCertificate`): create (the secret is shown once), list (never a
 * secret), revoke. Admin only.
 */
export async function accessKeyRoutes(fastify: FastifyInstance, opts: { accessKeys: AccessKeyService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { accessKeys } = opts;

  app.post(
    '/projects/:projectId/access-keys',
    {
      schema: {
        operationId: 'createAccessKey',
        summary: 'Create an access key for signed (Alibaba Cloud SDK) requests (admin); the secret is shown once',
        tags: ['access-keys'],
        params: ProjectParams,
        body: Type.Object({ name: Name, role: Role }, { additionalProperties: false }),
        response: { 200: envelopeSchema(NewAccessKeyView), ...errorResponses },
      },
    },
    async (request) => {
      const { record, secret } = await accessKeys.createAccessKey(principal(request), request.params.projectId, request.body.name, request.body.role);
      return ok({ accessKeyId: record.accessKeyId, accessKeySecret: secret, name: record.name, role: record.role }, ['Store this secret now: it is shown once and cannot be recovered.']);
    },
  );

  app.get(
    '/projects/:projectId/access-keys',
    { schema: { operationId: 'listAccessKeys', summary: 'List the project access keys (no secrets)', tags: ['access-keys'], params: ProjectParams, response: { 200: envelopeSchema(Type.Array(AccessKeyView)), ...errorResponses } } },
    async (request) => {
      const keys = await accessKeys.listAccessKeys(principal(request), request.params.projectId);
      return paged(keys.map(view), keys.length, 1, Math.max(keys.length, 1));
    },
  );

  app.delete(
    '/projects/:projectId/access-keys/:accessKeyId',
    {
      schema: {
        operationId: 'revokeAccessKey',
        summary: 'Revoke an access key: signed requests with it fail at once',
        tags: ['access-keys'],
        params: Type.Object({ projectId: Type.String({ format: 'uuid' }), accessKeyId: Text({ minLength: 1, maxLength: 64 }) }),
        response: { 200: envelopeSchema(AccessKeyView), ...errorResponses },
      },
    },
    async (request) => ok(view(await accessKeys.revokeAccessKey(principal(request), request.params.projectId, request.params.accessKeyId))),
  );
}
