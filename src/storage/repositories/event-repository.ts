import type { AuditEvent, NewAuditEvent } from '../../domain/audit-event.js';
import type { EventRepository, EventWindow } from '../../ports/event-repository.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { EventsTable, Executor } from '../database.js';
import { pageWindow } from './paging.js';

/** Ids and times as either driver returns them. */
export type EventRow = Omit<EventsTable, 'id' | 'created_at'> & { id: number | string; created_at: number | string };

/** An events row as the audit event it stores (the dispatch reads them too). */
export function toEvent(row: EventRow): AuditEvent {
  return {
    id: Number(row.id),
    organizationId: row.organization_id,
    projectId: row.project_id,
    type: row.type,
    actor: row.actor,
    objectType: row.object_type,
    objectId: row.object_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: new Date(Number(row.created_at)),
  };
}

function toRow(event: NewAuditEvent) {
  return {
    organization_id: event.organizationId,
    project_id: event.projectId,
    type: event.type,
    actor: event.actor,
    object_type: event.objectType,
    object_id: event.objectId,
    data: JSON.stringify(event.data ?? {}),
    created_at: event.createdAt.getTime(),
  };
}

/** The audit log: append-only; a project's events are listed newest first (by id). */
export class KyselyEventRepository implements EventRepository {
  constructor(private readonly db: Executor) {}

  async append(event: NewAuditEvent): Promise<AuditEvent> {
    const row = await this.db
      .insertInto('events')
      .values(toRow(event))
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...event, data: { ...event.data }, id: Number(row.id) };
  }

  async appendMany(events: readonly NewAuditEvent[]): Promise<void> {
    for (let from = 0; from < events.length; from += 500) {
      await this.db
        .insertInto('events')
        .values(events.slice(from, from + 500).map(toRow))
        .execute();
    }
  }

  async listForProject(projectId: string, page: Page, type?: string, object?: { type: string; id: string }, window: EventWindow = {}): Promise<PageResult<AuditEvent>> {
    const { limit, offset } = pageWindow(page);
    let rows = this.db.selectFrom('events').selectAll().where('project_id', '=', projectId);
    let count = this.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId);
    if (type !== undefined) {
      rows = rows.where('type', '=', type);
      count = count.where('type', '=', type);
    }
    if (object !== undefined) {
      rows = rows.where('object_type', '=', object.type).where('object_id', '=', object.id);
      count = count.where('object_type', '=', object.type).where('object_id', '=', object.id);
    }
    if (window.since !== undefined) {
      rows = rows.where('created_at', '>=', window.since.getTime());
      count = count.where('created_at', '>=', window.since.getTime());
    }
    if (window.until !== undefined) {
      rows = rows.where('created_at', '<', window.until.getTime());
      count = count.where('created_at', '<', window.until.getTime());
    }
    const [items, total] = await Promise.all([
      rows.orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      count.executeTakeFirstOrThrow(),
    ]);
    return { items: items.map(toEvent), totalCount: Number(total.n) };
  }

  async listUnscoped(page: Page, type?: string, window: EventWindow = {}): Promise<PageResult<AuditEvent>> {
    const { limit, offset } = pageWindow(page);
    let rows = this.db.selectFrom('events').selectAll().where('project_id', 'is', null);
    let count = this.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', 'is', null);
    if (type !== undefined) {
      rows = rows.where('type', '=', type);
      count = count.where('type', '=', type);
    }
    if (window.since !== undefined) {
      rows = rows.where('created_at', '>=', window.since.getTime());
      count = count.where('created_at', '>=', window.since.getTime());
    }
    if (window.until !== undefined) {
      rows = rows.where('created_at', '<', window.until.getTime());
      count = count.where('created_at', '<', window.until.getTime());
    }
    const [items, total] = await Promise.all([rows.orderBy('id', 'desc').limit(limit).offset(offset).execute(), count.executeTakeFirstOrThrow()]);
    return { items: items.map(toEvent), totalCount: Number(total.n) };
  }
}
