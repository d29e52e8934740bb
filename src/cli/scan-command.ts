import { readFile } from 'node:fs/promises';
import { parseCertificate } from '../pki/parse-certificate.js';
import { toPem } from '../pki/pem.js';
import { createProbeTrust, defaultProbeTrust, type ProbeError, type ProbeResult } from '../probe/probe-endpoint.js';
import { probeMany } from '../probe/probe-many.js';
import { ScanTargetError, expandTargets } from '../probe/scan-targets.js';
import type { ProbeProtocol } from '../probe/starttls.js';
import type { ApiClient } from './api-client.js';
import { ApiError, CliError, ConnectionError } from './cli-error.js';
import { writeLine, type CliIo } from './cli-io.js';

export interface ScanOptions {
  targets: string[];
  /** Files of targets, one per line (# comments, blank lines skipped). */
  files: string[];
  protocol: ProbeProtocol;
  serverName?: string;
  concurrency: number;
  timeoutMs: number;
  maxEndpoints: number;
  /** PEM files of extra trusted CAs (added to Node's bundled roots). */
  caFiles: string[];
  json: boolean;
  /** Import the discovered leaves into this project. */
  importTo?: { client: ApiClient; projectId: string };
}

/** One scanned endpoint, as `--json` prints it (one object per line). */
export interface ScanRow {
  host: string;
  port: number;
  protocol: ProbeProtocol;
  serverName: string | null;
  address: string | null;
  subject: string | null;
  issuer: string | null;
  domainName: string | null;
  sans: string[];
  notBefore: string | null;
  notAfter: string | null;
  daysLeft: number | null;
  fingerprintSha256: string | null;
  serialNumber: string | null;
  /** Certificates the server sent, leaf included. */
  chainLength: number;
  chainTrusted: boolean | null;
  trustError: string | null;
  nameMatches: boolean | null;
  tlsVersion: string | null;
  cipher: string | null;
  timeMs: number;
  error: ProbeError | { code: 'certificate_invalid'; step: 'parse'; message: string } | null;
  /** With --import: the inventory id of the leaf (new or existing), or null when the import failed. */
  certificateId?: number | null;
  importError?: string | null;
}

export interface ScanSummary {
  endpoints: number;
  withCertificate: number;
  failed: number;
  elapsedMs: number;
  imported: number;
  duplicate: number;
  importFailed: number;
  rows: ScanRow[];
}

const DAY_MS = 86_400_000;

function rowOf(r: ProbeResult, now: number): { row: ScanRow; leafPem?: string; chainPem?: string } {
  const row: ScanRow = {
    host: r.host,
    port: r.port,
    protocol: r.protocol,
    serverName: r.serverName,
    address: r.address,
    subject: null,
    issuer: null,
    domainName: null,
    sans: [],
    notBefore: null,
    notAfter: null,
    daysLeft: null,
    fingerprintSha256: null,
    serialNumber: null,
    chainLength: r.chain.length,
    chainTrusted: r.chainTrusted,
    trustError: r.trustError,
    nameMatches: r.nameMatches,
    tlsVersion: r.tlsVersion,
    cipher: r.cipher,
    timeMs: r.timings.totalMs,
    error: r.error,
  };
  if (r.chain.length === 0) return { row };
  try {
    const leaf = parseCertificate(r.chain[0]);
    Object.assign(row, {
      subject: leaf.subject,
      issuer: leaf.issuer,
      domainName: leaf.domainName,
      sans: leaf.sans,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
      daysLeft: Math.floor((leaf.notAfter.getTime() - now) / DAY_MS),
      fingerprintSha256: leaf.fingerprintSha256,
      serialNumber: leaf.serialNumber,
    });
    return { row, leafPem: leaf.pem, chainPem: r.chain.slice(1).map((d) => toPem(d)).join('') };
  } catch (err) {
    row.error = { code: 'certificate_invalid', step: 'parse', message: (err as Error).message };
    return { row };
  }
}

