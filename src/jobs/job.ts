/** What one pass of a job did. */
export interface JobReport {
  /** Items the pass worked on (certificates, projects, endpoints, deliveries…). */
  processed: number;
  /** Of those, how many failed: an item's failure is its own, the pass goes on. */
  failed: number;
}

/**
 * One kind of background work, run on a schedule by JobRunner: each pass looks for what is due
 * and does it. The work itself lives in a service; leases (ports/leases.ts) keep several servers
 * from doing the same item twice.
 */
export interface Job {
  /** Stable name: the `job` label on /metrics and `job` in the log. */
  readonly name: string;
  /** Time between passes. */
  readonly everyMs: number;
  /** Delay before the first pass (0: at once). */
  readonly firstAfterMs: number;
  /** One pass over what is due; throws only when the pass as a whole failed. */
  run(): Promise<JobReport>;
}
