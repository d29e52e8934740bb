import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AccessService } from '../../services/access-service.js';
import { principal } from '../build-app.js';
import { envelopeSchema, errorResponses, ok, paged, PageQuery } from '../envelope.js';

const OrganizationView = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), createdAt: Type.String({ format: 'date-time' }) });
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export async function organizationRoutes(fastify: FastifyInstance, opts: { access: AccessService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const view = (o: { id: string; name: string; createdAt: Date }) => ({ id: o.id, name: o.name, createdAt: o.createdAt.toISOString() });

  app.post(
    '/organizations',
    {
      schema: {
        summary: 'Create an organization (superuser)',
        tags: ['organizations'],
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 200: envelopeSchema(OrganizationView), ...errorResponses },
      },
    },
    async (request) => ok(view(await opts.access.createOrganization(principal(request), request.body.name.trim()))),
  );

  app.get(
    '/organizations',
    {
      schema: {
        summary: 'List the organizations the key can see',
        tags: ['organizations'],
        querystring: Type.Object(PageQuery),
        response: { 200: envelopeSchema(Type.Array(OrganizationView)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20 } = request.query;
      const page = await opts.access.listOrganizations(principal(request), { pageIndex, pageSize });
      return paged(page.items.map(view), page.totalCount, pageIndex, pageSize);
    },
  );
}
