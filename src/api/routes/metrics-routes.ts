import { createHash, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error.js';
import type { Clock } from '../../ports/clock.js';
import type { CertificateRepository } from '../../ports/certificate-repository.js';
import type { AccessService } from '../../services/access-service.js';
import { certificateSeries } from '../../observability/certificate-series.js';
import type { PrometheusMetrics } from '../../observability/prometheus-metrics.js';

export interface MetricsRouteOptions {
  metrics: PrometheusMetrics;
  certificates: Pick<CertificateRepository, 'scanForMetrics' | 'soonestForMetrics'>;
  /** CERTKEEPER_METRICS_MAX_CERTIFICATES: per-certificate series for at most this many (0: all). */
  maxCertificates: number;
  access: AccessService;
  clock: Clock;
  /** CERTKEEPER_METRICS_TOKEN: a Bearer token that may scrape (besides a superuser API key). */
  token?: string;
  /** CERTKEEPER_METRICS_PUBLIC: no authentication at all. */
  public: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

function bearerOf(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  return typeof auth === 'string' && /^bearer\s+/i.test(auth) ? auth.replace(/^bearer\s+/i, '').trim() || undefined : undefined;
}

/**
 * `GET /metrics`, Prometheus text format: prom-client's registry (process, counters, HTTP
 * histogram), then the per-certificate gauges streamed from the database page by page.
 * Protected by default: a Bearer with CERTKEEPER_METRICS_TOKEN or a superuser API key, because
 * the series name every certificate of every organization; CERTKEEPER_METRICS_PUBLIC opens it.
 */
export async function metricsRoutes(app: FastifyInstance, opts: MetricsRouteOptions): Promise<void> {
  const tokenHash = opts.token ? sha256(opts.token) : undefined;

  const authorize = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (opts.public) return;
    const bearer = bearerOf(request);
    // Hashes of equal length: a constant-time comparison whatever the presented length.
    if (bearer && tokenHash && timingSafeEqual(sha256(bearer), tokenHash)) return;
    reply.header('www-authenticate', 'Bearer realm="certkeeper metrics"');
    if (!bearer) throw new AppError('unauthorized', 'a Bearer token is required (CERTKEEPER_METRICS_TOKEN or a superuser API key)');
    const principal = await opts.access.authenticate(bearer);
    if (!principal.superuser) throw new AppError('forbidden', 'only the metrics token or a superuser API key may read /metrics');
  };

  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics (text format 0.0.4)',
        description:
          'Per-certificate gauges (certkeeper_certificate_not_after_seconds, _days_left, _status), counters (issuance, notifications, probes), HTTP request durations and process metrics. Bearer CERTKEEPER_METRICS_TOKEN or a superuser key, unless CERTKEEPER_METRICS_PUBLIC.',
        tags: ['metrics'],
        security: opts.public ? [] : [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      await authorize(request, reply);
      const head = await opts.metrics.text();
      const now = opts.clock.now();
      async function* body(): AsyncGenerator<string> {
        yield head.endsWith('\n') || head === '' ? head : `${head}\n`;
        yield* certificateSeries(opts.certificates, now, undefined, opts.maxCertificates);
      }
      // One page's chunk buffered at a time: memory stays flat however many certificates.
      return reply.header('content-type', opts.metrics.contentType).header('cache-control', 'no-store').send(Readable.from(body(), { highWaterMark: 1 }));
    },
  );
}
