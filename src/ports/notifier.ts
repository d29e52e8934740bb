/**
 * What sends a project's notifiable events to its channels. The events table is
 * the outbox: whoever records a notifiable event (domain/notifiable-event.ts) only commits it;
 * a dispatch then reads the project's events after its dispatch cursor, builds the deliveries
 * (one message per event, or one digest, per enabled channel) and advances the cursor in one
 * transaction, so a crash between the event's commit and its delivery loses nothing, and of
 * several servers exactly one dispatches each event. A failing channel never blocks the others
 * or the caller.
 */
export interface DispatchResult {
  /** Notifiable events turned into deliveries (muted ones left out). */
  events: number;
  /** Deliveries recorded (and attempted once). */
  deliveries: number;
}

export interface Notifier {
  /**
   * Dispatches the project's events recorded since its last dispatch, now; never throws. Whatever
   * it misses (another server holds the project's cursor, the database is down) the notification
   * worker's next pass sends.
   */
  dispatch(projectId: string): Promise<DispatchResult>;
}

/** For deployments and tests without channels. */
export const noNotifier: Notifier = { dispatch: async () => ({ events: 0, deliveries: 0 }) };
