/**
 * A background pass run on a schedule: a pass never overlaps the previous one, the timers do
 * not keep the process alive, and stop() waits for the pass in flight. JobRunner runs every
 * job on one.
 */
export class PeriodicPass {
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Timeout;
  private current?: Promise<void>;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** A pass after `firstAfterMs` (0: at once), then every `everyMs`. Starting twice does nothing. */
  start(everyMs: number, firstAfterMs = everyMs): void {
    if (this.timer) return;
    if (firstAfterMs <= 0) this.tick();
    else {
      this.first = setTimeout(() => this.tick(), firstAfterMs);
      this.first.unref();
    }
    this.timer = setInterval(() => this.tick(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearTimeout(this.first);
    clearInterval(this.timer);
    this.first = this.timer = undefined;
    await this.current;
  }

  private tick(): void {
    if (this.current) return;
    this.current = this.run()
      .then(() => undefined, this.onError)
      .finally(() => {
        this.current = undefined;
      });
  }
}
