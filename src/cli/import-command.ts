import type { ApiClient } from './api-client.js';
import { ApiError, CliError, ConnectionError, formatError } from './cli-error.js';
import { writeLine, type CliIo } from './cli-io.js';
import { findImportFiles, importItems, type ImportItem } from './import-sources.js';

export interface ImportOptions {
  projectId: string;
  inputs: string[];
  scopeId: 0 | 1;
  password?: string;
  concurrency: number;
  /** Certificates per request to the bulk endpoint (1 = one /import request per certificate). */
  batchSize?: number;
  json: boolean;
}

export interface ImportFailure {
  path: string;
  files: string[];
  code: string;
  message: string;
}

/**
 * Why and where an import stopped before every file was sent: the server went away or failed
 * (no connection, a connection lost or timed out, a 5xx answer). Every file is then counted
 * once: in a certificate the server acknowledged (`committedFiles`), failed or skipped as the
 * summary lists, sent without an answer (`unacknowledgedFiles`), or not sent (`notSentFiles`).
 */
export interface ImportInterruption {
  /** The failure that stopped the import (`connection_failed`, or the server's 5xx code). */
  code: string;
  message: string;
  /** Files of the certificates the server acknowledged as stored (imported or duplicate). */
  committedFiles: number;
  /** Certificates sent in requests that got no answer, or a 5xx: stored or not, a re-run tells. */
  unacknowledged: number;
  unacknowledgedFiles: number;
  /** Files never sent: not read yet, or read after the server had gone. */
  notSentFiles: number;
}

export interface ImportSummary {
  imported: number;
  duplicate: number;
  failed: number;
  skipped: number;
  files: number;
  elapsedMs: number;
  failures: ImportFailure[];
  skippedFiles: Array<{ path: string; reason: string }>;
  certificates: Array<{ path: string; id: number; duplicate: boolean }>;
  /** Null when every file was sent (or failed or skipped before sending). */
  interrupted: ImportInterruption | null;
}

/**
 * The exit code of an import (docs/cli.md): 0 every file imported, duplicate or skipped; 1 some
 * failed; when the server went away or failed part-way, 3 if some certificates were stored or may
 * have been (sent without an answer), else 2 (nothing reached it: as any command that cannot
 * reach the server).
 */
export function importExitCode(summary: ImportSummary): number {
  const stop = summary.interrupted;
  if (stop) return summary.imported + summary.duplicate + stop.unacknowledged > 0 ? 3 : 2;
  return summary.failed > 0 ? 1 : 0;
}

/** Certificates per bulk request: large enough to amortise a request and a transaction, small enough to keep a progress bar moving. */
export const DEFAULT_BATCH_SIZE = 250;
/**
 * A bulk request stops growing past this many bytes of items, well under the server's default
 * body limit (1 MB), so large PKCS#12 files or long chains do not push a batch over it.
 */
export const MAX_BATCH_BYTES = 512 * 1024;

/** Codes that would fail every file the same way: stop at the first one instead of listing them all. */
const FATAL_CODES = new Set(['unauthorized', 'forbidden', 'project_not_found', 'organization_not_found', 'route_not_found', 'bad_response']);

/**
 * Imports files and directories: pairs certificates with keys (see import-sources.ts), sends
 * `concurrency` imports at a time over kept-alive connections, and reports what happened.
 */
