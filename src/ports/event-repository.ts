import type { AuditEvent, NewAuditEvent } from '../domain/audit-event.js';
import type { Page, PageResult } from './page.js';

/** The audit events, append-only. */
export interface EventRepository {
  append(event: NewAuditEvent): Promise<AuditEvent>;
  /** Appends many events with one statement. */
  appendMany(events: readonly NewAuditEvent[]): Promise<void>;
  /** A project's events, newest first; of one type, and of one object (`certificate` and its id), when given. */
  listForProject(projectId: string, page: Page, type?: string, object?: { type: string; id: string }): Promise<PageResult<AuditEvent>>;
  /** The events of no project (sign-ins, users, organizations), newest first. */
  listUnscoped(page: Page, type?: string): Promise<PageResult<AuditEvent>>;
}
