import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { MetricsService } from '../../services/metrics-service.js';
import { bearerOf } from '../auth.js';

/** `GET /metrics`, Prometheus text format (who may read it: services/metrics-service.ts). */
export async function metricsRoutes(app: FastifyInstance, opts: { metrics: MetricsService }): Promise<void> {
  const { metrics } = opts;
  app.get(
    '/metrics',
    {
      schema: {
        operationId: 'getMetrics',
        summary: 'Prometheus metrics (text format 0.0.4)',
        description:
          'Per-certificate gauges (certkeeper_certificate_not_after_seconds, _days_left, _status), counters (issuance, notifications, probes), HTTP request durations and process metrics. Bearer CERTKEEPER_METRICS_TOKEN or a superuser key, unless CERTKEEPER_METRICS_PUBLIC.',
        tags: ['metrics'],
        security: metrics.options.public ? [] : [{ bearer: [] }],
        // For the document only: the body is a stream, which fastify sends without serializing.
        response: { 200: { description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: Type.String() } } } },
      },
    },
    async (request, reply) => {
      await metrics.authorize(bearerOf(request)).catch((err: unknown) => {
        reply.header('www-authenticate', 'Bearer realm="certkeeper metrics"');
        throw err;
      });
      // One page's chunk buffered at a time: memory stays flat however many certificates.
      return reply.header('content-type', metrics.contentType).header('cache-control', 'no-store').send(Readable.from(await metrics.scrape(), { highWaterMark: 1 }));
    },
  );
}