export async function importCommand(client: ApiClient, options: ImportOptions, io: CliIo): Promise<ImportSummary> {
  const started = performance.now();
  const found = await findImportFiles(options.inputs);
  const summary: ImportSummary = {
    imported: 0,
    duplicate: 0,
    failed: 0,
    skipped: 0,
    files: found.fileCount,
    elapsedMs: 0,
    failures: [],
    skippedFiles: [],
    certificates: [],
    interrupted: null,
  };
  // cli-progress is loaded only for a terminal (~20 ms of start-up otherwise spent for nothing).
  const cliProgress = io.isTTY && !options.json ? (await import('cli-progress')).default : undefined;
  const bar = cliProgress
    ? new cliProgress.SingleBar(
        { stream: io.stderr, format: 'importing [{bar}] {percentage}% | {value}/{total} files | {eta_formatted} left', hideCursor: true, clearOnComplete: true, fps: 10, noTTYOutput: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(found.fileCount, 0);

  const batchPath = `/api/v1/projects/${encodeURIComponent(options.projectId)}/certificates/import-batch?brief=true`;
  const batchSize = Math.max(1, Math.min(500, options.batchSize ?? DEFAULT_BATCH_SIZE));
  let fatal: CliError | undefined;
  /** The server went away or failed: nothing more is sent, what was sent is accounted for. */
  let gone: CliError | undefined;
  let accountedFiles = 0;
  let committedFiles = 0;
  const unacknowledged: ImportItem[] = [];

  const record = (item: ImportItem, outcome: { id: number; duplicate: boolean } | { code: string; message: string } | { skip: string }) => {
    accountedFiles += item.files.length;
    if ('skip' in outcome) {
      summary.skipped += item.files.length || 1;
      summary.skippedFiles.push({ path: item.path, reason: outcome.skip });
    } else if ('code' in outcome) {
      summary.failed++;
      summary.failures.push({ path: item.path, files: item.files, code: outcome.code, message: outcome.message });
    } else {
      if (outcome.duplicate) summary.duplicate++;
      else summary.imported++;
      committedFiles += item.files.length;
      summary.certificates.push({ path: item.path, id: outcome.id, duplicate: outcome.duplicate });
    }
    bar?.increment(item.files.length);
  };

  const failure = (item: ImportItem, err: ApiError) => {
    const hint = err.code === 'private_key_encrypted' && options.password === undefined ? ' (give --password to decrypt it)' : '';
    record(item, { code: err.code, message: err.message + hint });
  };

  /** Sends a batch through the bulk endpoint: one request, one transaction, an outcome per item. */
  const handleBatch = async (batch: ImportItem[]): Promise<void> => {
    const toSend: Array<ImportItem & { kind: 'send' }> = [];
    for (const item of batch) {
      if (item.kind === 'skip') record(item, { skip: item.reason });
      else if (item.kind === 'fail') record(item, { code: item.code, message: item.message });
      else toSend.push(item);
    }
    if (toSend.length === 0) return;
    await sendBatch(toSend);
  };

  const sendBatch = async (toSend: Array<ImportItem & { kind: 'send' }>): Promise<void> => {
    if (gone) return; // not sent
    try {
      const res = await client.post(batchPath, { items: toSend.map((item) => ({ ...item.body, scopeId: options.scopeId })) });
      const outcomes = res.result as Array<{ index: number; success: boolean; duplicate: boolean; code: string | null; errors: string[]; id: number | null }>;
      for (const o of outcomes) {
        const item = toSend[o.index];
        if (o.success && o.id !== null) record(item, { id: o.id, duplicate: o.duplicate });
        else failure(item, new ApiError(o.code ?? 'unknown_error', o.errors.join('; ') || 'import failed', 200));
      }
    } catch (err) {
      // The server went away (no connection, or it was lost) or failed (5xx): stop sending. A
      // request that may have arrived may have been committed (one transaction per request).
      if (err instanceof ConnectionError || (err instanceof ApiError && err.status >= 500)) {
        gone ??= err;
        if (!(err instanceof ConnectionError && !err.mayHaveArrived)) unacknowledged.push(...toSend);
        return;
      }
      if (err instanceof ApiError) {
        // Over a body limit (a reverse proxy's: nginx refuses over 1 MB by default): halve and
        // retry; a single item still too large fails alone, with the server's or our code.
        if (err.status === 413) {
          if (toSend.length > 1) {
            const half = Math.ceil(toSend.length / 2);
            await sendBatch(toSend.slice(0, half));
            await sendBatch(toSend.slice(half));
          } else {
            failure(toSend[0]!, err.code === 'body_too_large' ? err : new ApiError('body_too_large', `the request was refused as too large (HTTP 413): ${err.message}`, 413));
          }
          return;
        }
        if (FATAL_CODES.has(err.code)) throw err;
        for (const item of toSend) failure(item, err);
        return;
      }
      throw err;
    }
  };

  for (const p of found.problems) record(p, p.kind === 'fail' ? { code: p.code, message: p.message } : { skip: (p as { reason: string }).reason });

  const items = importItems(found.batches, { password: options.password });
  const worker = async () => {
    while (!fatal && !gone) {
      const batch: ImportItem[] = [];
      let bytes = 0;
      while (batch.length < batchSize && bytes < MAX_BATCH_BYTES) {
        const next = await items.next();
        if (next.done) break;
        batch.push(next.value);
        if (next.value.kind === 'send') bytes += itemBytes(next.value.body);
      }
      if (batch.length === 0) return;
      try {
        await handleBatch(batch);
      } catch (err) {
        fatal ??= err instanceof CliError ? err : new CliError('internal_error', (err as Error).message);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    bar?.stop();
  }
  if (fatal) throw fatal;

  summary.elapsedMs = Math.round(performance.now() - started);
  summary.failures.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (gone) {
    const unacknowledgedFiles = unacknowledged.reduce((n, item) => n + item.files.length, 0);
    summary.interrupted = {
      code: gone.code,
      message: gone.message,
      committedFiles,
      unacknowledged: unacknowledged.length,
      unacknowledgedFiles,
      notSentFiles: Math.max(0, summary.files - accountedFiles - unacknowledgedFiles),
    };
  }
  if (options.json) {
    writeLine(io.stdout, JSON.stringify(summary));
  } else {
    const seconds = summary.elapsedMs / 1000;
    const sent = summary.imported + summary.duplicate + summary.failed;
    writeLine(
      io.stdout,
      `imported ${summary.imported}, duplicate ${summary.duplicate}, failed ${summary.failed}, skipped ${summary.skipped} ` +
        `(${summary.files} files in ${seconds.toFixed(1)} s${seconds > 0 && sent > 0 ? `, ${Math.round(sent / seconds)}/s` : ''})`,
    );
    if (summary.failures.length) {
      writeLine(io.stdout, 'failed:');
      for (const f of summary.failures) {
        const others = f.files.filter((p) => p !== f.path);
        writeLine(io.stdout, `  ${f.path}${others.length ? ` (with ${others.join(', ')})` : ''}: ${f.code}: ${f.message}`);
      }
    }
    const stop = summary.interrupted;
    if (stop) {
      const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
      writeLine(io.stdout, 'interrupted: the server went away or failed before every file was sent');
      writeLine(io.stdout, `  committed:        ${summary.imported + summary.duplicate} certificates, acknowledged by the server (imported and duplicate above; ${files(stop.committedFiles)})`);
      writeLine(io.stdout, `  not acknowledged: ${stop.unacknowledged} certificates sent as it went (${files(stop.unacknowledgedFiles)}): stored or not, a re-run tells`);
      writeLine(io.stdout, `  not sent:         ${files(stop.notSentFiles)}`);
      writeLine(io.stdout, '  running the same import again is safe: what the server already holds comes back as duplicate');
    }
  }
  // The cause, as every command reports a failure (the summary above is on stdout).
  if (summary.interrupted) writeLine(io.stderr, formatError(gone));
  return summary;
}

/** The JSON size of an item's body, roughly: its string fields (PEM, base64), which are nearly all of it. */
function itemBytes(body: object): number {
  let n = 32;
  for (const v of Object.values(body)) if (typeof v === 'string') n += v.length + 16;
  return n;
}
