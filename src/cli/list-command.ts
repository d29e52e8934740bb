import type { ApiClient, ResultInfo } from './api-client.js';
import type { CertificateJson } from './certificate-json.js';
import { formatTable } from './certificate-json.js';
import { writeLine, type CliIo } from './cli-io.js';

export interface ListOptions {
  projectId: string;
  expiringWithinDays?: number;
  status?: string;
  kind?: string;
  source?: string;
  search?: string;
  covers?: string;
  sort?: string;
  desc: boolean;
  pageSize?: number;
  page?: number;
  all: boolean;
  json: boolean;
}

/** Lists certificates: one page (or every page with `all`) as a table or JSON `{ totalCount, items }`. */
export async function listCommand(client: ApiClient, options: ListOptions, io: CliIo): Promise<CertificateJson[]> {
  const pageSize = options.pageSize ?? (options.all ? 500 : 50);
  const query = new URLSearchParams();
  if (options.expiringWithinDays !== undefined) query.set('expiringWithinDays', String(options.expiringWithinDays));
  if (options.status) query.set('status', options.status);
  if (options.kind) query.set('kind', options.kind);
  if (options.source) query.set('source', options.source);
  if (options.search) query.set('search', options.search);
  if (options.covers) query.set('covers', options.covers);
  if (options.sort) query.set('sort', options.sort);
  if (options.desc) query.set('order', 'desc');
  else if (options.sort) query.set('order', 'asc');
  query.set('pageSize', String(pageSize));

  const items: CertificateJson[] = [];
  let pageIndex = options.page ?? 1;
  let info: ResultInfo | null = null;
  for (;;) {
    query.set('pageIndex', String(pageIndex));
    const res = await client.get(`/api/v1/projects/${encodeURIComponent(options.projectId)}/certificates?${query}`);
    items.push(...(res.result as CertificateJson[]));
    info = res.resultInfo;
    if (!options.all || !info?.hasNextPage || (res.result as unknown[]).length === 0) break;
    pageIndex++;
  }
  const totalCount = info?.totalCount ?? items.length;

  if (options.json) {
    writeLine(io.stdout, JSON.stringify({ totalCount, items }));
    return items;
  }
  if (items.length === 0) {
    writeLine(io.stdout, 'no certificates');
    return items;
  }
  const rows = items.map((c) => [String(c.id), c.status, c.daysLeft === null ? '-' : String(c.daysLeft), c.notAfter?.slice(0, 10) ?? '-', c.domainNameUnicode || c.domainName, c.kind, c.source]);
  writeLine(io.stdout, formatTable(['ID', 'STATUS', 'DAYS', 'NOT AFTER', 'DOMAIN', 'KIND', 'SOURCE'], rows));
  if (!options.all && info?.hasNextPage) {
    writeLine(io.stderr, `showing ${items.length} of ${totalCount} (page ${info.pageIndex} of ${info.totalPages}); --all lists every one, --page N another page`);
  }
  return items;
}
