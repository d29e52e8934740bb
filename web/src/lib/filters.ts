/**
 * The certificate list's view (filters, sort, page) lives in the URL, so a view can be shared
 * and the back button works: these functions map a query string to the view and back, and the
 * view to the API's list query. Parameter names are the API's own.
 */

export interface CertificateListView {
  status?: string;
  kind?: string;
  source?: string;
  expiringWithinDays?: number;
  /** A window on notAfter, [expiringAfter, expiringBefore) as ISO date-times (a week of the dashboard's timeline). */
  expiringAfter?: string;
  expiringBefore?: string;
  search?: string;
  covers?: string;
  /** notAfter (the default: soonest expiry first) or domainName. */
  sort: 'notAfter' | 'domainName';
  order: 'asc' | 'desc';
  page: number;
}

export const DEFAULT_VIEW: CertificateListView = { sort: 'notAfter', order: 'asc', page: 1 };
export const PAGE_SIZE = 50;

const TEXT_KEYS = ['status', 'kind', 'source', 'search', 'covers'] as const;
const WINDOW_KEYS = ['expiringAfter', 'expiringBefore'] as const;
/** The date-times the list API takes (the server checks the rest). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A whole number written in decimal digits only (as the API takes it), else undefined. */
function wholeNumber(value: string | null, max: number): number | undefined {
  if (value === null || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= max ? n : undefined;
}

/** Reads a view from a query string (`?status=Expired&sort=notAfter…`); what it does not know, or cannot read, is left out. */
export function viewFromSearch(search: string): CertificateListView {
  const q = new URLSearchParams(search);
  const view: CertificateListView = { ...DEFAULT_VIEW };
  for (const key of TEXT_KEYS) {
    const v = q.get(key)?.trim();
    if (v) view[key] = v;
  }
  for (const key of WINDOW_KEYS) {
    const v = q.get(key)?.trim();
    if (v && DATE_TIME.test(v)) view[key] = v;
  }
  const days = wholeNumber(q.get('expiringWithinDays'), 36500);
  if (days !== undefined) view.expiringWithinDays = days;
  const sort = q.get('sort');
  if (sort === 'notAfter' || sort === 'domainName') view.sort = sort;
  const order = q.get('order');
  if (order === 'asc' || order === 'desc') view.order = order;
  const page = wholeNumber(q.get('page'), 100000);
  if (page !== undefined && page >= 1) view.page = page;
  return view;
}

/** The query string of a view (with `?`, or empty), defaults left out, in a stable order. */
export function searchFromView(view: CertificateListView): string {
  const q = new URLSearchParams();
  for (const key of TEXT_KEYS) if (view[key]) q.set(key, view[key]!);
  if (view.expiringWithinDays !== undefined) q.set('expiringWithinDays', String(view.expiringWithinDays));
  for (const key of WINDOW_KEYS) if (view[key]) q.set(key, view[key]!);
  if (view.sort !== DEFAULT_VIEW.sort || view.order !== DEFAULT_VIEW.order) {
    q.set('sort', view.sort);
    q.set('order', view.order);
  }
  if (view.page !== 1) q.set('page', String(view.page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Whether the view narrows the list (an empty result then means "nothing matches", not "nothing yet"). */
export function isFiltered(view: CertificateListView): boolean {
  return TEXT_KEYS.some((k) => view[k] !== undefined) || view.expiringWithinDays !== undefined || WINDOW_KEYS.some((k) => view[k] !== undefined);
}

/** A change of filter starts again at page 1. */
export function withFilter(view: CertificateListView, change: Partial<Omit<CertificateListView, 'page'>>): CertificateListView {
  const next: CertificateListView = { ...view, ...change, page: 1 };
  for (const key of [...TEXT_KEYS, ...WINDOW_KEYS, 'expiringWithinDays'] as const) if (next[key] === '' || next[key] === undefined) delete next[key];
  return next;
}

/** The API's list query for a view. */
export function apiQueryOf(view: CertificateListView): Record<string, string | number> {
  const q: Record<string, string | number> = { pageIndex: view.page, pageSize: PAGE_SIZE, sort: view.sort, order: view.order };
  for (const key of TEXT_KEYS) if (view[key]) q[key] = view[key]!;
  if (view.expiringWithinDays !== undefined) q.expiringWithinDays = view.expiringWithinDays;
  for (const key of WINDOW_KEYS) if (view[key]) q[key] = view[key]!;
  return q;
}
