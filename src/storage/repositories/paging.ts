import type { Page } from '../../ports/page.js';

/** limit/offset of a 1-based page; rejects nonsense rather than scanning the world. */
export function pageWindow(page: Page): { limit: number; offset: number } {
  const pageIndex = Math.max(1, Math.floor(page.pageIndex));
  const limit = Math.max(0, Math.floor(page.pageSize));
  if (!Number.isFinite(pageIndex) || !Number.isFinite(limit)) throw new RangeError('pageIndex and pageSize must be finite numbers');
  return { limit, offset: (pageIndex - 1) * limit };
}
