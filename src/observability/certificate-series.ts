import type { CertificateMetricRow, CertificateRepository } from '../ports/certificate-repository.js';

const DAY_MS = 86_400_000;

/** Rows per keyset page: a few MB of text per chunk, constant memory however many certificates. */
export const CERTIFICATE_PAGE_SIZE = 5000;

/** Prometheus label value escaping (exposition format): backslash, double quote, line feed. */
export function escapeLabelValue(value: string): string {
  return /[\\"\n]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : value;
}

/**
 * The `status` label of certkeeper_certificate_status: the effective status (domain/certificate.ts
 * effectiveStatus: an issued certificate past notAfter is expired), with `issued` named `active`.
 */
export function statusLabelOf(row: CertificateMetricRow, nowMs: number): string {
  if (row.status === 'issued') return row.notAfter <= nowMs ? 'expired' : 'active';
  return row.status;
}

interface Family {
  name: string;
  help: string;
  /** The sample line's `{labels} value` tail after the common labels, or null to skip the row. */
  sample(row: CertificateMetricRow, nowMs: number): string | null;
}

const families: Family[] = [
  {
    name: 'certkeeper_certificate_not_after_seconds',
    help: 'Expiry (notAfter) of each certificate\'s current material, Unix seconds. Absent for a managed certificate not issued yet.',
    sample: (row) => (row.issued ? `} ${Math.floor(row.notAfter / 1000)}` : null),
  },
  {
    name: 'certkeeper_certificate_days_left',
    help: 'Whole days until notAfter, rounded down, negative once expired (as the API\'s daysLeft). Absent for a managed certificate not issued yet.',
    // domain/certificate.ts daysLeft, on epoch ms without a Date per row.
    sample: (row, nowMs) => (row.issued ? `} ${Math.floor((row.notAfter - nowMs) / DAY_MS)}` : null),
  },
  {
    name: 'certkeeper_certificate_status',
    help: 'Effective status of each certificate, always 1, in the status label: active, expired, revoked, failed, pending_validation, validating.',
    sample: (row, nowMs) => `,status="${statusLabelOf(row, nowMs)}"} 1`,
  },
];

/**
 * The per-certificate gauges in Prometheus text exposition format (version 0.0.4), computed at
 * scrape time from the database and yielded one chunk per keyset page: a family's samples must
 * be contiguous, so each family is one pass over the table by id (three cheap primary-key range
 * scans rather than a million label objects in memory). Common labels: project (id), id, name
 * (domainName), kind, source. A certificate written between passes may appear in one family and
 * not another; the next scrape is consistent again.
 *
 * `maxCertificates` > 0 caps the series (CERTKEEPER_METRICS_MAX_CERTIFICATES): with more
 * certificates than that, only the ones expiring soonest (expired within the last 30 days
 * included) get series, read in one index range, and `certkeeper_certificate_series_omitted`
 * says how many were left out. Measured on 1M certificates, the uncapped scrape is 3M lines,
 * 515 MB and 8 s: more than a Prometheus server should ingest from one target.
 */
export async function* certificateSeries(
  certificates: Pick<CertificateRepository, 'scanForMetrics' | 'soonestForMetrics'>,
  now: Date,
  pageSize = CERTIFICATE_PAGE_SIZE,
  maxCertificates = 0,
): AsyncGenerator<string> {
  const nowMs = now.getTime();
  if (maxCertificates > 0) {
    const { rows, total } = await certificates.soonestForMetrics(nowMs - RECENTLY_EXPIRED_MS, maxCertificates);
    if (total > maxCertificates) {
      let chunk = '';
      for (const family of families) chunk += header(family) + samples(family, rows, nowMs);
      yield chunk + omittedText(total - rows.length);
      return;
    }
  }
  for (const family of families) {
    let chunk = header(family);
    let afterId = 0;
    for (;;) {
      const rows = await certificates.scanForMetrics(afterId, pageSize);
      chunk += samples(family, rows, nowMs);
      if (chunk) yield chunk;
      chunk = '';
      if (rows.length < pageSize) break;
      afterId = rows[rows.length - 1]!.id;
    }
  }
  yield omittedText(0);
}

/** With a cap, certificates expired longer ago than this are the first left out. */
const RECENTLY_EXPIRED_MS = 30 * DAY_MS;

function header(family: Family): string {
  return `# HELP ${family.name} ${family.help}\n# TYPE ${family.name} gauge\n`;
}

function samples(family: Family, rows: readonly CertificateMetricRow[], nowMs: number): string {
  let text = '';
  for (const row of rows) {
    const tail = family.sample(row, nowMs);
    if (tail !== null) text += `${family.name}{project="${escapeLabelValue(row.projectId)}",id="${row.id}",name="${escapeLabelValue(row.domainName)}",kind="${row.kind}",source="${row.source}"${tail}\n`;
  }
  return text;
}

function omittedText(omitted: number): string {
  return (
    '# HELP certkeeper_certificate_series_omitted Certificates left out of the per-certificate series by CERTKEEPER_METRICS_MAX_CERTIFICATES (those expired over 30 days ago, then those expiring last).\n' +
    `# TYPE certkeeper_certificate_series_omitted gauge\ncertkeeper_certificate_series_omitted ${omitted}\n`
  );
}
