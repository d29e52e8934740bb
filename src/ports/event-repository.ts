import type { AuditEvent, NewAuditEvent } from '../domain/audit-event.js';
import type { Page, PageResult } from './page.js';

/** A time window over events' `createdAt`: from `since` (included) to `until` (excluded); either may be absent. */
export interface EventWindow {
  since?: Date;
  until?: Date;
}

/** The audit events, append-only. */
export interface EventRepository {
  append(event: NewAuditEvent): Promise<AuditEvent>;
  /** Appends many events with one statement. */
  appendMany(events: readonly NewAuditEvent[]): Promise<void>;
  /** A project's events, newest first; of one type, of one object (`certificate` and its id), and within a time window, when given. */
  listForProject(projectId: string, page: Page, type?: string, object?: { type: string; id: string }, window?: EventWindow): Promise<PageResult<AuditEvent>>;
  /** The events of no project (sign-ins, users, organizations), newest first; of one type and within a time window, when given. */
  listUnscoped(page: Page, type?: string, window?: EventWindow): Promise<PageResult<AuditEvent>>;
}
