import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Clock } from '../ports/clock.js';
import { noopMetrics, type Metrics } from '../ports/metrics.js';
import type { Job } from './job.js';
import { PeriodicPass } from './periodic-pass.js';

/**
 * Runs each job on its own schedule (jobs/periodic-pass.ts: passes of one job never overlap)
 * and reports every pass the same way: on /metrics (passes, items, last pass, last success,
 * duration, by `job`) and in the log (`job pass` at info when it did something, debug when
 * there was nothing due; `job pass failed` at warn).
 */
export class JobRunner {
  private readonly passes: Array<{ job: Job; pass: PeriodicPass }>;

  constructor(
    jobs: readonly Job[],
    private readonly clock: Clock,
    private readonly logger?: Logger,
    private readonly metrics: Metrics = noopMetrics,
  ) {
    this.passes = jobs.map((job) => ({ job, pass: new PeriodicPass(() => this.runOnce(job), () => undefined) }));
  }

  /** Starts every job's schedule; starting twice does nothing. */
  start(): void {
    for (const { job, pass } of this.passes) {
      this.metrics.jobScheduled(job.name);
      pass.start(job.everyMs, job.firstAfterMs);
    }
  }

  /** Stops the schedules and waits for the passes in flight. */
  async stop(): Promise<void> {
    await Promise.all(this.passes.map(({ pass }) => pass.stop()));
  }

  /** One pass of a job, reported; never throws (a failed pass is logged and counted). */
  async runOnce(job: Job): Promise<void> {
    const started = performance.now();
    try {
      const report = await job.run();
      const seconds = (performance.now() - started) / 1000;
      this.metrics.jobPass(job.name, { outcome: 'success', endedAt: this.clock.now(), seconds, ...report });
      const fields = { job: job.name, durationMs: Math.round(seconds * 1000), ...report };
      if (report.processed > 0 || report.failed > 0) this.logger?.info(fields, 'job pass');
      else this.logger?.debug(fields, 'job pass');
    } catch (err) {
      const seconds = (performance.now() - started) / 1000;
      this.metrics.jobPass(job.name, { outcome: 'failure', endedAt: this.clock.now(), seconds, processed: 0, failed: 0 });
      this.logger?.warn({ job: job.name, durationMs: Math.round(seconds * 1000), err: String(err) }, 'job pass failed');
    }
  }
}
