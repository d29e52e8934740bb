import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ChannelView, DeliveryView, NotificationService } from '../../services/notification-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok, paged, PageQuery } from '../envelope.js';
import { Text } from '../text-schemas.js';

const Id = Text({ minLength: 1, maxLength: 64 });
const ProjectParams = Type.Object({ projectId: Type.String({ format: 'uuid' }) });
const ChannelParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), channelId: Id });
const DeliveryParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), notificationId: Id });

// `type` and `config` are checked by the service, so an unknown type or a bad field gets its own code.
const Config = Type.Record(Type.String(), Type.Unknown(), {
  description: 'webhook: {url, secret}; email: {to: [addresses]}; slack, teams: {url}. On update, absent secret fields (url, secret) keep their stored value.',
});
const CreateBody = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 100 }),
    type: Text({ minLength: 1, maxLength: 32, description: 'webhook | email | slack | teams' }),
    config: Config,
    enabled: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
const UpdateBody = Type.Object(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 100 })),
    type: Type.Optional(Text({ minLength: 1, maxLength: 32 })),
    config: Type.Optional(Config),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const ChannelSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  enabled: Type.Boolean(),
  config: Type.Record(Type.String(), Type.Unknown(), { description: 'what may be shown: recipients, a redacted URL; never a secret' }),
  hasSecret: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
const DateOrNull = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const DeliverySchema = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  kind: Type.String({ description: 'each | digest | test' }),
  type: Type.String({ description: "the event type, or 'digest' / 'test'" }),
  status: Type.String({ description: 'pending | delivered | failed' }),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  nextAttemptAt: DateOrNull,
  lastAttemptAt: DateOrNull,
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastResponse: Type.Union([Type.String(), Type.Null()], { description: 'the start of the last response (at most 1,000 characters)' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  redeliveryOf: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  deliveredAt: DateOrNull,
  events: Type.Array(Type.Object({}, { additionalProperties: true })),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
const channelView = (c: ChannelView) => ({ ...c, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() });
const deliveryView = (d: DeliveryView) => ({
  ...d,
  nextAttemptAt: iso(d.nextAttemptAt),
  lastAttemptAt: iso(d.lastAttemptAt),
  createdAt: d.createdAt.toISOString(),
  deliveredAt: iso(d.deliveredAt),
});

/** Notification channels of a project, test messages, the delivery log and redelivery. */
export async function notificationRoutes(fastify: FastifyInstance, opts: { notifications: NotificationService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { notifications } = opts;
  const tags = ['notifications'];

  app.post(
    '/projects/:projectId/notification-channels',
    { schema: { operationId: 'createNotificationChannel', summary: 'Add a notification channel (admin); secrets are stored encrypted and never returned', tags, params: ProjectParams, body: CreateBody, response: { 200: envelopeSchema(ChannelSchema), ...errorResponses, 409: errorResponses[400] } } },
    async (request) => ok(channelView(await notifications.createChannel(principal(request), request.params.projectId, request.body))),
  );

  app.get(
    '/projects/:projectId/notification-channels',
    { schema: { operationId: 'listNotificationChannels', summary: "The project's notification channels", tags, params: ProjectParams, response: { 200: envelopeSchema(Type.Array(ChannelSchema)), ...errorResponses } } },
    async (request) => {
      const channels = await notifications.listChannels(principal(request), request.params.projectId);
      return paged(channels.map(channelView), channels.length, 1, Math.max(channels.length, 1));
    },
  );

  app.get(
    '/projects/:projectId/notification-channels/:channelId',
    { schema: { operationId: 'getNotificationChannel', summary: 'A notification channel', tags, params: ChannelParams, response: { 200: envelopeSchema(ChannelSchema), ...errorResponses } } },
    async (request) => ok(channelView(await notifications.getChannel(principal(request), request.params.projectId, request.params.channelId))),
  );

  app.put(
    '/projects/:projectId/notification-channels/:channelId',
    { schema: { operationId: 'updateNotificationChannel', summary: 'Change a notification channel (admin): absent fields are kept', tags, params: ChannelParams, body: UpdateBody, response: { 200: envelopeSchema(ChannelSchema), ...errorResponses, 409: errorResponses[400] } } },
    async (request) => ok(channelView(await notifications.updateChannel(principal(request), request.params.projectId, request.params.channelId, request.body))),
  );

  app.delete(
    '/projects/:projectId/notification-channels/:channelId',
    {
      schema: {
        operationId: 'deleteNotificationChannel',
        summary: 'Delete a notification channel and its deliveries (admin)',
        tags,
        params: ChannelParams,
        response: { 200: envelopeSchema(Type.Object({ id: Type.String(), deleted: Type.Boolean() })), ...errorResponses },
      },
    },
    async (request) => {
      await notifications.deleteChannel(principal(request), request.params.projectId, request.params.channelId);
      return ok({ id: request.params.channelId, deleted: true });
    },
  );

  app.post(
    '/projects/:projectId/notification-channels/:channelId/test',
    { schema: { operationId: 'testNotificationChannel', summary: 'Send a test message now (admin) and answer the delivery outcome', tags, params: ChannelParams, response: { 200: envelopeSchema(DeliverySchema), ...errorResponses } } },
    async (request) => ok(deliveryView(await notifications.testChannel(principal(request), request.params.projectId, request.params.channelId))),
  );

  app.get(
    '/projects/:projectId/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        summary: 'The delivery log: every message to every channel, newest first, with the last response',
        tags,
        params: ProjectParams,
        querystring: Type.Object({
          ...PageQuery,
          channelId: Type.Optional(Id),
          status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')])),
        }),
        response: { 200: envelopeSchema(Type.Array(DeliverySchema)), ...errorResponses },
      },
    },
    async (request) => {
      const pageIndex = request.query.pageIndex ?? 1;
      const pageSize = request.query.pageSize ?? 20;
      const result = await notifications.listDeliveries(principal(request), request.params.projectId, { pageIndex, pageSize }, { channelId: request.query.channelId, status: request.query.status });
      return paged(result.items.map(deliveryView), result.totalCount, pageIndex, pageSize);
    },
  );

  app.get(
    '/projects/:projectId/notifications/:notificationId',
    { schema: { operationId: 'getNotification', summary: 'One delivery', tags, params: DeliveryParams, response: { 200: envelopeSchema(DeliverySchema), ...errorResponses } } },
    async (request) => ok(deliveryView(await notifications.getDelivery(principal(request), request.params.projectId, request.params.notificationId))),
  );

  app.post(
    '/projects/:projectId/notifications/:notificationId/redeliver',
    { schema: { operationId: 'redeliverNotification', summary: 'Send a delivery again now (admin), as a new delivery that is retried like any other', tags, params: DeliveryParams, response: { 200: envelopeSchema(DeliverySchema), ...errorResponses } } },
    async (request) => ok(deliveryView(await notifications.redeliver(principal(request), request.params.projectId, request.params.notificationId))),
  );
}
