import type { Logger } from 'pino';

/** The current ETag of each of these targets' agent listings (DeploymentService.agentEtags): one read for all. */
export type AgentEtagsOf = (targetIds: readonly number[]) => Promise<Map<number, string>>;

export interface AgentLongPollOptions {
  /**
   * How often the waiting agents' targets are checked against the database, in one read for
   * all of them, while any agent waits: what another server recorded reaches them within
   * this. Default 2 s.
   */
  checkEveryMs?: number;
  /** A wake-up (`poke`) is checked this long after it came, so a burst of changes costs one read. Default 50 ms. */
  coalesceMs?: number;
}

interface Waiter {
  targetId: number;
  etag: string;
  done: (changed: boolean) => void;
}

/**
 * The agents' long poll: a request whose agent already has the current listing waits here until
 * that listing changes or its time is up. Waiting costs no database work per request: one
 * check reads the ETags of every waiting agent's target at once, and runs when this server
 * records something agents act on (`poke`: a new certificate version, a deployment bound or
 * asked for) and every `checkEveryMs` while anyone waits, which is how a version recorded by
 * another server on the same PostgreSQL reaches its agents within seconds.
 */
export class AgentLongPoll {
  private readonly waiters = new Map<number, Set<Waiter>>();
  private readonly checkEveryMs: number;
  private readonly coalesceMs: number;
  private interval: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly etagsOf: AgentEtagsOf,
    options: AgentLongPollOptions = {},
    private readonly logger?: Logger,
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 2_000;
    this.coalesceMs = options.coalesceMs ?? 50;
  }

  /** How many requests wait now. */
  get waiting(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  /**
   * Waits until the target's listing no longer has `etag` (true) or `ms` passed, `signal`
   * aborted or the server closes (false).
   */
  wait(targetId: number, etag: string, ms: number, signal?: AbortSignal): Promise<boolean> {
    if (this.closed || ms <= 0 || signal?.aborted) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        targetId,
        etag,
        done: (changed) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          const set = this.waiters.get(targetId);
          set?.delete(waiter);
          if (set?.size === 0) this.waiters.delete(targetId);
          if (this.waiters.size === 0) this.stopInterval();
          resolve(changed);
        },
      };
      const timer = setTimeout(() => waiter.done(false), ms);
      const onAbort = () => waiter.done(false);
      signal?.addEventListener('abort', onAbort, { once: true });
      let set = this.waiters.get(targetId);
      if (!set) this.waiters.set(targetId, (set = new Set()));
      set.add(waiter);
      this.startInterval();
    });
  }

  /** Something agents act on may have changed: check the waiters soon (coalesced). */
  poke(): void {
    if (this.closed || this.waiters.size === 0 || this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      void this.check();
    }, this.coalesceMs);
    this.soon.unref();
  }

  /** Reads the waiting targets' ETags once and wakes every waiter whose listing changed. */
  async check(): Promise<void> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    this.checking = (async () => {
      do {
        this.again = false;
        const ids = [...this.waiters.keys()];
        if (ids.length === 0) break;
        try {
          const etags = await this.etagsOf(ids);
          for (const id of ids) {
            const current = etags.get(id);
            for (const w of [...(this.waiters.get(id) ?? [])]) if (current !== undefined && current !== w.etag) w.done(true);
          }
        } catch (err) {
          // The database may be away for a moment: the next check tries again, the waiters time out meanwhile.
          this.logger?.warn({ err: String(err) }, 'agent long poll check failed');
        }
      } while (this.again);
    })().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  /** Answers every waiter now (unchanged) and takes no more: the server is closing. */
  close(): void {
    this.closed = true;
    clearTimeout(this.soon);
    for (const set of [...this.waiters.values()]) for (const w of [...set]) w.done(false);
    this.stopInterval();
  }

  private startInterval(): void {
    if (this.interval) return;
    this.interval = setInterval(() => void this.check(), this.checkEveryMs);
    this.interval.unref();
  }

  private stopInterval(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
  }
}
