import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import type { Clock } from '../ports/clock.js';
import type { CertificateRepository } from '../ports/certificate-repository.js';
import { certificateSeries } from '../observability/certificate-series.js';
import type { AccessService } from './access-service.js';

/** The registry side of a scrape: process metrics, counters, the HTTP histogram (observability/prometheus-metrics.ts). */
export interface MetricsRegistry {
  readonly contentType: string;
  text(): Promise<string>;
}

export interface MetricsServiceOptions {
  /** CERTKEEPER_METRICS_TOKEN: a Bearer token that may scrape (besides a superuser API key). */
  token?: string;
  /** CERTKEEPER_METRICS_PUBLIC: no authentication at all. */
  public: boolean;
  /** CERTKEEPER_METRICS_MAX_CERTIFICATES: per-certificate series for at most this many (0: all). */
  maxCertificates: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may scrape `GET /metrics` and what it says. Protected by default (the metrics token or a
 * superuser API key), because the per-certificate series name every certificate of every
 * organization; CERTKEEPER_METRICS_PUBLIC opens it.
 */
export class MetricsService {
  private readonly tokenHash?: Buffer;

  constructor(
    private readonly registry: MetricsRegistry,
    private readonly certificates: Pick<CertificateRepository, 'scanForMetrics' | 'soonestForMetrics'>,
    private readonly access: AccessService,
    private readonly clock: Clock,
    readonly options: MetricsServiceOptions,
  ) {
    this.tokenHash = options.token ? sha256(options.token) : undefined;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Lets the scrape through, or throws unauthorized (no token) / forbidden (a key that is not a superuser's). */
  async authorize(bearer: string | undefined): Promise<void> {
    if (this.options.public) return;
    // Hashes of equal length: a constant-time comparison whatever the presented length.
    if (bearer && this.tokenHash && timingSafeEqual(sha256(bearer), this.tokenHash)) return;
    if (!bearer) throw new AppError('unauthorized', 'a Bearer token is required (CERTKEEPER_METRICS_TOKEN or a superuser API key)');
    const principal = await this.access.authenticate(bearer);
    if (principal.kind === 'deployment_key') throw new AppError('deployment_key_forbidden', 'a deployment key may only read its own target\'s deployments and report their outcomes (/api/v1/agent/…)');
    if (!principal.superuser) throw new AppError('forbidden', 'only the metrics token or a superuser API key may read /metrics');
  }

  /**
   * The exposition text: the registry's (read before this answers, so its failure is still a
   * clean error), then the per-certificate gauges streamed from the database page by page
   * (observability/certificate-series.ts).
   */
  async scrape(): Promise<AsyncGenerator<string>> {
    const head = await this.registry.text();
    const now = this.clock.now();
    const { certificates, options } = this;
    return (async function* () {
      yield head.endsWith('\n') || head === '' ? head : `${head}\n`;
      yield* certificateSeries(certificates, now, undefined, options.maxCertificates);
    })();
  }
}
