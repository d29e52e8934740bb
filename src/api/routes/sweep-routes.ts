import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { NotificationPolicyView, SweepResult, SweepService } from '../../services/sweep-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok } from '../envelope.js';

const ProjectParams = Type.Object({ projectId: Type.String({ format: 'uuid' }) });
const IdParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

const PolicyView = Type.Object({
  projectId: Type.String(),
  thresholdDays: Type.Array(Type.Integer(), { description: 'days before notAfter, for certificates that live 90 days or more' }),
  lifetimeFractions: Type.Array(Type.Number(), { description: 'fractions of the lifetime remaining, for shorter-lived certificates' }),
  digest: Type.Boolean({ description: 'one message per channel per sweep listing everything' }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'null while the defaults apply' }),
});

const PolicyBody = Type.Object(
  {
    thresholdDays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 3650 }), { maxItems: 12 })),
    lifetimeFractions: Type.Optional(Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), { maxItems: 12 })),
    digest: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const EventView = Type.Object({
  id: Type.Integer(),
  type: Type.String({ description: 'certificate.expiring or certificate.expired' }),
  certificateId: Type.Integer(),
  notified: Type.Boolean({ description: 'false when the certificate is muted: recorded (data.muted true), never sent' }),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
});

const SweepView = Type.Object({
  projectId: Type.String(),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.String({ format: 'date-time' }),
  expiring: Type.Integer({ description: 'new certificate.expiring events' }),
  expired: Type.Integer({ description: 'new certificate.expired events' }),
  notified: Type.Integer({ description: 'items handed to the notification channels' }),
  events: Type.Array(EventView, { description: 'the first 1000 events created, by id (see eventsTruncated)' }),
  eventsTruncated: Type.Boolean(),
});

const policyView = (p: NotificationPolicyView) => ({ ...p, updatedAt: p.updatedAt ? p.updatedAt.toISOString() : null });
const sweepView = (r: SweepResult) => ({
  projectId: r.projectId,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt.toISOString(),
  expiring: r.expiring,
  expired: r.expired,
  notified: r.notified,
  events: r.events.map((e) => ({ id: e.eventId, type: e.type, certificateId: e.certificateId, notified: e.notify, data: e.data, createdAt: e.createdAt.toISOString() })),
  eventsTruncated: r.expiring + r.expired > r.events.length,
});

/** Expiry sweeps and the notification policy. */
export async function sweepRoutes(fastify: FastifyInstance, opts: { sweeps: SweepService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { sweeps } = opts;

  app.post(
    '/projects/:projectId/sweep',
    {
      schema: {
        operationId: 'sweepProject',
        summary: 'Sweep the project now (admin): record thresholds crossed and expiries as events, notify, and answer with what was found',
        tags: ['notifications'],
        params: ProjectParams,
        response: { 200: envelopeSchema(SweepView), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => ok(sweepView(await sweeps.sweepNow(principal(request), request.params.projectId))),
  );

  app.get(
    '/projects/:projectId/notification-policy',
    {
      schema: {
        operationId: 'getNotificationPolicy',
        summary: "The project's notification policy: thresholds, lifetime fractions, digest",
        tags: ['notifications'],
        params: ProjectParams,
        response: { 200: envelopeSchema(PolicyView), ...errorResponses },
      },
    },
    async (request) => ok(policyView(await sweeps.getPolicy(principal(request), request.params.projectId))),
  );

  app.put(
    '/projects/:projectId/notification-policy',
    {
      schema: {
        operationId: 'updateNotificationPolicy',
        summary: "Change the project's notification policy (admin); fields left out are kept",
        tags: ['notifications'],
        params: ProjectParams,
        body: PolicyBody,
        response: { 200: envelopeSchema(PolicyView), ...errorResponses },
      },
    },
    async (request) => ok(policyView(await sweeps.putPolicy(principal(request), request.params.projectId, request.body))),
  );

  const MuteView = Type.Object({ certificateId: Type.Integer(), muted: Type.Boolean() });
  app.get(
    '/projects/:projectId/certificates/:id/mute',
    {
      schema: {
        operationId: 'getCertificateMute',
        summary: "Whether the project muted one of its certificates (viewer); false through a project it is shared with",
        tags: ['certificates'],
        params: IdParams,
        response: { 200: envelopeSchema(MuteView), ...errorResponses },
      },
    },
    async (request) => ok(await sweeps.getMuted(principal(request), request.params.projectId, request.params.id)),
  );

  app.put(
    '/projects/:projectId/certificates/:id/mute',
    {
      schema: {
        operationId: 'muteCertificate',
        summary: "Mute (never send its alerts) or unmute one of the project's own certificates (editor); its thresholds and expiry are still recorded, marked muted",
        tags: ['certificates'],
        params: IdParams,
        body: Type.Object({ muted: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: envelopeSchema(MuteView), ...errorResponses },
      },
    },
    async (request) => ok(await sweeps.setMuted(principal(request), request.params.projectId, request.params.id, request.body.muted)),
  );
}
