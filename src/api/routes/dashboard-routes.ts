import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { certificateKinds, daysLeft, effectiveStatus, type CertificateKind, type EffectiveStatus } from '../../domain/certificate.js';
import { attentionKinds } from '../../ports/dashboard-repository.js';
import type { Dashboard, DashboardService } from '../../services/dashboard-service.js';
import { principal } from '../auth.js';
import { certificateStatusName } from '../certificate-status-name.js';
import { envelopeSchema, errorResponses, ok } from '../envelope.js';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const statusNames = Object.values(certificateStatusName);
const StatusName = Type.Union(statusNames.map((s) => Type.Literal(s)), { description: 'as the certificate list filter names it' });
const Kind = Type.Union(certificateKinds.map((k) => Type.Literal(k)));
/** Every status name (or kind) with its count, zeros included, so a page can stack by either. */
const ByStatus = Type.Object(Object.fromEntries(statusNames.map((s) => [s, Type.Integer()])));
const ByKind = Type.Object(Object.fromEntries(certificateKinds.map((k) => [k, Type.Integer()])));

const DashboardView = Type.Object({
  now: Type.String({ format: 'date-time', description: "the server clock's now every figure is computed at" }),
  counts: Type.Object({
    total: Type.Integer({ description: 'visible certificates: the project’s own and its organization’s Organization-scoped ones' }),
    byStatus: ByStatus,
    byKind: ByKind,
    byStatusAndKind: Type.Array(Type.Object({ status: StatusName, kind: Kind, count: Type.Integer() }), { description: 'non-zero pairs only' }),
  }),
  timeline: Type.Array(
    Type.Object({
      key: Type.String({ description: '`expired`, then the ISO weeks (`2026-W51`)' }),
      weekStart: Nullable(Type.String({ format: 'date-time', description: "the week's Monday 00:00 UTC" })),
      from: Nullable(Type.String({ format: 'date-time', description: 'notAfter at or after (the list filter expiringAfter); null for the expired bucket (status=Expired)' })),
      to: Type.String({ format: 'date-time', description: 'notAfter before (expiringBefore)' }),
      total: Type.Integer(),
      byKind: ByKind,
      byStatus: ByStatus,
    }),
    { description: 'the expired bucket (status=Expired), then 52 weeks: the one now is in (from just after now) and the 51 after it' },
  ),
  expiringNext: Type.Array(
    Type.Object({ id: Type.Integer(), domainName: Type.String(), kind: Kind, status: StatusName, notAfter: DateTime, daysLeft: Type.Integer() }),
    { description: 'the 10 certificates that expire next (Active, soonest first)' },
  ),
  needsAttention: Type.Object({
    total: Type.Integer({ description: 'the sum of the groups’ counts' }),
    groups: Type.Array(
      Type.Object({
        kind: Type.Union(attentionKinds.map((k) => Type.Literal(k))),
        count: Type.Integer({ description: 'counted up to 1,000' }),
        capped: Type.Boolean({ description: 'there are more than count' }),
        items: Type.Array(
          Type.Object({
            kind: Type.Union(attentionKinds.map((k) => Type.Literal(k))),
            objectType: Type.Union(['certificate', 'app', 'deployment', 'endpoint', 'notification_channel'].map((k) => Type.Literal(k))),
            objectId: Type.String(),
            certificateId: Nullable(Type.Integer()),
            name: Type.String(),
            reason: Type.String({ description: 'short, in words' }),
            since: Nullable(DateTime),
          }),
          { description: 'the first 10, latest first' },
        ),
      }),
    ),
  }),
  recentEvents: Type.Array(
    Type.Object({ id: Type.Integer(), type: Type.String(), actor: Type.String(), objectType: Type.String(), objectId: Type.String(), data: Type.Record(Type.String(), Type.Unknown()), createdAt: DateTime }),
    { description: 'the project’s last 20 events, newest first' },
  ),
});

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function dashboardView(d: Dashboard) {
  const now = d.now;
  const byStatus = zeros(Object.values(certificateStatusName));
  const byKind = zeros(certificateKinds);
  for (const c of d.counts.byStatusAndKind) {
    byStatus[certificateStatusName[c.status]] += c.count;
    byKind[c.kind] += c.count;
  }
  const statusCounts = (list: ReadonlyArray<{ status: EffectiveStatus; count: number }>) => {
    const out = zeros(Object.values(certificateStatusName));
    for (const s of list) out[certificateStatusName[s.status]] += s.count;
    return out;
  };
  const kindCounts = (list: ReadonlyArray<{ kind: CertificateKind; count: number }>) => {
    const out = zeros(certificateKinds);
    for (const k of list) out[k.kind] += k.count;
    return out;
  };
  return {
    now: now.toISOString(),
    counts: {
      total: d.counts.total,
      byStatus,
      byKind,
      byStatusAndKind: d.counts.byStatusAndKind.map((c) => ({ status: certificateStatusName[c.status], kind: c.kind, count: c.count })),
    },
    timeline: d.timeline.map((b) => ({
      key: b.key,
      weekStart: b.weekStart?.toISOString() ?? null,
      from: b.from?.toISOString() ?? null,
      to: b.to.toISOString(),
      total: b.total,
      byKind: kindCounts(b.byKind),
      byStatus: statusCounts(b.byStatus),
    })),
    expiringNext: d.expiringNext.map((c) => ({
      id: c.id,
      domainName: c.domainName,
      kind: c.kind,
      status: certificateStatusName[effectiveStatus(c.status, c.notAfter, now)],
      notAfter: c.notAfter.toISOString(),
      daysLeft: daysLeft(c.notAfter, now),
    })),
    needsAttention: {
      total: d.attention.total,
      groups: d.attention.groups.map((g) => ({
        kind: g.kind,
        count: g.count,
        capped: g.capped,
        items: g.items.map((i) => ({ kind: i.kind, objectType: i.objectType, objectId: i.objectId, certificateId: i.certificateId, name: i.name, reason: i.reason, since: i.since?.toISOString() ?? null })),
      })),
    },
    recentEvents: d.recentEvents.map((e) => ({ id: e.id, type: e.type, actor: e.actor, objectType: e.objectType, objectId: e.objectId, data: e.data, createdAt: e.createdAt.toISOString() })),
  };
}

/** A project's dashboard: the console's first page, in one request. */
export async function dashboardRoutes(fastify: FastifyInstance, opts: { dashboard: DashboardService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/projects/:projectId/dashboard',
    {
      schema: {
        operationId: 'getProjectDashboard',
        summary: "A project's dashboard (viewer): counts by status and kind, the expiry timeline by week, what expires next, what needs a person, the latest events",
        tags: ['projects'],
        params: Type.Object({ projectId: Type.String({ format: 'uuid' }) }),
        response: { 200: envelopeSchema(DashboardView), ...errorResponses },
      },
    },
    async (request) => ok(dashboardView(await opts.dashboard.dashboard(principal(request), request.params.projectId))),
  );
}
