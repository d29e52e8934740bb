import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { NotificationChannelType } from '../domain/notification-channel-type.js';
import type { IssuanceOperation, JobPass, Metrics, Outcome, ProbeOutcome, ProbeProtocol } from '../ports/metrics.js';

/** The route label of a request no route matched (404s of any path): one value, bounded cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Process metrics (CPU, memory, event loop lag, GC…) are the process's, not an app's: collected
 * once per process into their own registry, however many apps (tests) are built.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Seconds; up to a minute because a waited-for ACME validation can take that long. */
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The prom-client side of `GET /metrics`: process metrics, the counters of the Metrics port and
 * the HTTP request histogram, in a registry of its own (so several apps in one process, as in
 * tests, never collide in prom-client's global one). Per-certificate series are not here: they
 * are written straight from the database at scrape time (certificate-series.ts).
 *
 * Every label set of the counters is created at zero up front, so a rate() over them works from
 * the first scrape and absent series never mean "not counted yet".
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly process?: Registry;
  private readonly issuanceTotal: Counter<'operation' | 'outcome'>;
  private readonly notificationsTotal: Counter<'channel_type' | 'outcome'>;
  private readonly probesTotal: Counter<'protocol' | 'outcome'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_class'>;
  private readonly jobPasses: Counter<'job' | 'outcome'>;
  private readonly jobItems: Counter<'job' | 'outcome'>;
  private readonly jobLastPass: Gauge<'job'>;
  private readonly jobLastSuccess: Gauge<'job'>;
  private readonly jobLastDuration: Gauge<'job'>;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) this.process = processMetrics();
    const registers = [this.registry];
    this.issuanceTotal = new Counter({
      name: 'certkeeper_issuance_total',
      help: 'ACME issuance attempts of managed certificates that ended: operation "issue" (first issuance) or "renew", outcome "success" or "failure".',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.notificationsTotal = new Counter({
      name: 'certkeeper_notifications_total',
      help: 'Delivery attempts to notification channels, by channel type and outcome (each retry counts).',
      labelNames: ['channel_type', 'outcome'],
      registers,
    });
    this.probesTotal = new Counter({
      name: 'certkeeper_probes_total',
      help: 'Endpoint probes, by protocol and outcome (success, unreachable, failure).',
      labelNames: ['protocol', 'outcome'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'certkeeper_http_request_duration_seconds',
      help: 'HTTP request durations by route pattern (never the raw path; "unmatched" for requests no route matched), method and status class.',
      labelNames: ['method', 'route', 'status_class'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.jobPasses = new Counter({
      name: 'certkeeper_job_passes_total',
      help: 'Passes of each background job (renewals, sweeps, notifications, revocation, push-checks, probes, sessions), by outcome: "failure" when the pass as a whole failed.',
      labelNames: ['job', 'outcome'],
      registers,
    });
    this.jobItems = new Counter({
      name: 'certkeeper_job_items_total',
      help: 'Items the background jobs worked on (certificates, projects, endpoints, deliveries…), by outcome.',
      labelNames: ['job', 'outcome'],
      registers,
    });
    this.jobLastPass = new Gauge({ name: 'certkeeper_job_last_pass_timestamp_seconds', help: 'When each job\'s last pass ended, Unix seconds.', labelNames: ['job'], registers });
    this.jobLastSuccess = new Gauge({ name: 'certkeeper_job_last_success_timestamp_seconds', help: 'When each job\'s last pass that did not fail as a whole ended, Unix seconds.', labelNames: ['job'], registers });
    this.jobLastDuration = new Gauge({ name: 'certkeeper_job_last_pass_duration_seconds', help: 'How long each job\'s last pass took.', labelNames: ['job'], registers });
    for (const operation of ['issue', 'renew'] as const) for (const outcome of ['success', 'failure'] as const) this.issuanceTotal.inc({ operation, outcome }, 0);
    for (const channel_type of ['webhook', 'email', 'slack', 'teams'] as const) for (const outcome of ['success', 'failure'] as const) this.notificationsTotal.inc({ channel_type, outcome }, 0);
    for (const protocol of ['tls', 'smtp', 'imap', 'ldap', 'postgres'] as const) for (const outcome of ['success', 'unreachable', 'failure'] as const) this.probesTotal.inc({ protocol, outcome }, 0);
  }

  issuance(operation: IssuanceOperation, outcome: Outcome): void {
    this.issuanceTotal.inc({ operation, outcome });
  }

  notification(channelType: NotificationChannelType, outcome: Outcome): void {
    this.notificationsTotal.inc({ channel_type: channelType, outcome });
  }

  probe(protocol: ProbeProtocol, outcome: ProbeOutcome): void {
    this.probesTotal.inc({ protocol, outcome });
  }

  jobScheduled(job: string): void {
    for (const outcome of ['success', 'failure'] as const) {
      this.jobPasses.inc({ job, outcome }, 0);
      this.jobItems.inc({ job, outcome }, 0);
    }
  }

  jobPass(job: string, pass: JobPass): void {
    const ended = pass.endedAt.getTime() / 1000;
    this.jobPasses.inc({ job, outcome: pass.outcome });
    this.jobItems.inc({ job, outcome: 'success' }, Math.max(0, pass.processed - pass.failed));
    this.jobItems.inc({ job, outcome: 'failure' }, pass.failed);
    this.jobLastPass.set({ job }, ended);
    if (pass.outcome === 'success') this.jobLastSuccess.set({ job }, ended);
    this.jobLastDuration.set({ job }, pass.seconds);
  }

  /**
   * One finished HTTP request. `route` is the matched route's pattern (`/api/v1/projects/:projectId/…`)
   * or undefined when nothing matched; unknown methods become "OTHER".
   */
  observeHttp(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    this.httpDuration.observe(
      {
        method: HTTP_METHODS.has(method) ? method : 'OTHER',
        route: route ?? UNMATCHED_ROUTE,
        status_class: statusCode >= 100 && statusCode < 600 ? `${Math.floor(statusCode / 100)}xx` : 'other',
      },
      seconds,
    );
  }

  /** The exposition text of the process metrics, the counters and the HTTP histogram. */
  async text(): Promise<string> {
    const own = await this.registry.metrics();
    if (!this.process) return own;
    // prom-client writes an empty event-loop-lag histogram's NaN as "Nan"; the format says NaN.
    const proc = (await this.process.metrics()).replace(/ Nan$/gm, ' NaN');
    return `${proc.endsWith('\n') ? proc : `${proc}\n`}\n${own}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
