import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AuditEvent } from '../../domain/audit-event.js';
import { AppError } from '../../domain/app-error.js';
import type { Project } from '../../domain/project.js';
import type { ApiKeyRecord } from '../../ports/api-key-repository.js';
import type { EventWindow } from '../../ports/event-repository.js';
import type { AccessService } from '../../services/access-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok, paged, PageQuery } from '../envelope.js';
import { Name, Text } from '../text-schemas.js';

const ProjectView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organizationId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
const Role = Type.Union([Type.Literal('viewer'), Type.Literal('editor'), Type.Literal('admin')]);
const ApiKeyView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  role: Type.String(),
  prefix: Type.String({ description: 'the first characters of the key, to recognise it' }),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const NewApiKeyView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  role: Type.String(),
  key: Type.String({ description: 'shown once; only its hash is stored' }),
});
const EventView = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  actor: Type.String(),
  objectType: Type.String(),
  objectId: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
});
const UnscopedEventView = Type.Object({
  ...EventView.properties,
  organizationId: Type.Union([Type.String(), Type.Null()], { description: 'the organization of an organization\'s event; null for the deployment\'s' }),
});
export const ProjectParams = Type.Object({ projectId: Type.String({ format: 'uuid' }) });
const WindowQuery = {
  since: Type.Optional(Type.String({ format: 'date-time', description: 'only events at or after this instant' })),
  until: Type.Optional(Type.String({ format: 'date-time', description: 'only events before this instant' })),
};

/** The `since`/`until` query as a window; an instant the format lets through but no Date can hold (a leap second) is refused in words. */
function eventWindow(query: { since?: string; until?: string }): EventWindow {
  const at = (name: 'since' | 'until') => {
    const text = query[name];
    if (text === undefined) return undefined;
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) throw new AppError('validation_failed', `${name} must be an instant such as 2026-06-01T00:00:00Z`);
    return date;
  };
  const window = { since: at('since'), until: at('until') };
  if (window.since && window.until && window.since >= window.until) throw new AppError('validation_failed', 'since must be before until');
  return window;
}

const projectView = (p: Project) => ({ id: p.id, organizationId: p.organizationId, name: p.name, createdAt: p.createdAt.toISOString() });
const keyView = (k: ApiKeyRecord) => ({ id: k.id, name: k.name, role: k.role, prefix: k.prefix, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null });
const eventView = (e: AuditEvent) => ({ id: e.id, type: e.type, actor: e.actor, objectType: e.objectType, objectId: e.objectId, data: e.data, createdAt: e.createdAt.toISOString() });