async function readTargets(options: ScanOptions): Promise<string[]> {
  const targets = [...options.targets];
  for (const file of options.files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new CliError('file_unreadable', `--file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    for (const line of text.split(/\r?\n/)) {
      const t = line.replace(/#.*$/, '').trim();
      if (t) targets.push(...t.split(/\s+/));
    }
  }
  return targets;
}

/** Codes that would fail every import the same way. */
const FATAL_CODES = new Set(['unauthorized', 'forbidden', 'project_not_found', 'route_not_found', 'bad_response']);

/**
 * Probes the targets (host:port, host, CIDR ranges with port lists; see `expandTargets`) with
 * `concurrency` connections at a time, parses every served leaf, and prints a table or one JSON
 * object per endpoint (`--json`). With an import target, the distinct leaves (by SHA-256
 * fingerprint) go through the bulk import endpoint with the chain as served; the server
 * deduplicates by fingerprint. The CLI probes whatever the user names, link-local and metadata
 * addresses included: it runs with the user's own network access (only server-side probes need
 * an allow/deny list). Endpoint failures are findings, not errors: the exit code is 0 unless an
 * import failed.
 */
export async function scanCommand(options: ScanOptions, io: CliIo): Promise<ScanSummary> {
  const started = performance.now();
  const targets = await readTargets(options);
  if (targets.length === 0) throw new CliError('invalid_option', 'give targets (host:port, host, 10.0.0.0/24:443,8443) or --file F');
  let endpoints;
  try {
    endpoints = expandTargets(targets, options.protocol, options.maxEndpoints);
  } catch (err) {
    if (err instanceof ScanTargetError) throw new CliError('invalid_target', err.message);
    throw err;
  }
  const extraCas: string[] = [];
  for (const file of options.caFiles) {
    try {
      extraCas.push(await readFile(file, 'utf8'));
    } catch (err) {
      throw new CliError('file_unreadable', `--ca-file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  let trust;
  try {
    trust = extraCas.length ? createProbeTrust(extraCas) : defaultProbeTrust();
  } catch (err) {
    throw new CliError('invalid_ca_file', `--ca-file: ${(err as Error).message}`);
  }

  const cliProgress = io.isTTY && !options.json ? (await import('cli-progress')).default : undefined;
  const bar = cliProgress
    ? new cliProgress.SingleBar(
        { stream: io.stderr, format: 'scanning [{bar}] {percentage}% | {value}/{total} endpoints | {eta_formatted} left', hideCursor: true, clearOnComplete: true, fps: 10, noTTYOutput: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(endpoints.length, 0);
  let results: ProbeResult[];
  try {
    results = await probeMany(endpoints, { concurrency: options.concurrency, timeoutMs: options.timeoutMs, trust, serverName: options.serverName, signal: io.signal, onResult: () => bar?.increment() });
  } finally {
    bar?.stop();
  }

  const now = Date.now();
  const rows = results.map((r) => rowOf(r, now));
  const summary: ScanSummary = {
    endpoints: endpoints.length,
    withCertificate: rows.filter((r) => r.row.fingerprintSha256 !== null).length,
    failed: rows.filter((r) => r.row.error !== null).length,
    elapsedMs: 0,
    imported: 0,
    duplicate: 0,
    importFailed: 0,
    rows: rows.map((r) => r.row),
  };
  if (options.importTo) await importLeaves(options.importTo, rows, summary);
  summary.elapsedMs = Math.round(performance.now() - started);

  if (options.json) {
    for (const row of summary.rows) writeLine(io.stdout, JSON.stringify(row));
  } else {
    printTable(summary, io, Boolean(options.importTo));
  }
  return summary;
}

async function importLeaves(target: { client: ApiClient; projectId: string }, rows: Array<{ row: ScanRow; leafPem?: string; chainPem?: string }>, summary: ScanSummary): Promise<void> {
  const byFingerprint = new Map<string, { leafPem: string; chainPem: string; rows: ScanRow[] }>();
  for (const r of rows) {
    if (!r.leafPem || !r.row.fingerprintSha256) continue;
    const entry = byFingerprint.get(r.row.fingerprintSha256);
    if (entry) entry.rows.push(r.row);
    else byFingerprint.set(r.row.fingerprintSha256, { leafPem: r.leafPem, chainPem: r.chainPem ?? '', rows: [r.row] });
  }
  const leaves = [...byFingerprint.values()];
  const path = `/api/v1/projects/${encodeURIComponent(target.projectId)}/certificates/import-batch?brief=true`;
  for (let i = 0; i < leaves.length; i += 100) {
    const batch = leaves.slice(i, i + 100);
    let outcomes: Array<{ index: number; success: boolean; duplicate: boolean; code: string | null; errors: string[]; id: number | null }>;
    try {
      // The chain as served (it may be incomplete or padded); the server orders and checks it.
      const res = await target.client.post(path, { items: batch.map((l) => ({ certificateBody: l.leafPem, ...(l.chainPem ? { certificateChain: l.chainPem } : {}) })) });
      outcomes = res.result as typeof outcomes;
    } catch (err) {
      if (err instanceof ConnectionError || (err instanceof ApiError && FATAL_CODES.has(err.code))) throw err;
      const message = err instanceof CliError ? `${err.code}: ${err.message}` : (err as Error).message;
      outcomes = batch.map((_, index) => ({ index, success: false, duplicate: false, code: null, errors: [message], id: null }));
    }
    for (const o of outcomes) {
      const leaf = batch[o.index];
      if (o.success) {
        if (o.duplicate) summary.duplicate++;
        else summary.imported++;
      } else summary.importFailed++;
      for (const row of leaf.rows) {
        row.certificateId = o.success ? o.id : null;
        row.importError = o.success ? null : `${o.code ?? 'import_failed'}: ${o.errors.join('; ')}`;
      }
    }
  }
}

function printTable(summary: ScanSummary, io: CliIo, imported: boolean): void {
  const header = ['ENDPOINT', 'NOT AFTER', 'DAYS', 'SUBJECT', 'TRUST', 'NAME', 'ERROR'];
  const lines = summary.rows.map((r) => [
    `${r.host.includes(':') ? `[${r.host}]` : r.host}:${r.port}${r.protocol === 'tls' ? '' : ` (${r.protocol})`}`,
    r.notAfter ? r.notAfter.slice(0, 10) : '-',
    r.daysLeft === null ? '-' : String(r.daysLeft),
    r.domainName ?? '-',
    r.chainTrusted === null ? '-' : r.chainTrusted ? 'ok' : (r.trustError ?? 'untrusted'),
    r.nameMatches === null ? '-' : r.nameMatches ? 'ok' : 'mismatch',
    r.error ? `${r.error.code}: ${r.error.message}` : '',
  ]);
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...lines.map((l) => l[i].length))));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.length > widths[i] ? c.slice(0, widths[i] - 1) + '…' : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  writeLine(io.stdout, fmt(header));
  for (const l of lines) writeLine(io.stdout, fmt(l));
  const seconds = summary.elapsedMs / 1000;
  let tail = `${summary.endpoints} endpoints, ${summary.withCertificate} with a certificate, ${summary.failed} failed (${seconds.toFixed(1)} s)`;
  if (imported) tail += `; imported ${summary.imported}, duplicate ${summary.duplicate}, import failed ${summary.importFailed}`;
  writeLine(io.stdout, tail);
}

/** `--timeout`: a number of seconds, or with a unit: 5s, 500ms (50 ms to 10 minutes). */
export function parseTimeoutMs(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(value);
  const n = m ? (m[2]?.toLowerCase() === 'ms' ? Number(m[1]) : Number(m[1]) * 1000) : NaN;
  if (!Number.isFinite(n) || n < 50 || n > 600_000) throw new CliError('invalid_option', `--timeout takes seconds or a duration from 50ms to 600s, like 5, 5s or 500ms (got "${value}")`);
  return Math.round(n);
}
