/** One recorded change: the audit trail, and the outbox notifications are dispatched from. */
export interface AuditEvent {
  id: number;
  organizationId: string | null;
  projectId: string | null;
  /** e.g. "certificate.imported", "certificate.deleted", "api_key.created". */
  type: string;
  /** Who: "api_key:<id>", "system", "cli". */
  actor: string;
  objectType: string;
  objectId: string;
  /** Small JSON facts about the change; never secrets. */
  data: Record<string, unknown>;
  createdAt: Date;
}

/** An event to append; the store assigns its id. */
export type NewAuditEvent = Omit<AuditEvent, 'id'>;