export async function projectRoutes(fastify: FastifyInstance, opts: { access: AccessService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { access } = opts;

  app.post(
    '/projects',
    {
      schema: {
        operationId: 'createProject',
        summary: 'Create a project in an organization',
        tags: ['projects'],
        body: Type.Object({ organizationId: Type.String({ format: 'uuid' }), name: Name }, { additionalProperties: false }),
        response: { 200: envelopeSchema(ProjectView), ...errorResponses },
      },
    },
    async (request) => ok(projectView(await access.createProject(principal(request), request.body.organizationId, request.body.name.trim()))),
  );

  app.get(
    '/projects',
    {
      schema: {
        operationId: 'listProjects',
        summary: 'List the projects the key covers',
        tags: ['projects'],
        querystring: Type.Object(PageQuery),
        response: { 200: envelopeSchema(Type.Array(ProjectView)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20 } = request.query;
      const page = await access.listProjects(principal(request), { pageIndex, pageSize });
      return paged(page.items.map(projectView), page.totalCount, pageIndex, pageSize);
    },
  );

  app.get(
    '/projects/:projectId',
    { schema: { operationId: 'getProject', summary: 'Get a project', tags: ['projects'], params: ProjectParams, response: { 200: envelopeSchema(ProjectView), ...errorResponses } } },
    async (request) => ok(projectView(await access.authorizeProject(principal(request), request.params.projectId, 'viewer'))),
  );

  app.post(
    '/projects/:projectId/api-keys',
    {
      schema: {
        operationId: 'createApiKey',
        summary: 'Create an API key for the project (admin); the key is shown once',
        tags: ['api-keys'],
        params: ProjectParams,
        body: Type.Object({ name: Name, role: Role }, { additionalProperties: false }),
        response: { 200: envelopeSchema(NewApiKeyView), ...errorResponses },
      },
    },
    async (request) => {
      const { record, key } = await access.createApiKey(principal(request), request.params.projectId, request.body.name.trim(), request.body.role);
      return ok({ id: record.id, name: record.name, role: record.role, key }, ['Store this key now: it is shown once and cannot be recovered.']);
    },
  );

  app.get(
    '/projects/:projectId/api-keys',
    {
      schema: { operationId: 'listApiKeys', summary: 'List the project API keys (no secrets)', tags: ['api-keys'], params: ProjectParams, response: { 200: envelopeSchema(Type.Array(ApiKeyView)), ...errorResponses } },
    },
    async (request) => {
      const keys = await access.listApiKeys(principal(request), request.params.projectId);
      return paged(keys.map(keyView), keys.length, 1, Math.max(keys.length, 1));
    },
  );

  app.delete(
    '/projects/:projectId/api-keys/:keyId',
    {
      schema: {
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key',
        tags: ['api-keys'],
        params: Type.Object({ projectId: Type.String({ format: 'uuid' }), keyId: Type.String({ format: 'uuid' }) }),
        response: { 200: envelopeSchema(ApiKeyView), ...errorResponses },
      },
    },
    async (request) => ok(keyView(await access.revokeApiKey(principal(request), request.params.projectId, request.params.keyId))),
  );

  app.get(
    '/events',
    {
      schema: {
        operationId: 'listDeploymentEvents',
        summary: 'The audit trail of no project: sign-ins and their failures and locks, sessions, users, organizations and their members (superuser; newest first; since and until: a time window)',
        tags: ['events'],
        querystring: Type.Object({ ...PageQuery, type: Type.Optional(Text({ maxLength: 100 })), ...WindowQuery }),
        response: { 200: envelopeSchema(Type.Array(UnscopedEventView)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20, type } = request.query;
      const page = await access.listUnscopedEvents(principal(request), { pageIndex, pageSize }, type, eventWindow(request.query));
      return paged(page.items.map((e) => ({ ...eventView(e), organizationId: e.organizationId })), page.totalCount, pageIndex, pageSize);
    },
  );

  app.get(
    '/projects/:projectId/events',
    {
      schema: {
        operationId: 'listEvents',
        summary: 'The project audit trail: who changed what, when (newest first); objectType and objectId together: the events of one object; since and until: a time window',
        tags: ['events'],
        params: ProjectParams,
        querystring: Type.Object({
          ...PageQuery,
          type: Type.Optional(Text({ maxLength: 100 })),
          objectType: Type.Optional(Text({ maxLength: 40, description: 'certificate, endpoint, api_key, …; with objectId' })),
          objectId: Type.Optional(Text({ maxLength: 100, description: 'the object\'s id (a certificate id, …); with objectType' })),
          ...WindowQuery,
        }),
        response: { 200: envelopeSchema(Type.Array(EventView)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20, type, objectType, objectId } = request.query;
      if ((objectType === undefined) !== (objectId === undefined)) throw new AppError('validation_failed', 'objectType and objectId go together');
      const object = objectType !== undefined && objectId !== undefined ? { type: objectType, id: objectId } : undefined;
      const page = await access.listEvents(principal(request), request.params.projectId, { pageIndex, pageSize }, type, object, eventWindow(request.query));
      return paged(page.items.map(eventView), page.totalCount, pageIndex, pageSize);
    },
  );
}
