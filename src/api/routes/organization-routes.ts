import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Organization } from '../../domain/organization.js';
import type { AccessService } from '../../services/access-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok, paged, PageQuery } from '../envelope.js';
import { Name } from '../text-schemas.js';

const OrganizationView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  disabled: Type.Boolean({ description: 'a disabled organization\'s keys are refused' }),
});

export async function organizationRoutes(fastify: FastifyInstance, opts: { access: AccessService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const view = (o: Organization) => ({ id: o.id, name: o.name, createdAt: o.createdAt.toISOString(), disabled: o.disabledAt != null });

  app.post(
    '/organizations',
    {
      schema: {
        operationId: 'createOrganization',
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
        operationId: 'listOrganizations',
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

  app.patch(
    '/organizations/:organizationId',
    {
      schema: {
        operationId: 'updateOrganization',
        summary: 'Disable or enable an organization (superuser): a disabled organization\'s API and access keys are refused',
        tags: ['organizations'],
        params: Type.Object({ organizationId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: envelopeSchema(OrganizationView), ...errorResponses },
      },
    },
    async (request) => ok(view(await opts.access.setOrganizationDisabled(principal(request), request.params.organizationId, request.body.disabled))),
  );
}
