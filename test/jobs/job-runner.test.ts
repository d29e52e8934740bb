import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import { backgroundJobs, type JobServices } from '../../src/jobs/background-jobs.js';
import type { Job, JobReport } from '../../src/jobs/job.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { PrometheusMetrics } from '../../src/observability/prometheus-metrics.js';
import { FakeClock } from '../support/fake-clock.js';

/** Resolves once `check` holds, polling; fails after 10 s. */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function logCapture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level: 'debug' }, stream) };
}

describe('JobRunner', () => {
  it('runs each job on its schedule, one pass at a time, until stop() (which waits for the pass in flight)', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    let release: (() => void) | undefined;
    const slow: Job = {
      name: 'slow',
      everyMs: 5,
      firstAfterMs: 0,
      run: async () => {
        running++;
        most = Math.max(most, running);
        // The third pass is held until the test lets it finish: the timer fires meanwhile.
        if (++passes === 3) await new Promise<void>((resolve) => (release = resolve));
        else await new Promise((resolve) => setTimeout(resolve, 15));
        running--;
        return { processed: 1, failed: 0 };
      },
    };
    const runner = new JobRunner([slow], new FakeClock('2026-06-01T00:00:00Z'));
    runner.start();
    runner.start();
    await until(() => release !== undefined);
    const stopped = runner.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toBe(false);
    release!();
    await stopped;
    expect(passes).toBe(3);
    expect(most).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(passes).toBe(3);
  });

  it('reports every pass the same way on /metrics and in the log: items, failures, a pass that threw', async () => {
    const clock = new FakeClock('2026-06-01T00:00:00Z');
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const { lines, logger } = logCapture();
    const reports: Array<JobReport | Error> = [{ processed: 3, failed: 1 }, { processed: 0, failed: 0 }, new Error('database unavailable')];
    const job: Job = {
      name: 'renewals',
      everyMs: 60_000,
      firstAfterMs: 60_000,
      run: async () => {
        const next = reports.shift()!;
        clock.advance(1_000);
        if (next instanceof Error) throw next;
        return next;
      },
    };
    const runner = new JobRunner([job], clock, logger, metrics);
    runner.start();
    const zero = await metrics.text();
    expect(zero).toContain('certkeeper_job_passes_total{job="renewals",outcome="success"} 0');
    expect(zero).toContain('certkeeper_job_items_total{job="renewals",outcome="failure"} 0');
    for (let i = 0; i < 3; i++) await runner.runOnce(job);
    await runner.stop();
    const text = await metrics.text();
    expect(text).toContain('certkeeper_job_passes_total{job="renewals",outcome="success"} 2');
    expect(text).toContain('certkeeper_job_passes_total{job="renewals",outcome="failure"} 1');
    expect(text).toContain('certkeeper_job_items_total{job="renewals",outcome="success"} 2');
    expect(text).toContain('certkeeper_job_items_total{job="renewals",outcome="failure"} 1');
    // The last pass ended at T0 + 3 s and failed; the last success ended at T0 + 2 s.
    const t0 = Date.parse('2026-06-01T00:00:00Z') / 1000;
    expect(text).toContain(`certkeeper_job_last_pass_timestamp_seconds{job="renewals"} ${t0 + 3}`);
    expect(text).toContain(`certkeeper_job_last_success_timestamp_seconds{job="renewals"} ${t0 + 2}`);
    expect(text).toMatch(/certkeeper_job_last_pass_duration_seconds\{job="renewals"\} [0-9.e-]+\n/);
    const passLines = lines.filter((l) => l.job === 'renewals');
    expect(passLines.map((l) => [l.level, l.msg, l.processed, l.failed])).toEqual([
      [30, 'job pass', 3, 1],
      [20, 'job pass', 0, 0],
      [40, 'job pass failed', undefined, undefined],
    ]);
    expect(passLines[2].err).toContain('database unavailable');
    expect(passLines.every((l) => typeof l.durationMs === 'number')).toBe(true);
  });
});

describe('backgroundJobs', () => {
  it('is the one list of jobs, scheduled from the configuration', () => {
    const services = {} as JobServices;
    const schedule = (env: Record<string, string>) =>
      backgroundJobs(services, loadConfig({ CERTKEEPER_MASTER_KEY: Buffer.alloc(32).toString('base64'), ...env })).map((j) => [j.name, j.everyMs / 1000, j.firstAfterMs / 1000]);
    expect(schedule({})).toEqual([
      ['renewals', 300, 0],
      ['sweeps', 60, 5],
      ['notifications', 30, 30],
      ['revocation', 21_600, 60],
      ['push-checks', 300, 0],
      ['probes', 360, 30],
      ['deployments', 30, 5],
      ['sessions', 3600, 120],
    ]);
    expect(
      schedule({
        CERTKEEPER_RENEWAL_INTERVAL_SECONDS: '2',
        CERTKEEPER_SWEEP_INTERVAL_SECONDS: '3',
        CERTKEEPER_NOTIFY_RETRY_INTERVAL_SECONDS: '1',
        CERTKEEPER_REVOCATION_INTERVAL_SECONDS: '4',
        CERTKEEPER_PUSH_CHECK_INTERVAL_SECONDS: '5',
        CERTKEEPER_PROBE_INTERVAL_SECONDS: '6',
        CERTKEEPER_DEPLOY_INTERVAL_SECONDS: '2',
        CERTKEEPER_SESSION_PURGE_INTERVAL_SECONDS: '7',
      }),
    ).toEqual([
      ['renewals', 2, 0],
      ['sweeps', 3, 3],
      ['notifications', 1, 1],
      ['revocation', 4, 4],
      ['push-checks', 5, 0],
      ['probes', 6, 6],
      ['deployments', 2, 2],
      ['sessions', 7, 7],
    ]);
  });
});
