/**
 * The audit log's view (filters and page) lives in the URL, so a filtered trail can be shared
 * and Back undoes a change: these functions map a query string to the view and back, the view
 * to the events API's query, and the browser's local date-time fields to instants.
 */

export interface AuditView {
  type?: string;
  /** The object filter: both or neither (the API takes them together). */
  objectType?: string;
  objectId?: string;
  /** Instants (ISO 8601, UTC). */
  since?: string;
  until?: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;
const TEXT_KEYS = ['type', 'objectType', 'objectId'] as const;

/** An instant as the API writes it, or undefined for anything a Date cannot hold. */
function instant(text: string | null | undefined): string | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function auditViewFromSearch(search: string): AuditView {
  const q = new URLSearchParams(search);
  const view: AuditView = { page: 1 };
  for (const key of TEXT_KEYS) {
    const v = q.get(key)?.trim();
    if (v) view[key] = v.slice(0, 100);
  }
  // Half an object filter would be refused by the API: drop it.
  if ((view.objectType === undefined) !== (view.objectId === undefined)) {
    delete view.objectType;
    delete view.objectId;
  }
  const since = instant(q.get('since'));
  const until = instant(q.get('until'));
  if (since) view.since = since;
  if (until && (!since || until > since)) view.until = until;
  const page = q.get('page');
  if (page && /^\d{1,6}$/.test(page) && Number(page) >= 1) view.page = Number(page);
  return view;
}

/** The query string of a view (with `?`, or empty), in a stable order. */
export function searchFromAuditView(view: AuditView): string {
  const q = new URLSearchParams();
  for (const key of TEXT_KEYS) if (view[key]) q.set(key, view[key]!);
  if (view.since) q.set('since', view.since);
  if (view.until) q.set('until', view.until);
  if (view.page !== 1) q.set('page', String(view.page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The events API's query for a view (the deployment's trail takes no object filter). */
export function auditApiQuery(view: AuditView, scope: 'project' | 'deployment'): Record<string, string | number> {
  const q: Record<string, string | number> = { pageIndex: view.page, pageSize: AUDIT_PAGE_SIZE };
  if (view.type) q.type = view.type;
  if (scope === 'project' && view.objectType && view.objectId) {
    q.objectType = view.objectType;
    q.objectId = view.objectId;
  }
  if (view.since) q.since = view.since;
  if (view.until) q.until = view.until;
  return q;
}

export function isAuditFiltered(view: AuditView): boolean {
  return Boolean(view.type || view.objectType || view.since || view.until);
}

/**
 * The value of an `<input type="datetime-local">` ("2026-06-01T14:30") for an instant, in the
 * given offset from UTC in minutes (the browser's: `-new Date().getTimezoneOffset()`).
 */
export function localInputOf(iso: string | undefined, offsetMinutes: number): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + offsetMinutes * 60_000);
  return d.toISOString().slice(0, 16);
}

/** The instant of a datetime-local value read in the given offset; undefined when empty or unreadable. */
export function instantOfLocalInput(value: string, offsetMinutes: number): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const d = new Date(`${value}${value.length === 16 ? ':00' : ''}Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() - offsetMinutes * 60_000).toISOString();
}

/** "api_key.created" → "API key created": an event type in words, the type itself kept for a hover. */
export function eventTypeWords(type: string): string {
  const [noun, verb] = type.includes('.') ? [type.slice(0, type.indexOf('.')), type.slice(type.indexOf('.') + 1)] : [type, ''];
  const nouns: Record<string, string> = { api_key: 'API key', auth: 'Account', access_key: 'Access key', notification_channel: 'Notification channel' };
  const n = nouns[noun] ?? noun.charAt(0).toUpperCase() + noun.slice(1).replace(/_/g, ' ');
  return verb ? `${n} ${verb.replace(/_/g, ' ')}` : n;
}
